package build_test

import (
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/themes"
)

// editedAt is a site whose file target gets another text just after the
// build has read it `after` times: an author saving it mid-build.
type editedAt struct {
	fstest.MapFS
	target string
	after  int
	text   []byte

	mu    sync.Mutex
	reads int
}

// read notes a read of name, done: the edit follows the after-th read
// of the target, by ReadFile or Open.
func (e *editedAt) read(name string) {
	if name == e.target {
		if e.reads++; e.reads == e.after {
			e.MapFS[name] = &fstest.MapFile{Data: e.text} // an open file keeps the old one
		}
	}
}

func (e *editedAt) ReadFile(name string) ([]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	data, err := e.MapFS.ReadFile(name)
	e.read(name)
	return data, err
}

func (e *editedAt) Open(name string) (fs.File, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	f, err := e.MapFS.Open(name)
	e.read(name)
	return f, err
}

// TestNewsEditedDuringBuildIsAnError: a build reads a news item's text
// again each time it needs it (the loader keeps none). Whichever of those
// reads first meets the new text, the build stops with an error at the
// file, as a failed build does, and never publishes a page of one text
// beside a page of the other; saved before the build read it, or after
// its last read, the item is built as read.
func TestNewsEditedDuringBuildIsAnError(t *testing.T) {
	const item = "content/cpts/lunel/news/2024-03-01-ag.md"
	files := map[string]string{
		"content/cpts/lunel/index.md":      "+++\nname = \"L\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\n",
		"content/cpts/lunel/communes.toml": "communes = [\"34145\"]\n",
		"content/cpts/lunel/contacts.toml": contact,
		item:                               "+++\ntitle = \"AG\"\ndate = 2024-03-01\n+++\nL’assemblée générale a eu lieu.\n",
	}
	edited := []byte("+++\ntitle = \"AG\"\ndate = 2024-03-01\n+++\nL’assemblée générale est reportée.\n")
	for after := 1; ; after++ {
		fsys := site(files)
		fsys["config.toml"].Data = append(fsys["config.toml"].Data, "[scope]\ndepartements = [\"34\"]\ndirectory_url = \"https://example.org/\"\n"...)
		e := &editedAt{MapFS: fsys, target: item, after: after, text: edited}
		res, diags := build.Run(build.Options{Source: e, Theme: themes.Default(), Geo: table(t)})
		if e.reads <= after { // saved after the build's last read of it
			if res == nil {
				t.Fatalf("the build read the item %d times, edited after read %d: it failed: %v", e.reads, after, diags)
			}
			if e.reads < 3 {
				t.Errorf("the build read the item %d times: want the load, then at least its check and its page", e.reads)
			}
			t.Logf("the build read the item %d times", e.reads)
			return
		}
		if res != nil {
			t.Fatalf("edited after read %d of %d: the build succeeded", after, e.reads)
		}
		found := false
		for _, d := range diags {
			found = found || d.Pos.File == item && strings.Contains(d.Msg, "changed while the site was being built")
		}
		if !found {
			t.Errorf("edited after read %d: diagnostics lack the change of %s:\n%v", after, item, diags)
		}
	}
}
