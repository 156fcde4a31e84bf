package build_test

import (
	"strings"
	"testing"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/themes"
)

// maxPageBytes is the weight no page may exceed for typical content
// (issue #7): the sample content is five real CPTS.
const maxPageBytes = 15_000

// TestPagesUnder15KB builds the sample content and checks that no page
// outgrows maxPageBytes of HTML: maps are documents of their own and the
// lists that grow with a directory are paginated. (The national corpus
// is measured by bench/run.sh; its CPTS pages carry synthetic 300-800-word
// presentations and up to 200 members.)
func TestPagesUnder15KB(t *testing.T) {
	res, diags := build.Run(build.Options{Source: cpts.Sample, Theme: themes.Default(), Geo: table(t)})
	if res == nil {
		t.Fatal(diags)
	}
	pages, largest, at := 0, 0, ""
	for _, p := range res.Files.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		b, _ := res.Files.Get(p)
		if len(b) > largest {
			largest, at = len(b), p
		}
		if len(b) > maxPageBytes {
			t.Errorf("%s: %d bytes of HTML, more than %d", p, len(b), maxPageBytes)
		}
	}
	t.Logf("%d pages, the largest %s: %d bytes", pages, at, largest)
}
