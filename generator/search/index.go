package search

import (
	"bytes"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/plan"

	"golang.org/x/sync/errgroup"
)

// FormatVersion is the version of the manifest and shard format. search.js
// expects it and warns in the console when the manifest says otherwise.
const FormatVersion = 6

// ManifestPath is where the manifest is written, relative to the site
// root: plan.SearchIndex.
var ManifestPath = plan.File(plan.SearchIndex)

// DefaultShardBytes is the size, in bytes of JSON before compression,
// above which a node of the trie is split by one more letter. Leaves are
// packed into shards of at most two thirds of it: a shard of names is
// then 5 to 6 KB gzip-compressed (9 KB for a leaf alone near the limit),
// so that a query typed letter by letter that fetches two (a profession,
// then a place) stays within 25 KB with search.js
// (TestTypedQueriesStayWithinBudget), while a word keeps its documents
// whole up to the limit (a split node keeps only its first ones).
const DefaultShardBytes = 24 << 10

// MaxPostings is how many prose documents a shard lists under one stem:
// the first in rank (bestPostings: missions of the largest CPTS, then the
// newest news). A stem found in more documents finds only those.
const MaxPostings = 1000

// ChunkSize is the number of prose records per chunk file: a result
// line of prose fetches its chunk, 0.8 KB compressed on the national
// corpus (3.8 KB with 64 records).
const ChunkSize = 8

// A split shard keeps, of the prose under its key, the postings of the
// stem equal to the key and those of the splitStems most frequent stems,
// each cut to its splitPostings first in rank (bestPostings).
const (
	splitStems    = 16
	splitPostings = 100
)

// top is how many name documents of a kind a split shard keeps: the first
// in the global order (largest population first).
func top(k Kind) int {
	if k == KindCommune {
		return 40
	}
	return 12
}

// Options say what the index may link to and how it names things.
type Options struct {
	// HasPage reports whether the site has a page at a site path
	// ("/communes/30276/"); nil means every page exists. A commune without
	// a page links to its département's page, or to the note on communes
	// outside the directory (plan.Elsewhere).
	HasPage func(path string) bool
	// Published reports whether a news item is published (has a page);
	// nil publishes every item but drafts.
	Published func(*model.News) bool
	// Label returns the UI string of a closed-list value
	// ("profession.sage-femme" → "Sage-femme"), or "" to show the value.
	Label func(key string) string
	// Communes reports whether a commune belongs to the site; nil means
	// all do. A regional site leaves out the communes of other
	// départements: no CPTS of the site covers them, and none of them
	// would be shown as "aucune CPTS", which would be wrong.
	Communes func(*geo.Commune) bool
	// ShardBytes overrides DefaultShardBytes.
	ShardBytes int
	// Memo, when set, keeps the terms of news items for the next index
	// of the same site (see Memo).
	Memo *Memo
}

// Stats are the figures of an index.
type Stats struct {
	Docs   int   // documents indexed
	Shards int   // shard files
	Split  int   // shards split by one more letter, which keep only the first documents
	Chunks int   // chunk files of prose records
	Bytes  int64 // total size of the files
	// Diags are the errors of news texts that could not be read again
	// (model.Markdown.Text): their files changed during the build.
	Diags diag.List
}

// Index builds the search index of a site under search/: ManifestPath,
// the shards it lists, and the chunks of prose records, with the figures
// of the index and the errors of the news texts it could not read again.
// The output depends only on the site and options.
func Index(site *model.Site, opts Options) ([]output.File, Stats) {
	if opts.ShardBytes <= 0 {
		opts.ShardBytes = DefaultShardBytes
	}
	docs, stems := collect(site, opts)
	rows := rowMemo{}
	var diags diag.List // of the news texts that could not be read again
	ran, key := false, fingerprint(docs, stems.all(), rows, opts.ShardBytes)
	made := reuseOrBuild(key, func() *built {
		ran = true
		b := &builder{docs: docs, news: kinds(docs)[KindNews], vocab: stems, limit: opts.ShardBytes, packed: opts.ShardBytes * 2 / 3, seen: make([]int, len(docs)), rowSize: map[*model.CPTS][2]int{}, rowSeen: map[*model.CPTS][2]int{}, rows: rows,
			newsTerms: func(n *model.News) ([]uint32, error) { return opts.Memo.newsTerms(n, stems) }}
		b.index()
		diags = b.diags
		opts.Memo.done()
		b.trie()
		words := b.entries
		b.entries, b.leaves = b.deletionEntries(), nil // their own trie, in shards of their own
		b.trie()
		b.entries, b.leaves = proseEntries(words), nil // their own trie too
		b.trie()
		m, n := b.chunks()
		return &built{shards: b.shards, missions: m, news: n}
	})
	if !ran {
		opts.Memo.retain(docs) // the trie was reused: no term was looked up
	}
	if len(diags) > 0 {
		forget(key) // it lacks the stems of texts that changed: never reused
	}
	m := manifest{Version: FormatVersion, shardMap: newShardMap(), Kinds: kinds(docs),
		Depts: deptNames(site), Incomplete: incompleteByDept(site), Stop: stopWords, Particles: particles, Typo: MinTypoLen, Elsewhere: plan.Elsewhere}
	var files []output.File
	st := Stats{Docs: len(docs), Diags: diags}
	add := func(name string, data []byte) string {
		p := output.Fingerprint(name, data)
		files = append(files, output.File{Path: p, Data: data})
		st.Bytes += int64(len(data))
		return strings.TrimSuffix(strings.TrimPrefix(p, strings.TrimSuffix(name, ".json")+"."), ".json")
	}
	typos := mapFile{Version: FormatVersion, shardMap: newShardMap()}
	codes := mapFile{Version: FormatVersion, shardMap: newShardMap()}
	prose := mapFile{Version: FormatVersion, shardMap: newShardMap()}
	for _, s := range made.shards {
		hash := add("search/s/"+s.key+".json", s.data)
		in := &m.shardMap
		switch {
		case strings.HasPrefix(s.key, TypoMark):
			in = &typos.shardMap
		case strings.HasPrefix(s.key, ProseMark):
			in = &prose.shardMap
		case digit(s.key):
			in = &codes.shardMap
		}
		if s.split {
			in.Split[s.key] = hash
			st.Split++
		} else {
			in.Ranges = append(in.Ranges, [2]string{s.key, hash})
		}
	}
	m.Professions = professionWords(opts.label)
	m.ProfessionsFile = add("search/professions.json", marshal(professionsListed(site, opts.label)))
	if len(typos.Ranges)+len(typos.Split) > 0 {
		m.Typos = add("search/typos.json", marshal(typos))
	}
	if len(codes.Ranges)+len(codes.Split) > 0 {
		m.Codes = add("search/codes.json", marshal(codes))
	}
	if len(prose.Ranges)+len(prose.Split) > 0 {
		m.Prose = add("search/prose.json", marshal(prose))
	}
	st.Shards = len(made.shards)
	if len(made.missions)+len(made.news) > 0 {
		ref := &docsRef{First: m.Kinds[KindMission], News: m.Kinds[KindNews], Size: ChunkSize, Group: ChunkGroup}
		chunks := func(series string, data [][]byte) []string {
			var hashes []string
			for g := 0; g*ChunkGroup < len(data); g++ {
				group := data[g*ChunkGroup : min((g+1)*ChunkGroup, len(data))]
				hash := chunksHash(group)
				for i, c := range group {
					p := "search/d/" + series + strconv.Itoa(g*ChunkGroup+i) + "." + hash + ".json"
					files = append(files, output.File{Path: p, Data: c})
					st.Bytes += int64(len(c))
				}
				hashes = append(hashes, hash)
			}
			return hashes
		}
		ref.MissionHashes, ref.NewsHashes = chunks("m", made.missions), chunks("n", made.news)
		m.Docs = ref
		st.Chunks = len(made.missions) + len(made.news)
	}
	data := marshal(m)
	files = append(files, output.File{Path: ManifestPath, Data: data})
	st.Bytes += int64(len(data))
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, st
}

// manifest is search/manifest.json. A shard file is named
// search/s/<key>.<hash>.json. Split maps the key of each split shard to its
// hash; Ranges lists the other shards, sorted by key, each holding the
// words from its key up to the next one's. Kinds holds the first id of
// each kind (ids are in the global order, by kind). Docs says where the
// records of prose documents are.
type manifest struct {
	Version int `json:"version"`
	shardMap
	Kinds     []int             `json:"kinds"`
	Docs      *docsRef          `json:"docs,omitempty"`
	Depts     map[string]string `json:"depts"`
	Stop      []string          `json:"stop"`
	Particles []string          `json:"particles"`
	Typo      int               `json:"typo"`
	// Typos is the hash of search/typos.<hash>.json, the map of the
	// shards of the deletion terms (see TypoMark), fetched only when a
	// query needs them.
	Typos string `json:"typos,omitempty"`
	// Codes is the hash of search/codes.<hash>.json, the map of the
	// shards of the words that start with a digit (postal and INSEE
	// codes, numbers of départements), fetched only when a query looks
	// one up: most queries are names.
	Codes string `json:"codes,omitempty"`
	// Prose is the hash of search/prose.<hash>.json, the map of the
	// shards of prose alone (see ProseMark), fetched only when a query's
	// other words must filter the prose documents of its primary word.
	Prose string `json:"prose,omitempty"`
	// Professions maps the words that name a profession to its slug;
	// ProfessionsFile is the hash of search/professions.<hash>.json (see
	// profession.go).
	Professions     map[string]string `json:"professions"`
	ProfessionsFile string            `json:"professionsFile"`
	// Incomplete names, by département, the CPTS whose communes are not
	// all listed: a commune there without a CPTS may have one.
	Incomplete map[string][]string `json:"incomplete,omitempty"`
	// Elsewhere is the link of the communes of départements the site
	// has no page for (plan.Elsewhere): search.js says they are outside
	// the directory, not that no CPTS covers them.
	Elsewhere string `json:"elsewhere"`
}

// shardMap says which shard file holds a term: Split maps the key of
// each split shard to its hash; Ranges lists the other shards, sorted by
// key, each holding the terms from its key up to the next one's.
type shardMap struct {
	Split  map[string]string `json:"split"`
	Ranges [][2]string       `json:"ranges"`
}

func newShardMap() shardMap { return shardMap{Split: map[string]string{}, Ranges: [][2]string{}} }

// mapFile is a map of shards in a file of its own, fetched when first
// needed: search/typos.<hash>.json for the deletion terms,
// search/codes.<hash>.json for the codes, search/prose.<hash>.json for
// the stems of prose.
type mapFile struct {
	Version int `json:"v"`
	shardMap
}

// docsRef locates the records of prose documents, ChunkSize to a chunk
// file: those of missions (ids First to News-1) counted from the first,
// chunk n at search/d/m<n>.<MissionHashes[n/Group]>.json, and those of
// news (ids from News, the oldest first) counted from the first too,
// chunk n at search/d/n<n>.<NewsHashes[n/Group]>.json (see place). A hash
// names Group chunks, those it is the hash of together (chunksHash). As
// records hold no ids, a chunk changes only with its own records: a new
// item (the newest: the next id) changes the last chunk of news alone,
// an edited one its own, and a site that gains a name document (ids
// shift) none; a deploy uploads a group of chunks, not all of them.
type docsRef struct {
	First         int      `json:"first"`
	News          int      `json:"news"`
	Size          int      `json:"size"`
	Group         int      `json:"group"`
	MissionHashes []string `json:"missionHashes"`
	NewsHashes    []string `json:"newsHashes"`
}

// ChunkGroup is the number of chunks of prose records one hash names:
// the manifest lists a hash a group (93 on the national corpus, 1 KB),
// and an edit renames the chunks of its group.
const ChunkGroup = 32

// place returns the path of the chunk of prose document id and the
// record's place in it.
func (ix *docsRef) place(id int) (path string, at int) {
	series, hashes, k := "m", ix.MissionHashes, id-ix.First
	if id >= ix.News {
		series, hashes, k = "n", ix.NewsHashes, id-ix.News
	}
	n := k / ix.Size
	hash := ""
	if g := n / ix.Group; g < len(hashes) {
		hash = hashes[g]
	}
	return "search/d/" + series + strconv.Itoa(n) + "." + hash + ".json", k % ix.Size
}

// chunksHash returns the hash that names the chunks of prose records:
// output.Fingerprint's of their contents joined by newlines.
func chunksHash(chunks [][]byte) string {
	p := output.Fingerprint("d.json", bytes.Join(chunks, []byte("\n")))
	return strings.TrimSuffix(strings.TrimPrefix(p, "d."), ".json")
}

// kinds returns the first id of each kind; a kind without documents gets
// the first id of the next.
func kinds(docs []*doc) []int {
	out := make([]int, KindNews+1)
	for k := range out {
		out[k] = sort.Search(len(docs), func(i int) bool { return docs[i].kind >= Kind(k) })
	}
	return out
}

// entry is a word of the trie: the name documents that have it, and the
// prose documents that have it as a stem.
type entry struct {
	term  string
	names []int32
	prose []int32 // at most MaxPostings, by id
	psize int     // length of the encoded prose postings
}

type shard struct {
	key   string
	split bool
	data  []byte
}

// leaf is a node of the trie that is not split: entries[lo:hi], whose
// words start with key.
type leaf struct {
	key    string
	lo, hi int
	size   int
}

type builder struct {
	docs  []*doc
	news  int      // the id of the first news item (the oldest)
	stems []string // by number (doc.terms): vocab's, or given (tests)
	vocab *vocab   // numbers the stems of news as they are read, if set
	// newsTerms reads the stems of a news item, numbered in vocab.
	newsTerms func(*model.News) ([]uint32, error)
	diags     diag.List // of the news texts that could not be read again
	entries   []*entry  // sorted by term
	limit     int       // size above which a node is split
	packed    int       // size up to which leaves are packed into one shard
	seen      []int     // stamp per document, to count a node's documents once
	stamp     int
	rowSize   map[*model.CPTS][2]int // short and full row
	rowSeen   map[*model.CPTS][2]int // stamps of the short and full row
	rows      rowMemo
	leaves    []leaf
	shards    []shard
	scratch   []byte // the file being encoded
	records   []byte // its records
}

// index lists every word of two letters or more of the name documents,
// particles left out (a query may omit them, so they never choose a
// shard), and every stem of the prose documents. The stems of news items
// are read here, termBatch at a time on every core, and dropped once
// their postings are listed: an index of a decade of news would hold
// hundreds of megabytes of them.
func (b *builder) index() {
	words := 0
	for _, d := range b.docs {
		words += len(d.words)
	}
	if b.vocab != nil {
		b.stems = b.vocab.all()
	}
	byTerm := make(map[string]*entry, words/2+len(b.stems)) // a name word occurs about twice
	byStem := make([]*entry, len(b.stems))
	get := func(t string) *entry {
		e := byTerm[t]
		if e == nil {
			e = &entry{term: t}
			byTerm[t] = e
		}
		return e
	}
	add := func(d *doc, terms []uint32) {
		for _, w := range d.words {
			if len(w) >= 2 && !Particle(w) {
				e := get(w)
				e.names = append(e.names, int32(d.id))
			}
		}
		for _, id := range terms {
			e := byStem[id]
			if e == nil {
				t := b.stems[id]
				if len(t) < 2 {
					continue
				}
				e = get(t)
				byStem[id] = e
			}
			e.prose = append(e.prose, int32(d.id))
			if len(e.prose) == 2*MaxPostings { // only the best MaxPostings are kept: keep it bounded
				e.prose = b.bestPostings(e.prose, MaxPostings)
			}
		}
		for _, x := range d.refs {
			if _, ok := b.rowSize[x]; !ok {
				b.rowSize[x] = [2]int{jsonSize(b.rows.row(x, false)), jsonSize(b.rows.row(x, true))}
			}
		}
	}
	for lo := 0; lo < len(b.docs); {
		if b.docs[lo].news == nil {
			add(b.docs[lo], b.docs[lo].terms)
			lo++
			continue
		}
		hi := lo
		for hi < len(b.docs) && hi-lo < termBatch && b.docs[hi].news != nil {
			hi++
		}
		batch := b.readTerms(b.docs[lo:hi])
		if b.vocab != nil {
			b.stems = b.vocab.all()
			byStem = append(byStem, make([]*entry, len(b.stems)-len(byStem))...)
		}
		for i, d := range b.docs[lo:hi] {
			add(d, batch[i])
		}
		lo = hi
	}
	b.entries = make([]*entry, 0, len(byTerm))
	for _, e := range byTerm {
		e.prose = b.bestPostings(e.prose, MaxPostings)
		if len(e.prose) > 0 {
			e.psize = len(e.term) + 6 + len(e.prose)*3
		}
		b.entries = append(b.entries, e)
	}
	slices.SortFunc(b.entries, entryOrder)
}

// termBatch is how many news items index reads the stems of at once.
const termBatch = 1024

// readTerms reads the stems of the news items of docs on every core,
// and keeps the errors of the texts that could not be read again.
func (b *builder) readTerms(docs []*doc) [][]uint32 {
	terms := make([][]uint32, len(docs))
	errs := make([]error, len(docs))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, d := range docs {
		g.Go(func() error {
			terms[i], errs[i] = b.newsTerms(d.news)
			return nil
		})
	}
	_ = g.Wait() // the tasks return no error
	for i, d := range docs {
		if errs[i] != nil {
			d.news.Body.Report(&b.diags, errs[i])
		}
	}
	return terms
}

// bestPostings returns the n first in rank of the prose documents ids
// (sorted by id), sorted by id: the missions, by id, then the news, the
// newest (the largest id) first, as queries rank them (rankOrder).
func (b *builder) bestPostings(ids []int32, n int) []int32 {
	if len(ids) <= n {
		return ids
	}
	missions, _ := slices.BinarySearch(ids, int32(b.news))
	if missions >= n {
		return ids[:n:n]
	}
	return append(ids[:missions:missions], ids[len(ids)-(n-missions):]...)
}

// rankOrder is the order in which queries rank the documents of a kind:
// by id, but news by date, the newest (the largest id) first.
func rankOrder(id int, kind Kind) int {
	if kind == KindNews {
		return -id
	}
	return id
}

// entryOrder orders entries by term, for slices.SortFunc.
func entryOrder(a, b *entry) int { return strings.Compare(a.term, b.term) }

// TypoMark starts the terms of the index that are not words: a name word
// of MinTypoLen letters or more less one of the letters that choose its
// shard (its first two, more where the trie is split deeper: "lunel":
// "~unel", "~lnel"). A query word with a slip among the letters that
// choose its shard finds the word there (see typoFiles): no query word
// starts with it.
const TypoMark = "~"

// ProseMark starts the terms of the trie of prose alone: each stem of
// prose ("=soin") with its postings, without the name documents of its
// letters. The shard of the primary word of a query holds the postings
// of its stems; the other words' postings, which only filter those
// documents, are read from these shards rather than from the shards of
// their names: there is much less prose than names, so a shard of prose
// covers many more letters.
const ProseMark = "="

// proseEntries returns the entries of the trie of prose alone: the stems
// of entries (sorted), marked with ProseMark.
func proseEntries(entries []*entry) []*entry {
	var out []*entry
	for _, e := range entries {
		if len(e.prose) > 0 {
			out = append(out, &entry{term: ProseMark + e.term, prose: e.prose, psize: e.psize + len(ProseMark)})
		}
	}
	return out
}

// deletions returns the terms of a name word less one of the letters of
// its shard's key (split holds the keys of the split nodes), marked with
// TypoMark; none for short words, codes and terms of prose only.
func deletions(w string, split map[string]bool) []string {
	if len(w) < MinTypoLen || digit(w) || !ascii(w) {
		return nil
	}
	n := shardKeyLen(w, split)
	out := make([]string, 0, n)
	for j := 0; j < n; j++ {
		out = append(out, TypoMark+w[:j]+w[j+1:])
	}
	return out
}

// shardKeyLen is the length of the key of the shard that holds w: two
// letters, one more while that key is split (as shardMap.fileFor).
func shardKeyLen(w string, split map[string]bool) int {
	n := 2
	for n < len(w) && split[w[:n]] {
		n++
	}
	return n
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// trie puts the entries into nodes keyed by their first two letters, and
// packs the leaves into shards.
func (b *builder) trie() {
	for lo := 0; lo < len(b.entries); {
		key := b.entries[lo].term[:2]
		hi := lo
		for hi < len(b.entries) && strings.HasPrefix(b.entries[hi].term, key) {
			hi++
		}
		b.node(key, lo, hi)
		lo = hi
	}
	b.pack()
}

// deletionEntries returns the deletion terms of the name words of the
// trie just built (see TypoMark), sorted.
func (b *builder) deletionEntries() []*entry {
	split := map[string]bool{}
	for _, s := range b.shards {
		if s.split {
			split[s.key] = true
		}
	}
	byTerm := make(map[string]*entry, len(b.entries)) // about as many as words: short ones have none, others several
	for _, e := range b.entries {
		if len(e.names) == 0 {
			continue // a stem of prose only
		}
		for _, v := range deletions(e.term, split) {
			d := byTerm[v]
			if d == nil {
				d = &entry{term: v}
				byTerm[v] = d
			}
			d.names = append(d.names, e.names...)
		}
	}
	out := make([]*entry, 0, len(byTerm))
	for _, e := range byTerm {
		slices.Sort(e.names)
		e.names = slices.Compact(e.names)
		out = append(out, e)
	}
	slices.SortFunc(out, entryOrder)
	return out
}

// node handles the entries[lo:hi], whose words all start with key. Under
// the size limit, they make a leaf. Over it, the node is split: each next
// letter gets its own node, and the node's own shard keeps the first name
// documents of each kind, those whose name or code is the key itself, and
// the most frequent stems, for queries that stop at key.
func (b *builder) node(key string, lo, hi int) {
	docs, size := b.collect([][2]int{{lo, hi}})
	longer := false
	for i := lo; i < hi && !longer; i++ {
		longer = len(b.entries[i].term) > len(key)
	}
	if size <= b.limit || !longer {
		b.leaves = append(b.leaves, leaf{key, lo, hi, size})
		return
	}
	slices.Sort(docs)
	var kept []int32
	count := map[Kind]int{}
	for _, id := range docs {
		d := b.docs[id]
		if count[d.kind] < top(d.kind) || b.hasKey(d, key) {
			count[d.kind]++
			kept = append(kept, id)
		}
	}
	var stems []*entry
	for _, e := range b.entries[lo:hi] {
		if len(e.prose) > 0 {
			stems = append(stems, e)
		}
	}
	sort.SliceStable(stems, func(i, j int) bool {
		if (stems[i].term == key) != (stems[j].term == key) {
			return stems[i].term == key
		}
		return len(stems[i].prose) > len(stems[j].prose)
	})
	if len(stems) > splitStems {
		stems = stems[:splitStems]
	}
	var cut []*entry
	for _, e := range stems {
		c := *e
		if c.term != key {
			c.prose = b.bestPostings(c.prose, splitPostings)
		}
		cut = append(cut, &c)
	}
	slices.SortFunc(cut, entryOrder)
	b.emit(key, true, kept, cut)
	for i := lo; i < hi; {
		if len(b.entries[i].term) == len(key) {
			i++
			continue
		}
		child := b.entries[i].term[:len(key)+1]
		j := i
		for j < hi && strings.HasPrefix(b.entries[j].term, child) {
			j++
		}
		b.node(child, i, j)
		i = j
	}
}

// pack groups consecutive leaves into shards of at most b.packed bytes (a
// leaf larger than that is a shard alone). A shard is named after its
// first leaf. Codes and words are never packed together: their shards are
// in different maps.
func (b *builder) pack() {
	for i := 0; i < len(b.leaves); {
		ranges := [][2]int{{b.leaves[i].lo, b.leaves[i].hi}}
		size := b.leaves[i].size
		code := digit(b.leaves[i].key)
		j := i + 1
		for ; j < len(b.leaves) && size+b.leaves[j].size <= b.packed && digit(b.leaves[j].key) == code; j++ {
			ranges = append(ranges, [2]int{b.leaves[j].lo, b.leaves[j].hi})
			size += b.leaves[j].size
		}
		docs, _ := b.collect(ranges)
		slices.Sort(docs)
		var stems []*entry
		for _, r := range ranges {
			for _, e := range b.entries[r[0]:r[1]] {
				if len(e.prose) > 0 {
					stems = append(stems, e)
				}
			}
		}
		b.emit(b.leaves[i].key, false, docs, stems)
		i = j
	}
}

// collect returns the name documents of the entries in ranges, in no
// order (most nodes are leaves, which only need the size), and an
// estimate of the shard's size: their records, the rows of their CPTS,
// and the prose postings.
func (b *builder) collect(ranges [][2]int) ([]int32, int) {
	b.stamp++
	var ids []int32
	size := 0
	for _, r := range ranges {
		for _, e := range b.entries[r[0]:r[1]] {
			size += e.psize
			for _, id := range e.names {
				if b.seen[id] == b.stamp {
					continue
				}
				b.seen[id] = b.stamp
				ids = append(ids, id)
				d := b.docs[id]
				size += d.size + 1
				full := fullRows(d)
				for _, x := range d.refs {
					if seen := b.rowSeen[x]; seen[full] != b.stamp {
						seen[full] = b.stamp
						b.rowSeen[x] = seen
						size += b.rowSize[x][full] + 1
					}
				}
			}
		}
	}
	return ids, size
}

// hasKey reports whether the name or a code of d, as a whole, is key.
func (b *builder) hasKey(d *doc, key string) bool {
	if d.keys == nil {
		var rows [][]any // only a CPTS's keys are in its row
		if d.kind == KindCPTS {
			rows = make([][]any, len(d.refs))
			for i, x := range d.refs {
				rows[i] = b.rows.row(x, true)
			}
		}
		d.keys = recordKeys(d.rec, rows)
	}
	for _, k := range d.keys {
		if k == key {
			return true
		}
	}
	return false
}
