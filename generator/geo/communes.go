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
	names := newIndexer(n)
	postals := newIndexer(n / 5)
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
			postals.add(cp, int32(i))
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

// index maps string keys (folded names, postal codes) to groups of
// communes sorted by population then code, all groups sharing one array.
type index struct {
	ids   map[string]int32
	keys  []string // by id
	start []int32  // group id is list[start[id]:start[id+1]]
	list  []*Commune
}

// get returns the group of key, nil if none.
func (x *index) get(key string) []*Commune {
	id, ok := x.ids[key]
	if !ok {
		return nil
	}
	return x.group(id)
}

// group returns the group with the id.
func (x *index) group(id int32) []*Commune {
	lo, hi := x.start[id], x.start[id+1]
	return x.list[lo:hi:hi]
}

// indexer collects (key, commune) pairs for an index.
type indexer struct {
	index
	refs [][2]int32 // key id, commune position
}

func newIndexer(n int) *indexer {
	return &indexer{index: index{ids: make(map[string]int32, n), keys: make([]string, 0, n)}, refs: make([][2]int32, 0, n)}
}

// add files the commune at position i of the table under key.
func (b *indexer) add(key string, i int32) {
	id, ok := b.ids[key]
	if !ok {
		id = int32(len(b.keys))
		b.ids[key] = id
		b.keys = append(b.keys, key)
	}
	b.refs = append(b.refs, [2]int32{id, i})
}

// build lays the groups out in one array and sorts each by population.
func (b *indexer) build(communes []*Commune) index {
	x := b.index
	x.start = make([]int32, len(x.keys)+1)
	for _, r := range b.refs {
		x.start[r[0]+1]++
	}
	for id := range x.keys {
		x.start[id+1] += x.start[id]
	}
	x.list = make([]*Commune, len(b.refs))
	next := slices.Clone(x.start[:len(x.keys)])
	for _, r := range b.refs {
		x.list[next[r[0]]] = communes[r[1]]
		next[r[0]]++
	}
	for id := range x.keys {
		if g := x.group(int32(id)); len(g) > 1 {
			slices.SortFunc(g, byPopulation)
		}
	}
	return x
}
