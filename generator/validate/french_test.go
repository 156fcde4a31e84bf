package validate_test

import (
	"path/filepath"
	"regexp"
	"testing"

	"github.com/cpts-fr/cpts/generator/catalog"
	"github.com/rogpeppe/go-internal/txtar"
)

// quotedOrPath matches what a translated message may keep as written: a
// quoted value, a TOML snippet, a path or a file name.
var quotedOrPath = regexp.MustCompile(`"[^"]*"|“[^”]*”|\[[^\]]*\]|\S*[/.]\S*`)

// englishWord finds words that are English and not French.
var englishWord = regexp.MustCompile(`(?i)\b(the|is|not|of|and|or|with|want|got|missing|unknown|must|should|file|folder|write|add|remove|listed|allowed|has|no)\b`)

// TestFixturesSpeakFrench translates every diagnostic of the fixtures
// into French: each message and hint is in the catalogue, and what is
// left once quoted values and paths are taken out holds no English word.
func TestFixturesSpeakFrench(t *testing.T) {
	fr, _ := catalog.For("fr")
	paths, _ := filepath.Glob("testdata/*.txtar")
	n := 0
	for _, p := range paths {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range check(t, ar.Files) {
			n++
			if text, ok := fr.Complete(d); !ok {
				t.Errorf("%s: not in the French catalogue: %q", filepath.Base(p), text)
				continue
			}
			tr := fr.Diagnostic(d)
			for _, s := range []string{tr.Msg, tr.Hint} {
				rest := quotedOrPath.ReplaceAllString(s, "")
				if w := englishWord.FindString(rest); w != "" {
					t.Errorf("%s: English word %q left in %q", filepath.Base(p), w, s)
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("%d diagnostics in the fixtures: the test reads too few", n)
	}
}
