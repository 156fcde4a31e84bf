package geo

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/fold"
)

// communeCols is the number of columns of communes.tsv.gz.
const communeCols = 11

// communesHint is the expected number of rows of communes.tsv.gz, to
// reserve room; any number works.
const communesHint = 35100

// loadCommunes parses communes.tsv.gz and builds the commune indexes. The
// départements and EPCI must be loaded. The file is a series of gzip
// members: each is parsed while the next is decompressed.
func (t *Table) loadCommunes() error {
	stop := make(chan struct{})
	defer close(stop)
	chunks := gunzipMembers(communesFile, stop)
	r := &rows{file: "communes.tsv.gz", cols: communeCols}
	n := communesHint
	t.communes = make([]*Commune, 0, n)
	t.slots = make([]int32, codeSlots)
	t.byDep = make(map[string][]*Commune, len(t.deps))
	postals := newPostalIndexer(n + n/50)
	// Postal and former codes of all communes share two backing arrays;
	// ends records where each commune's codes stop in them.
	postal := make([]string, 0, n+n/50)
	former := make([]string, 0, n/8)
	ends := make([][2]int32, 0, n)
	var (
		f       [communeCols]string
		epci    *EPCI
		dep     *Departement
		depFrom int // index of the first commune of dep
		prev    *Commune
	)
	for ch := range chunks {
		if ch.err != nil {
			return fmt.Errorf("geo: %s: %v", r.file, ch.err)
		}
		if r.line == 0 {
			if err := r.header(ch.s, "communes", []string{"code", "name", "parent", "departement", "epci",
				"postal_codes", "population", "lat", "lon", "former_codes", "polygon"}); err != nil {
				return err
			}
		} else {
			r.body = ch.s
		}
		all := make([]Commune, r.count())
		for j := range all {
			if _, err := r.next(f[:]); err != nil {
				return err
			}
			c, i := &all[j], len(t.communes)
			if err := parseCommune(c, &f); err != nil {
				return r.errorf("%v", err)
			}
			if prev != nil && prev.Code >= c.Code {
				return r.errorf("code %s not after %s", c.Code, prev.Code)
			}
			prev = c
			t.communes = append(t.communes, c)
			slot, ok := codeSlot(c.Code)
			if !ok || t.slots[slot] != 0 {
				return r.errorf("bad or duplicate code %q", c.Code)
			}
			t.slots[slot] = int32(i + 1)
			if dep == nil || dep.Code != c.Departement {
				t.addDep(dep, t.communes[depFrom:i])
				if dep, depFrom = t.depByCode[c.Departement], i; dep == nil {
					return r.errorf("unknown departement %q", c.Departement)
				}
			}
			c.Region, c.Zone = dep.Region, dep.Zone
			if c.EPCI != "" && (epci == nil || epci.SIREN != c.EPCI) {
				if epci = t.epciBy[c.EPCI]; epci == nil {
					return r.errorf("unknown EPCI %s", c.EPCI)
				}
			}
			if c.Kind == KindCommune && c.EPCI != "" {
				epci.Communes = append(epci.Communes, c.Code)
			}
			postal = appendFields(postal, f[5])
			former = appendFields(former, f[9])
			ends = append(ends, [2]int32{int32(len(postal)), int32(len(former))})
		}
	}
	if r.line == 0 {
		return fmt.Errorf("geo: %s: empty", r.file)
	}
	t.addDep(dep, t.communes[depFrom:])
	t.merged = make(map[string]*Commune, len(former))
	t.arrs = map[string][]*Commune{}
	var p, q int32
	for i, c := range t.communes {
		if ends[i][0] > p {
			c.PostalCodes = postal[p:ends[i][0]:ends[i][0]]
		}
		if ends[i][1] > q {
			c.FormerCodes = former[q:ends[i][1]:ends[i][1]]
		}
		p, q = ends[i][0], ends[i][1]
		if c.Parent != "" {
			if t.commune(c.Parent) == nil {
				return fmt.Errorf("geo: %s: %s: unknown parent %q", r.file, c.Code, c.Parent)
			}
			t.arrs[c.Parent] = append(t.arrs[c.Parent], c)
		}
		for _, cp := range c.PostalCodes {
			if err := postals.add(cp, int32(i)); err != nil {
				return fmt.Errorf("geo: %s: %s: %v", r.file, c.Code, err)
			}
		}
		for _, old := range c.FormerCodes {
			t.merged[old] = c
		}
	}
	t.byPostal = postals.build(t.communes)
	for _, e := range t.epcis {
		e.Communes = slices.Clip(e.Communes)
	}
	return nil
}

// names returns the index of communes by fold.Name, building it on
// first use: folding 35,000 names is a good part of the cost of Load, and
// most builds look names up only to explain an error.
func (t *Table) names() *nameIndex {
	t.namesOnce.Do(func() {
		b := newNameIndexer(len(t.communes))
		for i, c := range t.communes {
			b.add(fold.Name(c.Name), int32(i))
		}
		t.byName = b.build(t.communes)
		for id, key := range t.byName.keys {
			for len(t.byName.byLen) <= len(key) {
				t.byName.byLen = append(t.byName.byLen, nil)
			}
			t.byName.byLen[len(key)] = append(t.byName.byLen[len(key)], int32(id))
		}
	})
	return &t.byName
}

// addDep records cs as communes of d, which may be nil.
func (t *Table) addDep(d *Departement, cs []*Commune) {
	if d == nil || len(cs) == 0 {
		return
	}
	if old := t.byDep[d.Code]; old != nil { // not contiguous by code
		cs = append(slices.Clip(old), cs...)
	}
	t.byDep[d.Code] = slices.Clip(cs)
}

// parseCommune fills c from the fields of one row of communes.tsv.gz,
// except for the postal and former codes, the region and the zone.
func parseCommune(c *Commune, f *[communeCols]string) error {
	c.Code, c.Name, c.Parent, c.Departement, c.EPCI = f[0], f[1], f[2], f[3], f[4]
	if c.Parent != "" {
		c.Kind = KindArrondissement
	}
	var err error
	if f[6] != "" {
		if c.Population, err = strconv.Atoi(f[6]); err != nil {
			return fmt.Errorf("%s: population: %v", c.Code, err)
		}
	}
	if f[7] != "" || f[8] != "" {
		c.HasPoint = true
		if c.Lat, err = parseCoord(f[7]); err != nil {
			return fmt.Errorf("%s: lat: %v", c.Code, err)
		}
		if c.Lon, err = parseCoord(f[8]); err != nil {
			return fmt.Errorf("%s: lon: %v", c.Code, err)
		}
	}
	switch f[10] {
	case "1":
		c.HasPolygon = true
	case "0":
	default:
		return fmt.Errorf("%s: polygon %q, want 0 or 1", c.Code, f[10])
	}
	return nil
}

// codeSlots is the size of the array indexed by codeSlot.
const codeSlots = 102000

// codeSlot maps an INSEE code to a distinct number below codeSlots: its
// value for an all-digit code, 100000 and up for Corsica ("2A004",
// "2b366"). It reports false if code does not have the shape of a code.
func codeSlot[S string | []byte](code S) (int, bool) {
	if len(code) != 5 {
		return 0, false
	}
	n, base := 0, 0
	for i := range 5 {
		c := code[i]
		switch {
		case '0' <= c && c <= '9':
			n = n*10 + int(c-'0')
		case i == 1 && code[0] == '2' && (c|0x20 == 'a' || c|0x20 == 'b'):
			base = 100000 + int(c|0x20-'a')*1000
			n = 0
		default:
			return 0, false
		}
	}
	return base + n, true
}

// parseCoord parses a decimal number. The usual form, with exactly 5
// decimals ("-0.75282"), is read as an integer and divided by 1e5: both are
// exact in float64 and the division is correctly rounded, so the result is
// the one strconv.ParseFloat gives, only faster.
func parseCoord(s string) (float64, error) {
	digits, neg := s, false
	if strings.HasPrefix(digits, "-") {
		digits, neg = digits[1:], true
	}
	dot := len(digits) - 6
	if dot < 1 || dot > 3 || digits[dot] != '.' {
		return strconv.ParseFloat(s, 64)
	}
	var v int64
	for i := 0; i < len(digits); i++ {
		if i == dot {
			continue
		}
		c := digits[i]
		if c < '0' || c > '9' {
			return strconv.ParseFloat(s, 64)
		}
		v = v*10 + int64(c-'0')
	}
	x := float64(v) / 1e5
	if neg {
		x = -x
	}
	return x, nil
}

// appendFields appends the space-separated words of s to dst.
func appendFields(dst []string, s string) []string {
	for s != "" {
		w, rest, _ := strings.Cut(s, " ")
		if w != "" {
			dst = append(dst, w)
		}
		s = rest
	}
	return dst
}

// groups lays out groups of communes, each sorted by population then
// code, in one array: group id is list[start[id]:start[id+1]].
type groups struct {
	start []int32
	list  []*Commune
}

// group returns the group with the id.
func (g *groups) group(id int32) []*Commune {
	lo, hi := g.start[id], g.start[id+1]
	return g.list[lo:hi:hi]
}

// grouper collects (group id, commune position) pairs for groups.
type grouper struct {
	n    int32      // number of groups
	refs [][2]int32 // group id, position of the commune in the table
}

// build lays the groups out and sorts each by population.
func (b *grouper) build(communes []*Commune) groups {
	g := groups{start: make([]int32, b.n+1), list: make([]*Commune, len(b.refs))}
	for _, r := range b.refs {
		g.start[r[0]+1]++
	}
	for id := range b.n {
		g.start[id+1] += g.start[id]
	}
	next := slices.Clone(g.start[:b.n])
	for _, r := range b.refs {
		g.list[next[r[0]]] = communes[r[1]]
		next[r[0]]++
	}
	for id := range b.n {
		if cs := g.group(id); len(cs) > 1 {
			slices.SortFunc(cs, byPopulation)
		}
	}
	return g
}

// nameIndex groups communes by fold.Name key.
type nameIndex struct {
	ids   map[string]int32
	keys  []string  // by group id
	byLen [][]int32 // group ids by key length in bytes, for SuggestNames
	groups
}

// get returns the communes with the key, nil if none.
func (x *nameIndex) get(key string) []*Commune {
	if id, ok := x.ids[key]; ok {
		return x.group(id)
	}
	return nil
}

// nameIndexer builds a nameIndex.
type nameIndexer struct {
	x nameIndex
	grouper
}

func newNameIndexer(n int) *nameIndexer {
	return &nameIndexer{
		x:       nameIndex{ids: make(map[string]int32, n), keys: make([]string, 0, n)},
		grouper: grouper{refs: make([][2]int32, 0, n)},
	}
}

// add files the commune at position i of the table under key.
func (b *nameIndexer) add(key string, i int32) {
	id, ok := b.x.ids[key]
	if !ok {
		id = b.n
		b.n++
		b.x.ids[key] = id
		b.x.keys = append(b.x.keys, key)
	}
	b.refs = append(b.refs, [2]int32{id, i})
}

func (b *nameIndexer) build(communes []*Commune) nameIndex {
	b.x.groups = b.grouper.build(communes)
	return b.x
}

// postalIndex groups communes by postal code. Postal codes are 5 digits, so
// a dense array of 100,000 slots replaces a map.
type postalIndex struct {
	slot []int32 // by postal code as a number: group id + 1, 0 if none
	groups
}

// get returns the communes with the postal code, nil if none.
func (x *postalIndex) get(cp string) []*Commune {
	if n, ok := postalNumber(cp); ok && x.slot[n] > 0 {
		return x.group(x.slot[n] - 1)
	}
	return nil
}

// postalNumber returns the value of a 5-digit postal code.
func postalNumber(cp string) (int, bool) {
	if len(cp) != 5 {
		return 0, false
	}
	n := 0
	for i := range 5 {
		c := cp[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// postalIndexer builds a postalIndex.
type postalIndexer struct {
	x postalIndex
	grouper
}

func newPostalIndexer(n int) *postalIndexer {
	return &postalIndexer{x: postalIndex{slot: make([]int32, 100000)}, grouper: grouper{refs: make([][2]int32, 0, n)}}
}

// add files the commune at position i of the table under postal code cp.
func (b *postalIndexer) add(cp string, i int32) error {
	n, ok := postalNumber(cp)
	if !ok {
		return fmt.Errorf("bad postal code %q", cp)
	}
	if b.x.slot[n] == 0 {
		b.n++
		b.x.slot[n] = b.n
	}
	b.refs = append(b.refs, [2]int32{b.x.slot[n] - 1, i})
	return nil
}

func (b *postalIndexer) build(communes []*Commune) postalIndex {
	b.x.groups = b.grouper.build(communes)
	return b.x
}
