package geo

import (
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
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

// rows reads the rows of an embedded file, each split into a fixed number
// of fields. Its errors name the file and line.
type rows struct {
	file string
	body string
	line int
	cols int
}

// open decompresses data if gz, checks that its header announces the table
// and the columns, and returns a reader of its rows.
func open(file, data string, gz bool, table string, cols ...string) (*rows, error) {
	if gz {
		var err error
		if data, err = gunzip(data); err != nil {
			return nil, fmt.Errorf("geo: %s: %v", file, err)
		}
	}
	r := &rows{file: file, cols: len(cols)}
	return r, r.header(data, table, cols)
}

// header checks the two header lines at the start of data and makes the
// rest the body to read.
func (r *rows) header(data, table string, cols []string) error {
	head := version + " " + table + "\n" + strings.Join(cols, "\t") + "\n"
	if !strings.HasPrefix(data, head) {
		return fmt.Errorf("geo: %s: header is not %q", r.file, head)
	}
	r.body, r.line = data[len(head):], 2
	return nil
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

// chunk is one decompressed gzip member, or the error that stopped
// decompression.
type chunk struct {
	s   string
	err error
}

// gunzipMembers decompresses the gzip members of data one at a time in a
// new goroutine and sends them in order, so that the caller parses one
// member while the next is decompressed. The channel is closed after the
// last member or the first error; closing stop ends the goroutine early.
func gunzipMembers(data string, stop <-chan struct{}) <-chan chunk {
	out := make(chan chunk, 2)
	go func() {
		defer close(out)
		send := func(c chunk) bool {
			select {
			case out <- c:
				return true
			case <-stop:
				return false
			}
		}
		src := strings.NewReader(data) // an io.ByteReader: gzip reads no further than a member
		zr, err := gzip.NewReader(src)
		for err == nil {
			zr.Multistream(false)
			var b strings.Builder
			b.Grow(memberHint)
			if _, err = io.Copy(&b, zr); err != nil {
				break
			}
			if !send(chunk{s: b.String()}) {
				return
			}
			err = zr.Reset(src)
		}
		if err != io.EOF {
			send(chunk{err: err})
		}
	}()
	return out
}

// memberHint is the size to reserve for a decompressed member: the
// generator cuts communes.tsv.gz into members of about 256 KiB.
const memberHint = 320 << 10

// gunzip decompresses a gzip file into a string, reserving the size its
// trailer gives (exact for a file of one member).
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
		if t.commune(x.Parent) == nil {
			return r.errorf("unknown parent commune %s", x.Parent)
		}
		t.former[x.Code] = append(t.former[x.Code], x)
	}
	return nil
}
