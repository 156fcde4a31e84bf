package geo

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/fold"
)

// communeCols is the number of columns of communes.tsv.gz.
const communeCols = 14

// loadCommunes parses communes.tsv.gz and builds the commune indexes. The
// départements and EPCI must be loaded.
func (t *Table) loadCommunes() error {
	r, err := open("communes.tsv.gz", communesFile, true, "communes", "code", "name", "kind", "parent",
		"zone", "departement", "region", "epci", "postal_codes", "population", "lat", "lon", "former_codes", "polygon")
	if err != nil {
		return err
	}
	n := r.count()
	all := make([]Commune, n)
	t.communes = make([]*Commune, n)
	t.byCode = make(map[string]*Commune, n)
	t.byDep = make(map[string][]*Commune, len(t.deps))
	names := newNameIndexer(n)
	postals := newPostalIndexer(n + n/50)
	// Postal and former codes of all communes share two backing arrays;
	// ends records where each commune's codes stop in them.
	postal := make([]string, 0, n+n/50)
	former := make([]string, 0, n/8)
	ends := make([][2]int32, n)
	var (
		f       [communeCols]string
		epci    *EPCI
		dep     *Departement
		depFrom int // index of the first commune of dep
	)
	for i := 0; ; i++ {
		ok, err := r.next(f[:])
		if err != nil {
			return err
		}
		if !ok {
			t.addDep(dep, t.communes[depFrom:i])
			break
		}
		c := &all[i]
		if err := parseCommune(c, &f); err != nil {
			return r.errorf("%v", err)
		}
		if i > 0 && all[i-1].Code >= c.Code {
			return r.errorf("code %s not after %s", c.Code, all[i-1].Code)
		}
		if dep == nil || dep.Code != c.Departement {
			t.addDep(dep, t.communes[depFrom:i])
			if dep, depFrom = t.depByCode[c.Departement], i; dep == nil {
				return r.errorf("unknown departement %q", c.Departement)
			}
		}
		if dep.Region != c.Region {
			return r.errorf("region %s, but departement %s is in %s", c.Region, dep.Code, dep.Region)
		}
		if c.EPCI != "" && (epci == nil || epci.SIREN != c.EPCI) {
			if epci = t.epciBy[c.EPCI]; epci == nil {
				return r.errorf("unknown EPCI %s", c.EPCI)
			}
		}
		if c.Kind == KindCommune && c.EPCI != "" {
			epci.Communes = append(epci.Communes, c.Code)
		}
		postal = appendFields(postal, f[8])
		former = appendFields(former, f[12])
		ends[i] = [2]int32{int32(len(postal)), int32(len(former))}
		t.communes[i] = c
		t.byCode[c.Code] = c
		names.add(fold.Name(c.Name), int32(i))
	}
	t.merged = make(map[string]*Commune, len(former))
	var p, q int32
	for i := range all {
		c := &all[i]
		if ends[i][0] > p {
			c.PostalCodes = postal[p:ends[i][0]:ends[i][0]]
		}
		if ends[i][1] > q {
			c.FormerCodes = former[q:ends[i][1]:ends[i][1]]
		}
		p, q = ends[i][0], ends[i][1]
		if (c.Kind == KindArrondissement) != (c.Parent != "") || c.Parent != "" && t.byCode[c.Parent] == nil {
			return fmt.Errorf("geo: communes.tsv.gz: %s: bad parent %q for a %s", c.Code, c.Parent, c.Kind)
		}
		for _, cp := range c.PostalCodes {
			if err := postals.add(cp, int32(i)); err != nil {
				return fmt.Errorf("geo: communes.tsv.gz: %s: %v", c.Code, err)
			}
		}
		for _, old := range c.FormerCodes {
			t.merged[old] = c
		}
	}
	t.byName = names.build(t.communes)
	t.byPostal = postals.build(t.communes)
	for id, key := range t.byName.keys {
		for len(t.names) <= len(key) {
			t.names = append(t.names, nil)
		}
		t.names[len(key)] = append(t.names[len(key)], int32(id))
	}
	return nil
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
// except for the postal and former codes.
func parseCommune(c *Commune, f *[communeCols]string) error {
	c.Code, c.Name, c.Parent, c.Zone = f[0], f[1], f[3], f[4]
	c.Departement, c.Region, c.EPCI = f[5], f[6], f[7]
	if len(c.Code) != 5 {
		return fmt.Errorf("bad code %q", c.Code)
	}
	switch f[2] {
	case "commune":
		c.Kind = KindCommune
	case "arrondissement-municipal":
		c.Kind = KindArrondissement
	default:
		return fmt.Errorf("%s: unknown kind %q", c.Code, f[2])
	}
	var err error
	if f[9] != "" {
		if c.Population, err = strconv.Atoi(f[9]); err != nil {
			return fmt.Errorf("%s: population: %v", c.Code, err)
		}
	}
	if f[10] != "" || f[11] != "" {
		c.HasPoint = true
		if c.Lat, err = parseCoord(f[10]); err != nil {
			return fmt.Errorf("%s: lat: %v", c.Code, err)
		}
		if c.Lon, err = parseCoord(f[11]); err != nil {
			return fmt.Errorf("%s: lon: %v", c.Code, err)
		}
	}
	switch f[13] {
	case "1":
		c.HasPolygon = true
	case "0":
	default:
		return fmt.Errorf("%s: polygon %q, want 0 or 1", c.Code, f[13])
	}
	return nil
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
	ids  map[string]int32
	keys []string // by group id
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
