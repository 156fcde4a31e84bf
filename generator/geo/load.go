package geo

import (
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/fold"
)

// version is the first word of every embedded file; see the package doc.
const version = "#cpts-geo/1"

var (
	//go:embed data/communes.tsv.gz
	communesFile string
	//go:embed data/deleguees.tsv.gz
	delegueesFile string
	//go:embed data/epci.tsv.gz
	epciFile string
	//go:embed data/departements.tsv
	departementsFile string
	//go:embed data/regions.tsv
	regionsFile string
)

// Load parses the embedded reference data and builds its indexes. Each call
// returns a new Table; callers keep one for the whole build.
func Load() (*Table, error) {
	t := new(Table)
	for _, step := range []func() error{t.loadRegions, t.loadDepartements, t.loadEPCIs, t.loadCommunes, t.loadFormer} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// rows checks the two header lines of an embedded file and returns an
// iterator over its rows, each split into exactly len(cols) fields. Row
// errors report the file and line.
type rows struct {
	file string
	body string
	line int
	cols int
}

func open(file, data string, gz bool, table string, cols ...string) (*rows, error) {
	if gz {
		var err error
		if data, err = gunzip(data); err != nil {
			return nil, fmt.Errorf("geo: %s: %v", file, err)
		}
	}
	head := version + " " + table + "\n" + strings.Join(cols, "\t") + "\n"
	if !strings.HasPrefix(data, head) {
		return nil, fmt.Errorf("geo: %s: header is not %q", file, head)
	}
	return &rows{file: file, body: data[len(head):], line: 2, cols: len(cols)}, nil
}

// count returns the number of rows left.
func (r *rows) count() int { return strings.Count(r.body, "\n") }

// next splits the next row into f, which must have room for the columns,
// and reports whether there was one.
func (r *rows) next(f []string) (bool, error) {
	if r.body == "" {
		return false, nil
	}
	r.line++
	line, rest, ok := strings.Cut(r.body, "\n")
	if !ok {
		return false, r.errorf("missing final line break")
	}
	r.body = rest
	for i := range r.cols - 1 {
		j := strings.IndexByte(line, '\t')
		if j < 0 {
			return false, r.errorf("%d fields, want %d", i+1, r.cols)
		}
		f[i], line = line[:j], line[j+1:]
	}
	if strings.IndexByte(line, '\t') >= 0 {
		return false, r.errorf("more than %d fields", r.cols)
	}
	f[r.cols-1] = line
	return true, nil
}

func (r *rows) errorf(format string, args ...any) error {
	return fmt.Errorf("geo: %s:%d: %s", r.file, r.line, fmt.Sprintf(format, args...))
}

// gunzip decompresses a gzip member into a string sized from its trailer.
func gunzip(data string) (string, error) {
	zr, err := gzip.NewReader(strings.NewReader(data))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if len(data) >= 4 {
		b.Grow(int(binary.LittleEndian.Uint32([]byte(data[len(data)-4:]))))
	}
	if _, err := io.Copy(&b, zr); err != nil {
		return "", err
	}
	return b.String(), zr.Close()
}

func (t *Table) loadRegions() error {
	r, err := open("regions.tsv", regionsFile, false, "regions", "code", "name", "chef_lieu", "zone")
	if err != nil {
		return err
	}
	all := make([]Region, 0, r.count())
	t.regByCode = make(map[string]*Region, cap(all))
	var f [4]string
	for {
		ok, err := r.next(f[:])
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		all = append(all, Region{Code: f[0], Name: f[1], ChefLieu: f[2], Zone: f[3]})
		reg := &all[len(all)-1]
		if t.regByCode[reg.Code] != nil {
			return r.errorf("duplicate region %s", reg.Code)
		}
		t.regByCode[reg.Code] = reg
		t.regions = append(t.regions, reg)
	}
	return nil
}

func (t *Table) loadDepartements() error {
	r, err := open("departements.tsv", departementsFile, false, "departements", "code", "name", "region", "chef_lieu", "zone")
	if err != nil {
		return err
	}
	all := make([]Departement, 0, r.count())
	t.depByCode = make(map[string]*Departement, cap(all))
	var f [5]string
	for {
		ok, err := r.next(f[:])
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		all = append(all, Departement{Code: f[0], Name: f[1], Region: f[2], ChefLieu: f[3], Zone: f[4]})
		d := &all[len(all)-1]
		if t.depByCode[d.Code] != nil {
			return r.errorf("duplicate departement %s", d.Code)
		}
		if t.regByCode[d.Region] == nil {
			return r.errorf("unknown region %s", d.Region)
		}
		t.depByCode[d.Code] = d
		t.deps = append(t.deps, d)
	}
	return nil
}

func (t *Table) loadEPCIs() error {
	r, err := open("epci.tsv.gz", epciFile, true, "epci", "siren", "name", "type")
	if err != nil {
		return err
	}
	all := make([]EPCI, 0, r.count())
	t.epciBy = make(map[string]*EPCI, cap(all))
	var f [3]string
	for {
		ok, err := r.next(f[:])
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		all = append(all, EPCI{SIREN: f[0], Name: f[1], Type: f[2]})
		e := &all[len(all)-1]
		if t.epciBy[e.SIREN] != nil {
			return r.errorf("duplicate EPCI %s", e.SIREN)
		}
		t.epciBy[e.SIREN] = e
		t.epcis = append(t.epcis, e)
	}
	return nil
}

func (t *Table) loadFormer() error {
	r, err := open("deleguees.tsv.gz", delegueesFile, true, "deleguees", "code", "name", "kind", "parent", "parent_name", "departement")
	if err != nil {
		return err
	}
	all := make([]Former, 0, r.count())
	t.former = make(map[string][]*Former, cap(all))
	var f [6]string
	for {
		ok, err := r.next(f[:])
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		all = append(all, Former{Code: f[0], Name: f[1], Kind: f[2], Parent: f[3], ParentName: f[4], Departement: f[5]})
		x := &all[len(all)-1]
		if t.byCode[x.Parent] == nil {
			return r.errorf("unknown parent commune %s", x.Parent)
		}
		t.former[x.Code] = append(t.former[x.Code], x)
	}
	return nil
}

// communeCols is the number of columns of communes.tsv.gz.
const communeCols = 14

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
	t.byName = make(map[string][]*Commune, n)
	t.byPostal = make(map[string][]*Commune, n/5)
	t.byDep = make(map[string][]*Commune, len(t.deps))
	t.merged = make(map[string]*Commune, n/8)
	// Postal and former codes of all communes share two backing arrays;
	// ends records where each commune's codes stop in them.
	postal := make([]string, 0, n+n/50)
	former := make([]string, 0, n/8)
	ends := make([][2]int32, n)
	var f [communeCols]string
	for i := 0; ; i++ {
		ok, err := r.next(f[:])
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		c := &all[i]
		if err := t.parseCommune(c, &f); err != nil {
			return r.errorf("%v", err)
		}
		if i > 0 && all[i-1].Code >= c.Code {
			return r.errorf("code %s not after %s", c.Code, all[i-1].Code)
		}
		postal = appendFields(postal, f[8])
		former = appendFields(former, f[12])
		ends[i] = [2]int32{int32(len(postal)), int32(len(former))}
		t.communes[i] = c
		t.byCode[c.Code] = c
		t.byDep[c.Departement] = append(t.byDep[c.Departement], c)
		key := fold.Name(c.Name)
		same := append(t.byName[key], c)
		t.byName[key] = same
		if len(same) == 1 {
			for len(t.names) <= len(key) {
				t.names = append(t.names, nil)
			}
			t.names[len(key)] = append(t.names[len(key)], key)
		}
		if c.Kind == KindCommune && c.EPCI != "" {
			e := t.epciBy[c.EPCI]
			e.Communes = append(e.Communes, c.Code)
		}
	}
	var p, q int32
	for i := range all {
		c := &all[i]
		c.PostalCodes = postal[p:ends[i][0]:ends[i][0]]
		c.FormerCodes = former[q:ends[i][1]:ends[i][1]]
		p, q = ends[i][0], ends[i][1]
		if (c.Kind == KindArrondissement) != (c.Parent != "") || c.Parent != "" && t.byCode[c.Parent] == nil {
			return fmt.Errorf("geo: communes.tsv.gz: %s: bad parent %q for a %s", c.Code, c.Parent, c.Kind)
		}
		if len(c.PostalCodes) == 0 {
			c.PostalCodes = nil
		}
		if len(c.FormerCodes) == 0 {
			c.FormerCodes = nil
		}
		for _, cp := range c.PostalCodes {
			t.byPostal[cp] = append(t.byPostal[cp], c)
		}
		for _, old := range c.FormerCodes {
			t.merged[old] = c
		}
	}
	for _, cs := range t.byPostal {
		slices.SortFunc(cs, byPopulation)
	}
	for _, cs := range t.byName {
		if len(cs) > 1 {
			slices.SortFunc(cs, byPopulation)
		}
	}
	return nil
}

// parseCommune fills c from the fields of one row of communes.tsv.gz,
// except for the postal and former codes.
func (t *Table) parseCommune(c *Commune, f *[communeCols]string) error {
	c.Code, c.Name, c.Parent, c.Zone = f[0], f[1], f[3], f[4]
	c.Departement, c.Region, c.EPCI = f[5], f[6], f[7]
	if len(c.Code) != 5 {
		return fmt.Errorf("bad code %q", c.Code)
	}
	if t.byCode[c.Code] != nil {
		return fmt.Errorf("duplicate code %s", c.Code)
	}
	switch f[2] {
	case "commune":
		c.Kind = KindCommune
	case "arrondissement-municipal":
		c.Kind = KindArrondissement
	default:
		return fmt.Errorf("%s: unknown kind %q", c.Code, f[2])
	}
	if d := t.depByCode[c.Departement]; d == nil || d.Region != c.Region {
		return fmt.Errorf("%s: departement %q and region %q do not match", c.Code, c.Departement, c.Region)
	}
	if c.EPCI != "" && t.epciBy[c.EPCI] == nil {
		return fmt.Errorf("%s: unknown EPCI %s", c.Code, c.EPCI)
	}
	var err error
	if f[9] != "" {
		if c.Population, err = strconv.Atoi(f[9]); err != nil {
			return fmt.Errorf("%s: population: %v", c.Code, err)
		}
	}
	if f[10] != "" || f[11] != "" {
		c.HasPoint = true
		if c.Lat, err = strconv.ParseFloat(f[10], 64); err != nil {
			return fmt.Errorf("%s: lat: %v", c.Code, err)
		}
		if c.Lon, err = strconv.ParseFloat(f[11], 64); err != nil {
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
