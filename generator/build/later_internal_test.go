package build

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
)

// TestLaterBodies checks that the bodies check deferred are parsed for
// their links when render did not convert them, and only then, whatever
// order they come and are converted in.
func TestLaterBodies(t *testing.T) {
	body := func(file string, line int) *model.Markdown {
		m := model.NewMarkdown([]byte("Voir [x](javascript:alert(1))."), diag.Pos{File: file, Line: line, Col: 1})
		return &m
	}
	deferred := []*model.Markdown{body("content/b.md", 5), body("content/a.md", 9), body("content/a.md", 2), body("content/c.md", 1)}
	later := newLaterBodies(deferred)
	later.mark(diag.Pos{File: "content/a.md", Line: 9, Col: 1})
	later.mark(diag.Pos{File: "content/c.md", Line: 1, Col: 1})
	later.mark(diag.Pos{File: "content/z.md", Line: 1, Col: 1}) // not deferred: a body with an image
	site := &model.Site{Config: model.DefaultConfig()}
	var got []string
	for _, d := range laterWarnings(site, later) {
		got = append(got, fmt.Sprintf("%s:%d", d.Pos.File, d.Pos.Line))
	}
	if want := "content/a.md:2 content/b.md:5"; strings.Join(got, " ") != want {
		t.Errorf("warnings at %v, want %s", got, want)
	}
	if laterWarnings(site, nil) != nil {
		t.Error("warnings without deferred bodies")
	}
}
