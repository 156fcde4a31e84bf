package search

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// The reference implementation of the query algorithm, step for step the
// same as themes/default/static/js/search.js. The tests run the shared
// table testdata/queries.json through both.

// MaxResults is the number of results a query returns at most.
const MaxResults = 10

// RecordsDelay is how long search.js waits, in milliseconds, before it
// fetches the shards of prose alone and the chunks of prose records that
// a query typed needs: a keystroke within that time supersedes the query,
// and they are never fetched. The names show at once, the prose after.
const RecordsDelay = 200

// Result is one line of the results list.
type Result struct {
	ID   string   // stable identity, for tests: "commune:30276", "cpts:colhaj", "profession:sage-femme@colhaj"
	Kind Kind     // type of the result
	Name string   // what the line shows first
	URL  string   // site path of the page it leads to
	Dept string   // département codes, space-separated ("30", "30 34"); "" for a région
	CPTS []string // the CPTS covering the commune, or concerned by a profession, mission or news item
	More string   // postal codes of a commune; the mission kind of a mission
	// Profession is the label of the profession a query named with a
	// place ("infirmier gourdon"), and Listed tells, of each of its CPTS,
	// whether it lists the profession among its members.
	Profession string
	Listed     []bool
	slugs      []string // of CPTS
}

// Searcher answers queries from a built index.
type Searcher struct {
	read        func(path string) ([]byte, error)
	man         manifest
	shards      map[string]*loaded
	professions *professionsJSON  // search/professions.<hash>.json, read when first needed
	typos       *shardMap         // search/typos.<hash>.json, read when first needed
	codes       *shardMap         // search/codes.<hash>.json, read when first needed
	proseMap    *shardMap         // search/prose.<hash>.json, read when first needed
	chunks      map[string]*chunk // by path
	near        map[string]bool   // départements ranked first among equal matches
}

// Near sets the départements whose communes and CPTS rank first among
// otherwise equal matches: the page's (data-near of the search form,
// space-separated: "30" on the Gard's page, "30 84" on that of a CPTS of
// the Gard and the Vaucluse), so that an ambiguous name finds the one
// nearby.
func (s *Searcher) Near(codes ...string) {
	s.near = map[string]bool{}
	for _, c := range codes {
		s.near[c] = true
	}
}

// isNear reports whether a record is of one of the near départements.
func (s *Searcher) isNear(r *record) bool {
	if len(s.near) == 0 {
		return false
	}
	switch r.kind {
	case KindCommune:
		return s.near[deptOf(r.rec[1].(string))]
	case KindCPTS:
		for _, d := range strings.Fields(r.rows[0][4].(string)) {
			if s.near[d] {
				return true
			}
		}
	}
	return false
}

// loaded is a decoded shard with what matching needs of each record.
type loaded struct {
	x    [][]any
	recs []*record
	w    []stemPosting
}

// chunk is a decoded chunk of prose records.
type chunk struct {
	x    [][]any
	recs [][]any
}

type record struct {
	rec   []any
	kind  Kind
	pos   int // the global order (kind, then largest first)
	rows  [][]any
	words []string
	keys  []string
}

type stemPosting struct {
	term string
	ids  []int
}

// Open reads ManifestPath with read, which returns a file of the site by
// its path ("search/manifest.json"), and checks its version.
func Open(read func(path string) ([]byte, error)) (*Searcher, error) {
	data, err := read(ManifestPath)
	if err != nil {
		return nil, err
	}
	s := &Searcher{read: read, shards: map[string]*loaded{}, chunks: map[string]*chunk{}}
	if err := json.Unmarshal(data, &s.man); err != nil {
		return nil, fmt.Errorf("search: %s: %v", ManifestPath, err)
	}
	if s.man.Version != FormatVersion {
		return nil, fmt.Errorf("search: %s has format version %d, want %d", ManifestPath, s.man.Version, FormatVersion)
	}
	return s, nil
}

// fileFor returns the shard file (its path) that holds the words starting
// with t, the key t resolved to, and whether it is a split shard, which
// holds only the first documents. ok is false when t is shorter than two
// letters. The map of the codes is read the first time t starts with a
// digit.
func (s *Searcher) fileFor(t string) (path, key string, split, ok bool, err error) {
	m := &s.man.shardMap
	if digit(t) {
		if m, err = s.mapOf(&s.codes, "codes", s.man.Codes); err != nil || m == nil {
			return "", "", false, false, err
		}
	}
	path, key, split, ok = m.fileFor(t)
	return path, key, split, ok, nil
}

// mapOf returns the map of shards of search/<name>.<hash>.json, read into
// *m the first time; nil if the index has none.
func (s *Searcher) mapOf(m **shardMap, name, hash string) (*shardMap, error) {
	if *m != nil || hash == "" {
		return *m, nil
	}
	data, err := s.read("search/" + name + "." + hash + ".json")
	if err != nil {
		return nil, err
	}
	var f mapFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("search: %s: %v", name, err)
	}
	*m = &f.shardMap
	return *m, nil
}

// fileFor finds the shard of t in m.
func (m *shardMap) fileFor(t string) (path, key string, split bool, ok bool) {
	if len(t) < 2 {
		return "", "", false, false
	}
	key = t[:2]
	_, isSplit := m.Split[key]
	for isSplit && len(key) < len(t) {
		key = t[:len(key)+1]
		_, isSplit = m.Split[key]
	}
	if h, ok := m.Split[key]; ok {
		return "search/s/" + key + "." + h + ".json", key, true, true
	}
	r := m.Ranges
	i := sort.Search(len(r), func(i int) bool { return r[i][0] > key }) - 1
	if i < 0 {
		return "", "", false, false
	}
	return "search/s/" + r[i][0] + "." + r[i][1] + ".json", key, false, true
}

// load returns a decoded shard.
func (s *Searcher) load(path string) (*loaded, error) {
	if l, ok := s.shards[path]; ok {
		return l, nil
	}
	data, err := s.read(path)
	if err != nil {
		return nil, err
	}
	var raw shardJSON
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("search: %s: %v", path, err)
	}
	l := &loaded{x: raw.X}
	pos := 0
	for i, rec := range raw.D {
		rec[0] = Kind(rec[0].(float64))
		pos += raw.I[i]
		r := &record{rec: rec, kind: rec[0].(Kind), pos: pos}
		for _, n := range recordRefs(rec) {
			r.rows = append(r.rows, l.x[n])
		}
		r.words = recordWords(rec, r.rows, s.man.Depts)
		r.keys = recordKeys(rec, r.rows)
		l.recs = append(l.recs, r)
	}
	for _, w := range raw.W {
		p := stemPosting{term: w[0].(string)}
		id := 0
		for _, n := range w[1].([]any) {
			id += int(n.(float64))
			p.ids = append(p.ids, id)
		}
		l.w = append(l.w, p)
	}
	s.shards[path] = l
	return l, nil
}

// recordRefs returns the CPTS references of a record; -1 is none.
func recordRefs(rec []any) []int {
	var v any
	switch rec[0].(Kind) {
	case KindCommune:
		v = rec[4]
	case KindMission, KindNews:
		v = rec[3]
	case KindCPTS:
		v = rec[1]
	case KindProfession:
		v = rec[3]
	}
	switch v := v.(type) {
	case float64:
		if v >= 0 {
			return []int{int(v)}
		}
	case []any:
		out := make([]int, len(v))
		for i, n := range v {
			out[i] = int(n.(float64))
		}
		return out
	}
	return nil
}

// How a query word matches a document, best first.
const (
	matchWord       = iota // a whole word of the document
	matchPrefix            // the start of a word
	matchTypo              // a whole word, with one typo
	matchTypoPrefix        // the start of a word, with one typo
	matchNone
)

// matchWords returns how q matches the best of words.
func matchWords(q string, words []string) int {
	best := matchNone
	for _, w := range words {
		switch {
		case w == q:
			return matchWord
		case strings.HasPrefix(w, q):
			best = min(best, matchPrefix)
		case best > matchTypo && len(q) >= MinTypoLen && !digit(q) && distance(q, w) <= 1:
			best = matchTypo
		case best > matchTypoPrefix && len(q) >= MinTypoLen && !digit(q) && typoPrefix(q, w):
			best = matchTypoPrefix
		}
	}
	return best
}

// hit is a matching document and its ranking: a name record, or the id of
// a prose document.
type hit struct {
	r                      *record // nil for prose
	id                     int     // prose document, else -1
	kind                   Kind
	exact                  int // see exactness
	typos, prefixes, order int
	near                   bool // of a département of Searcher.Near
}

// tokens returns the words a query must match: its words but particles,
// or all of them if it has only particles.
func tokens(query string) []string {
	words := Words(query)
	var req []string
	for _, w := range words {
		if !Particle(w) && !contains(req, w) {
			req = append(req, w)
		}
	}
	if len(req) == 0 {
		for _, w := range words {
			if !contains(req, w) {
				req = append(req, w)
			}
		}
	}
	return req
}

// Search returns up to MaxResults results for a query, best first.
func (s *Searcher) Search(query string) ([]Result, error) {
	return s.search(query, true)
}

// search is Search; without records, it reads no chunk of prose records
// and no shard of prose alone, and leaves out the results that need them:
// what search.js shows of a query typed while a later keystroke may still
// supersede it (RecordsDelay).
func (s *Searcher) search(query string, records bool) ([]Result, error) {
	if len(strings.Join(Words(query), "")) < 2 {
		return nil, nil // too short to mean anything
	}
	req := tokens(query)
	if p, place := s.splitProfession(req); p != "" {
		results, err := s.Search(strings.Join(place, " "))
		if err != nil {
			return nil, err
		}
		return s.withProfession(results, p)
	}
	// The primary word chooses the shard: the first word, in the order
	// typed, whose shard is complete (any complete shard finds the same
	// names, and a word typed after it does not fetch another); when all
	// are split, the deeper shard, then the longer word, then the first.
	primary, best := "", ""
	bestSplit, bestDepth := true, -1
	for _, t := range req {
		if best != "" && !bestSplit {
			break
		}
		path, key, split, ok, err := s.fileFor(t)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		depth := len(key)
		if best == "" || !split || depth > bestDepth || depth == bestDepth && len(t) > len(primary) {
			primary, best, bestSplit, bestDepth = t, path, split, depth
		}
	}
	if best == "" {
		return nil, nil
	}
	seen := map[int]bool{}
	hits, err := s.names(query, req, []string{best}, seen)
	if err != nil {
		return nil, err
	}
	if len(hits) < MaxResults { // else no prose document would show
		if ready, err := s.proseReady(req, primary); err != nil {
			return nil, err
		} else if !ready && !records {
			// search.js shows the names and waits (RecordsDelay).
			sort.SliceStable(hits, func(i, j int) bool { return hitLess(hits[i], hits[j]) })
			return s.results(hits, false)
		}
		prose, err := s.prose(req, primary)
		if err != nil {
			return nil, err
		}
		hits = append(hits, prose...)
	}
	if !exactOrPrefix(hits) && s.professionOf(primary) == "" {
		// A slip among the first letters may have chosen the wrong shard:
		// what it finds there joins the typos found so far.
		files, err := s.typoFiles(primary, best)
		if err != nil {
			return nil, err
		}
		more, err := s.names(query, req, files, seen)
		if err != nil {
			return nil, err
		}
		hits = append(hits, more...)
	}
	sort.SliceStable(hits, func(i, j int) bool { return hitLess(hits[i], hits[j]) })
	return s.results(hits, records)
}

// results turns the first MaxResults hits into results; without records,
// those of prose whose chunk of records is not loaded are left out.
func (s *Searcher) results(hits []hit, records bool) ([]Result, error) {
	var out []Result
	for _, h := range hits {
		if len(out) == MaxResults {
			break
		}
		if !records && h.r == nil && !s.hasRecord(h.id) {
			continue
		}
		r, err := s.result(h)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// exactOrPrefix reports whether a hit matches every word of the query
// whole or as its start, without a typo.
func exactOrPrefix(hits []hit) bool {
	for _, h := range hits {
		if h.typos == 0 {
			return true
		}
	}
	return false
}

// names returns the name records of the shard files that match every word
// of req, but those seen before (by their global order), which it adds to
// seen.
func (s *Searcher) names(query string, req []string, files []string, seen map[int]bool) ([]hit, error) {
	key := Key(query)
	// A word that names a profession is a word people know how to spell:
	// it takes no typo ("masseur" does not find Masseube) but the s of its
	// plural ("sages-femmes").
	singular := make([]string, len(req))
	for i, t := range req {
		if s.professionOf(t) != "" {
			singular[i] = strings.TrimSuffix(t, "s")
		}
	}
	var hits []hit
	for _, f := range files {
		sh, err := s.load(f)
		if err != nil {
			return nil, err
		}
	records:
		for _, r := range sh.recs {
			if seen[r.pos] {
				continue // also in a shard read before
			}
			h := hit{r: r, id: -1, kind: r.kind, order: r.pos, near: s.isNear(r)}
			for i, t := range req {
				how := matchWords(t, r.words)
				if how == matchNone || how >= matchTypo && singular[i] != "" && matchWords(singular[i], r.words) >= matchTypo {
					continue records
				}
				count(&h, how)
			}
			seen[r.pos] = true
			h.exact = exactness(r, key)
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// prose returns the prose documents whose stems match every word of req
// but stop words: first those of the primary word, then, if there are
// any, the other words' from the shards of prose alone.
func (s *Searcher) prose(req []string, primary string) ([]hit, error) {
	first, err := s.stems(primary, true)
	if err != nil || len(first) == 0 {
		return nil, err
	}
	ids := make([]int, 0, len(first))
	for id := range first {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	hits := make([]hit, len(ids))
	for i, id := range ids {
		k := s.kindOf(id)
		hits[i] = hit{id: id, kind: k, order: rankOrder(id, k)}
		count(&hits[i], first[id])
	}
	for _, t := range req {
		if t == primary || StopWord(t) {
			continue
		}
		m, err := s.stems(t, false)
		if err != nil {
			return nil, err
		}
		kept := hits[:0]
		for _, h := range hits {
			if how, ok := m[h.id]; ok {
				count(&h, how)
				kept = append(kept, h)
			}
		}
		hits = kept
	}
	return hits, nil
}

// proseReady reports whether the prose of the primary word needs no
// file but those loaded to be filtered by the other words of the query:
// the map of the shards of prose alone and their shards.
func (s *Searcher) proseReady(req []string, primary string) (bool, error) {
	first, err := s.stems(primary, true)
	if err != nil || len(first) == 0 || s.man.Prose == "" {
		return true, err
	}
	for _, t := range req {
		if t == primary || StopWord(t) || len(Stem(t)) < 2 {
			continue
		}
		if s.proseMap == nil {
			return false, nil
		}
		if path, _, _, ok := s.proseMap.fileFor(ProseMark + Stem(t)); ok && s.shards[path] == nil {
			return false, nil
		}
	}
	return true, nil
}

func count(h *hit, how int) {
	switch how {
	case matchPrefix:
		h.prefixes++
	case matchTypo:
		h.typos++
	case matchTypoPrefix: // both: a whole word with a typo ranks first
		h.typos++
		h.prefixes++
	}
}

// stems returns how the prose documents match t: the best match of t's
// stem with their stems, from the shard of t's stem: that of names for
// the primary word, of prose alone (ProseMark) for the others.
func (s *Searcher) stems(t string, primary bool) (map[int]int, error) {
	stem := Stem(t)
	if StopWord(t) || len(stem) < 2 {
		return nil, nil
	}
	var path string
	var ok bool
	var err error
	if primary {
		path, _, _, ok, err = s.fileFor(stem)
	} else {
		var m *shardMap
		if m, err = s.mapOf(&s.proseMap, "prose", s.man.Prose); m != nil {
			path, _, _, ok = m.fileFor(ProseMark + stem)
		}
	}
	if err != nil || !ok {
		return nil, err
	}
	sh, err := s.load(path)
	if err != nil {
		return nil, err
	}
	out := map[int]int{}
	for _, p := range sh.w {
		how := matchWords(stem, []string{p.term})
		if how == matchNone {
			continue
		}
		for _, id := range p.ids {
			if cur, ok := out[id]; !ok || how < cur {
				out[id] = how
			}
		}
	}
	return out, nil
}

// kindOf returns the kind of a document by its id.
func (s *Searcher) kindOf(id int) Kind {
	k := 0
	for i, first := range s.man.Kinds {
		if first <= id {
			k = i
		}
	}
	return Kind(k)
}

// maxTypoFiles bounds the shards a query with a slip in its first letters
// may fetch.
const maxTypoFiles = 8

// typoFiles returns the shard files that a slip among the letters that
// choose the shard of t (its key: two letters, more where the trie is
// split) may have missed, the commonest slips first: the deletion terms
// (see TypoMark) equal to t less its first letter (a wrong first letter),
// to t (a letter missing), to t less one of its other key letters (a wrong
// letter, two swapped); then the words of t less one of its key letters
// (a letter added). It returns nil for short words and codes.
func (s *Searcher) typoFiles(t, used string) ([]string, error) {
	if len(t) < MinTypoLen || digit(t) {
		return nil, nil
	}
	_, key, _, _, err := s.fileFor(t)
	if err != nil {
		return nil, err
	}
	n := max(len(key), 2)
	var files []string
	add := func(path string, ok bool) {
		if ok && path != used && !contains(files, path) && len(files) < maxTypoFiles {
			files = append(files, path)
		}
	}
	typos, err := s.mapOf(&s.typos, "typos", s.man.Typos)
	if err != nil {
		return nil, err
	}
	if typos != nil {
		variants := []string{TypoMark + t[1:], TypoMark + t}
		for j := 1; j < n; j++ {
			variants = append(variants, TypoMark+t[:j]+t[j+1:])
		}
		for _, v := range variants {
			path, _, _, ok := typos.fileFor(v)
			add(path, ok)
		}
	}
	for j := 0; j < n; j++ {
		path, _, _, ok, err := s.fileFor(t[:j] + t[j+1:])
		if err != nil {
			return nil, err
		}
		add(path, ok)
	}
	return files, nil
}

// exactness tells how the whole query, as key, equals a name record: 2
// for a name or a postal code, 1 for a commune's INSEE code only (people
// type postal codes: "13005" is the 5e arrondissement of Marseille before
// Aubagne, whose INSEE code it is), 0 for no exact match.
func exactness(r *record, key string) int {
	switch {
	case !contains(r.keys, key):
		return 0
	case r.kind == KindCommune && key == Key(r.rec[1].(string)) && key != Key(r.rec[2].(string)) &&
		!contains(strings.Fields(r.rec[3].(string)), key):
		return 1
	}
	return 2
}

// hitLess orders hits: an exact match of the whole query first, then
// names before prose, fewer typos, fewer words matched only by their
// start, the kind (communes first, news last), those of the page's
// départements (Near), and the global order (largest first).
func hitLess(a, b hit) bool {
	if a.exact != b.exact {
		return a.exact > b.exact
	}
	if pa, pb := a.kind >= KindMission, b.kind >= KindMission; pa != pb {
		return pb
	}
	if a.typos != b.typos {
		return a.typos < b.typos
	}
	if a.prefixes != b.prefixes {
		return a.prefixes < b.prefixes
	}
	if a.kind != b.kind {
		return a.kind < b.kind
	}
	if a.near != b.near {
		return a.near
	}
	return a.order < b.order
}
