package search

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// Kind is the type of a search result. The order is the ranking order
// between results that match equally well: communes first, prose last.
type Kind int

// The kinds of results, as the first element of each record.
const (
	KindCommune Kind = iota
	KindDepartement
	KindRegion
	KindCPTS
	KindProfession
	KindMission
	KindNews
)

// doc is one searchable thing. A name document (commune, département,
// région, CPTS, profession) is found by the words of its names, and its
// record goes into the shard of each of those words. A prose document
// (mission, news item) is found by the stems of its text: the shards hold
// its id under each stem, and its record goes into a chunk of records
// fetched only to show it.
type doc struct {
	kind Kind
	id   int    // position in the global order
	rank int    // population, or another measure of size: larger first
	tie  string // last tie-break: code, slug or path
	// rec is the record without its CPTS references, which are numbered
	// per file: the CPTS are in refs, and appendRecord puts their numbers
	// at position refAt.
	rec   []any
	json  []byte // rec as JSON without its references, for name documents (collect)
	cut   int    // where the references go in json, -1 for none
	refs  []*model.CPTS
	refAt int  // -1 when the record has no CPTS reference
	many  bool // refs is encoded as a list, not a single number
	prose bool
	words []string // name words (name documents)
	keys  []string // recordKeys, filled when needed
	terms []uint32 // stems numbered by the collector's vocab (missions)
	size  int      // length of the encoded record, for shard sizing
	// news is the item of a news document, which has no rec, tie or
	// terms: its record is made when it is encoded (record), and its
	// stems are read when the trie is made (builder.index), so that an
	// index never holds the stems of every item at once.
	news *model.News
}

// record returns the record of d without its CPTS references; a news
// item's is made again at each call.
func (d *doc) record() []any {
	if d.news != nil {
		return []any{KindNews, d.news.Title, plan.NewsPage(d.news), -1}
	}
	return d.rec
}

// collect turns the site into documents, in the global order: by kind,
// then largest first, then code, slug or path, with the vocab of the
// stems of missions (builder.index numbers those of news in it).
func collect(site *model.Site, opts Options) ([]*doc, *vocab) {
	c := &collector{site: site, opts: opts, cptsPop: map[*model.CPTS]int{}, stems: opts.Memo.vocab()}
	for _, x := range site.CPTS {
		c.cptsPop[x] = x.Territory.Reach.Population + x.Territory.Reach.PartialPopulation
		if c.cptsPop[x] == 0 {
			c.cptsPop[x] = x.DeclaredPopulation
		}
	}
	c.communes()
	c.areas()
	for _, x := range site.CPTS {
		c.add(&doc{kind: KindCPTS, rank: c.cptsPop[x], tie: x.Slug, rec: []any{KindCPTS, nil}, refs: []*model.CPTS{x}, refAt: 1})
	}
	c.professions()
	c.missions()
	c.news()
	// Every document has its own tie (a code, slug or path): the order is
	// total, and a stable sort (3 times slower here) would change nothing.
	// The communes come first, in order already.
	communes := 0
	for communes < len(c.docs) && c.docs[communes].kind == KindCommune {
		communes++
	}
	slices.SortFunc(c.docs[communes:], func(a, b *doc) int {
		if a.kind != b.kind {
			return cmp.Compare(a.kind, b.kind)
		}
		if a.rank != b.rank {
			return cmp.Compare(b.rank, a.rank)
		}
		return strings.Compare(a.tie, b.tie)
	})
	rows := map[*model.CPTS][]any{} // full rows, made once per CPTS, not per document
	var refs [][]any
	names := deptNames(site)
	for _, d := range c.docs[communes:] { // the communes have theirs (communeDocs)
		if d.prose {
			continue
		}
		refs = refs[:0]
		for _, x := range d.refs {
			if rows[x] == nil {
				rows[x] = cptsRow(x, true)
			}
			refs = append(refs, rows[x])
		}
		d.words = recordWords(d.rec, refs, names)
	}
	var arena []byte // the JSON of the name records, in blocks
	for i, d := range c.docs {
		d.id = i
		if !d.prose && d.json == nil { // a prose record holds no id: its chunk does not move with the others (see chunkPlace)
			if cap(arena)-len(arena) < 512 {
				arena = make([]byte, 0, 64<<10)
			}
			start := len(arena)
			arena, d.cut = d.appendFields(arena, nil)
			d.json = arena[start:len(arena):len(arena)]
			if d.cut >= 0 {
				d.cut -= start
			}
		}
		d.size = recordSize(d)
	}
	return c.docs, c.stems
}

type collector struct {
	site    *model.Site
	opts    Options
	cptsPop map[*model.CPTS]int
	docs    []*doc
	stems   *vocab // numbers the terms of prose
}

func (c *collector) add(d *doc) { c.docs = append(c.docs, d) }

func (c *collector) hasPage(p string) bool {
	return c.opts.HasPage == nil || c.opts.HasPage(p)
}

func (c *collector) label(key, fallback string) string { return c.opts.label(key, fallback) }

// label returns the UI string of key from Label, or fallback.
func (o Options) label(key, fallback string) string {
	if o.Label != nil {
		if s := o.Label(key); s != "" {
			return s
		}
	}
	return fallback
}

// listsProfession reports whether a CPTS lists a profession among its
// members (structures aside).
func listsProfession(x *model.CPTS, p string) bool {
	for _, m := range x.Members {
		if m.Kind != model.KindStructure && string(m.Profession) == p {
			return true
		}
	}
	return false
}

// areaLink is the page of a département or région, else the note of the
// list of départements on the communes outside the directory.
func (c *collector) areaLink(p string) string {
	if c.hasPage(p) {
		return p
	}
	return plan.Elsewhere
}

// postalCodes returns the postal codes a commune is found by: for Paris,
// Lyon and Marseille, only those none of its arrondissements has, so that
// "13005" and "marseille 13005" find the 5e arrondissement, not the city.
func (c *collector) postalCodes(com *geo.Commune) []string {
	arrs := c.site.Geo.Arrondissements(com.Code)
	if len(arrs) == 0 {
		return com.PostalCodes
	}
	var own []string
	for _, cp := range com.PostalCodes {
		if !slices.ContainsFunc(arrs, func(a *geo.Commune) bool { return slices.Contains(a.PostalCodes, cp) }) {
			own = append(own, cp)
		}
	}
	return own
}

// areas adds the départements and régions, ranked by population.
func (c *collector) areas() {
	depPop, regPop := map[string]int{}, map[string]int{}
	for _, com := range c.site.Geo.Communes() {
		if com.Kind == geo.KindArrondissement {
			continue // counted in its city
		}
		depPop[com.Departement] += com.Population
		regPop[com.Region] += com.Population
	}
	for _, d := range c.site.Geo.Departements() {
		link := c.areaLink(plan.DepartementPage(d.Code))
		c.add(&doc{kind: KindDepartement, rank: depPop[d.Code], tie: d.Code, rec: []any{KindDepartement, d.Code, d.Name, link}, refAt: -1})
	}
	for _, r := range c.site.Geo.Regions() {
		link := c.areaLink(plan.RegionPage(r.Code))
		c.add(&doc{kind: KindRegion, rank: regPop[r.Code], tie: r.Code, rec: []any{KindRegion, r.Code, r.Name, link}, refAt: -1})
	}
}

// professions adds one document per profession and CPTS where it is
// practised ("Sage-femme", CPTS du Pays de Lunel), for the MaxResults
// largest such CPTS: a query shows no more.
func (c *collector) professions() {
	for _, p := range model.Profession("").Values() {
		if p == "non-precise" {
			continue
		}
		var refs []*model.CPTS
		for _, x := range c.site.CPTS {
			if listsProfession(x, p) {
				refs = append(refs, x)
			}
		}
		sort.SliceStable(refs, func(i, j int) bool { return c.cptsPop[refs[i]] > c.cptsPop[refs[j]] })
		label := c.label("profession."+p, p)
		for _, x := range refs[:min(len(refs), MaxResults)] {
			c.add(&doc{kind: KindProfession, rank: c.cptsPop[x], tie: p + "@" + x.Slug,
				rec: []any{KindProfession, p, label, nil}, refs: []*model.CPTS{x}, refAt: 3})
		}
	}
}

// missions adds the missions as prose: title, kind and summary.
func (c *collector) missions() {
	for _, x := range c.site.CPTS {
		for i, m := range x.Missions {
			label := c.label("mission."+string(m.Kind), string(m.Kind))
			c.add(&doc{kind: KindMission, rank: c.cptsPop[x], tie: x.Slug + "/" + strconv.Itoa(1000+i),
				rec: []any{KindMission, m.Title, label, nil}, refs: []*model.CPTS{x}, refAt: 3,
				prose: true, terms: c.stems.numbers(Terms(m.Title, label, m.Summary))})
		}
	}
}

// news adds the published news as prose: their stems are read when the
// trie is made (see doc.news).
func (c *collector) news() {
	for i, n := range c.site.News {
		if c.opts.Published != nil && !c.opts.Published(n) || c.opts.Published == nil && n.Draft {
			continue // unpublished: draft, scheduled or expired
		}
		// The oldest first: a new item takes the next id and the others keep
		// theirs, so the shards of their stems stay as they were (a query
		// shows the newest first: see rankOrder). Ranks are unique: no tie.
		d := &doc{kind: KindNews, rank: i, news: n, refAt: -1, prose: true}
		if n.CPTS != nil {
			d.refs, d.refAt = []*model.CPTS{n.CPTS}, 3
		}
		c.add(d)
	}
}

// cptsRow is the record of a CPTS in a file's table: in full, [slug,
// name, short name, association, "30 34"]; short, [slug, name].
func cptsRow(x *model.CPTS, full bool) []any {
	if !full {
		return []any{x.Slug, x.Name}
	}
	return []any{x.Slug, x.Name, x.ShortName, x.Association, strings.Join(x.AllDepartements(), " ")}
}

// deptNames maps département codes to names.
func deptNames(site *model.Site) map[string]string {
	m := map[string]string{}
	for _, d := range site.Geo.Departements() {
		m[d.Code] = d.Name
	}
	return m
}

// incompleteByDept names, for each département, the CPTS there whose
// list of communes is incomplete or missing.
func incompleteByDept(site *model.Site) map[string][]string {
	m := map[string][]string{}
	for _, c := range site.CPTS {
		if !c.Territory.Incomplete && len(c.Territory.Entries) > 0 {
			continue
		}
		for _, d := range c.AllDepartements() {
			m[d] = append(m[d], c.Name)
		}
	}
	return m
}

// deptOf returns the département of an INSEE code: three characters
// overseas (971 to 989), else two ("2A" for Corsica).
func deptOf(code string) string {
	if strings.HasPrefix(code, "97") || strings.HasPrefix(code, "98") {
		return code[:3]
	}
	return code[:2]
}

// recordWords returns the words a name record is found by, in the same
// way search.js computes them from a record: names split by Words, codes and
// postal codes folded. rows holds the CPTS rows of its references, and
// names the département names.
func recordWords(rec []any, rows [][]any, names map[string]string) []string {
	var out []string
	add := func(s string) {
		for _, w := range Words(s) {
			if !contains(out, w) {
				out = append(out, w)
			}
		}
	}
	str := func(i int) string { s, _ := rec[i].(string); return s }
	switch rec[0].(Kind) {
	case KindCommune:
		add(str(2))
		add(str(1))
		add(str(3))
	case KindDepartement, KindRegion:
		add(str(2))
		add(str(1))
	case KindCPTS:
		r := rows[0]
		for i := 1; i <= 3; i++ {
			add(r[i].(string))
		}
		for _, d := range strings.Fields(r[4].(string)) {
			add(d)
			add(names[d])
		}
	case KindProfession:
		add(str(2))
		add(str(1))
	}
	return out
}

// recordKeys returns the keys a whole query must equal for an exact match
// of a name record: the Key of each name, the folded codes and postal
// codes. Prose documents have none.
func recordKeys(rec []any, rows [][]any) []string {
	var out []string
	str := func(i int) string { s, _ := rec[i].(string); return s }
	add := func(s string) {
		if s != "" && !contains(out, s) {
			out = append(out, s)
		}
	}
	switch rec[0].(Kind) {
	case KindCommune:
		add(Key(str(2)))
		add(Key(str(1)))
		for _, p := range strings.Fields(str(3)) {
			add(p)
		}
	case KindDepartement, KindRegion:
		add(Key(str(2)))
		add(Key(str(1)))
	case KindCPTS:
		for i := 1; i <= 3; i++ {
			add(Key(rows[0][i].(string)))
		}
	case KindProfession:
		add(Key(str(2)))
		add(Key(str(1)))
	}
	return out
}

// recordSize estimates the length of d's record encoded as JSON, as
// jsonSize, with its CPTS references counted as numbers of one digit.
func recordSize(d *doc) int {
	rec := d.record()
	n := 1 + len(rec)
	for i, v := range rec {
		switch {
		case i == d.refAt && d.many:
			n += 1 + 2*len(d.refs)
		case i == d.refAt && len(d.refs) > 0:
			n++
		default:
			n += jsonSize(v)
		}
	}
	return n
}

// jsonSize estimates the length of v encoded as JSON, for shard sizing:
// strings count their bytes and quotes, numbers their digits.
func jsonSize(v any) int {
	switch v := v.(type) {
	case string:
		return len(v) + 2
	case int:
		return len(strconv.Itoa(v))
	case Kind:
		return 1
	case []int:
		n := 1 + len(v)
		for _, x := range v {
			n += len(strconv.Itoa(x))
		}
		return n
	case []any:
		n := 1 + len(v)
		for _, x := range v {
			n += jsonSize(x)
		}
		return n
	}
	return 4 // null
}
