package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/geo"
)

// seed is the fixed seed of every random stream of the generator.
const seed = 0x43505453_636f7270 // "CPTScorp"

// Scale says how much content to generate.
type Scale struct {
	Name string
	// Departements limits the territories to these départements; empty
	// means every département of metropolitan France and the DROM.
	Departements []string
	// News is the number of news items, CPTS and site-wide together.
	News int
}

// smallDepartements are the départements of the small scale: about 50 CPTS.
var smallDepartements = []string{"30", "34", "46", "49", "81", "82"}

// Scales returns the predefined scales, smallest first: small (about 50
// CPTS, 1,000 news), national (about 900 CPTS over all départements, 20,000
// news), and national-x2 and national-x4, the national corpus with twice
// and four times as many news items.
func Scales() []Scale {
	return []Scale{
		{Name: "small", Departements: smallDepartements, News: 1000},
		{Name: "national", News: 20000},
		{Name: "national-x2", News: 40000},
		{Name: "national-x4", News: 80000},
	}
}

// ScaleByName returns the predefined scale with that name.
func ScaleByName(name string) (Scale, bool) {
	for _, s := range Scales() {
		if s.Name == name {
			return s, true
		}
	}
	return Scale{}, false
}

// Stats counts what a corpus holds.
type Stats struct {
	CPTS     int // CPTS folders
	Communes int // distinct communes listed in territories
	Shared   int // communes listed by two CPTS, partial in both
	Members  int // [[member]] entries
	News     int // news files, CPTS and site-wide
	Pages    int // free pages
	Words    int // words of Markdown bodies
	Bytes    int64
}

// Corpus is a generated site: config.toml and content/.
type Corpus struct {
	// Files maps slash-separated paths relative to the site root to their
	// contents.
	Files map[string][]byte
	Stats Stats
}

// Paths returns the file paths, sorted.
func (c *Corpus) Paths() []string {
	ps := make([]string, 0, len(c.Files))
	for p := range c.Files {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	return ps
}

// MapFS returns the corpus as an fstest.MapFS. The files share their
// contents with c.
func (c *Corpus) MapFS() fstest.MapFS {
	m := make(fstest.MapFS, len(c.Files))
	for p, data := range c.Files {
		m[p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return m
}

// FS returns the corpus as an in-memory file system: the MapFS with an
// index of its folders. fstest.MapFS lists a folder by scanning every
// file, which at national scale (900 news folders, 100,000 files) would
// cost more than loading the site; with the index, listing a folder costs
// its own size, as on disk.
func (c *Corpus) FS() fs.FS { return newIndexedFS(c.MapFS()) }

// WriteDir writes the corpus into dir, which must not exist or be empty,
// so that no file of an older corpus stays behind.
func (c *Corpus) WriteDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s is not empty", dir)
	}
	made := map[string]bool{}
	for _, p := range c.Paths() {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(full, c.Files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Generate builds the corpus of a scale from the commune reference data.
// The same table and scale always give the same files, byte for byte.
func Generate(t *geo.Table, s Scale) (*Corpus, error) {
	if t == nil {
		return nil, errors.New("corpus: no commune table")
	}
	for _, d := range s.Departements {
		if t.Departement(d) == nil {
			return nil, fmt.Errorf("corpus: unknown département %q", d)
		}
	}
	if s.News < 0 {
		return nil, fmt.Errorf("corpus: negative news count %d", s.News)
	}
	g := &generator{table: t, scale: s, files: map[string][]byte{}}
	g.territories = partition(t, s.Departements)
	if len(g.territories) == 0 {
		return nil, errors.New("corpus: no territory to generate")
	}
	g.name()
	for i := range g.cpts {
		g.writeCPTS(i)
	}
	g.writeNews()
	g.writeSite()
	g.stats.Communes, g.stats.Shared = g.countCommunes()
	for _, data := range g.files {
		g.stats.Bytes += int64(len(data))
	}
	return &Corpus{Files: g.files, Stats: g.stats}, nil
}

// generator holds the state of one generation.
type generator struct {
	table       *geo.Table
	scale       Scale
	territories []*territory
	cpts        []*cptsInfo
	files       map[string][]byte
	stats       Stats
}

func (g *generator) add(path string, text string) {
	if _, dup := g.files[path]; dup {
		panic("corpus: file generated twice: " + path)
	}
	g.files[path] = []byte(text)
}

// countCommunes counts the distinct communes of the territories, and
// those listed by two.
func (g *generator) countCommunes() (communes, shared int) {
	seen := map[string]int{}
	for _, tr := range g.territories {
		for _, c := range tr.communes {
			seen[c.Code]++
		}
	}
	for _, n := range seen {
		if n > 1 {
			shared++
		}
	}
	return len(seen), shared
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string { return `"` + tomlEscaper.Replace(s) + `"` }

var tomlEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)
