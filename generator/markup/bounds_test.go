package markup

import (
	"strings"
	"testing"
	"time"

	"github.com/cpts-fr/cpts/generator/diag"
)

func TestBounds(t *testing.T) {
	refs := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString("[r")
			b.WriteString(strings.Repeat("x", i%7))
			b.WriteString("]: /x\n")
		}
		return b.String()
	}
	tests := []struct {
		name, src string
		want      string // "" or the position and part of the message
	}{
		{"ordinary", "# Titre\n\n> Une citation\n> - avec une liste\n>   1. et un point\n\n[ref]: https://example.org\n", ""},
		{"quotes at the limit", strings.Repeat("> ", MaxNesting) + "x\n", ""},
		{"quotes past the limit", "texte\n\n" + strings.Repeat("> ", 40) + "x\n", "f.md:12:65: error: Markdown too complex: block quotes and lists nested more than 32 deep [limit]"},
		{"quotes without blanks", strings.Repeat(">", 400000) + "x\n", "f.md:10:33: error: Markdown too complex"},
		{"lists", strings.Repeat("- ", 400000) + "x\n", "f.md:10:65: error"},
		{"ordered lists", strings.Repeat("1. ", 100) + "x\n", "f.md:10:97: error"},
		{"mixed", strings.Repeat("> * ", 20) + "x\n", "f.md:10:65: error"},
		{"references at the limit", refs(MaxReferences), ""},
		{"references past the limit", refs(MaxReferences + 1), "f.md:510:1: error: Markdown too complex: more than 500 link reference definitions [limit]"},
		{"references in code", "```\n" + refs(2000) + "```\n", ""},
		{"quotes in code", "~~~~\n" + strings.Repeat("> ", 100) + "\n~~~~\n", ""},
		{"emphasis is not nesting", strings.Repeat("*_", 100000) + "x\n", ""},
		{"thematic break", strings.Repeat("- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n", 3), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			d := Bounds([]byte(tt.src), diag.Pos{File: "f.md", Line: 10, Col: 1})
			if el := time.Since(start); el > time.Second {
				t.Errorf("took %s", el)
			}
			got := ""
			if len(d) > 0 {
				got = d[0].String()
			}
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("Bounds = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHostileBodiesAreFast: the bodies goldmark takes minutes over are
// refused at once by Convert and Links, with the one error of Bounds.
func TestHostileBodiesAreFast(t *testing.T) {
	c := New(Options{})
	for _, src := range []string{strings.Repeat("> ", 400000), strings.Repeat("- ", 400000) + "x", strings.Repeat("[a]: /x\n", 60000) + strings.Repeat("[a] ", 60000)} {
		start := time.Now()
		_, d1 := c.Convert([]byte(src), diag.Pos{File: "f.md", Line: 1, Col: 1})
		_, d2 := c.Links([]byte(src), diag.Pos{File: "f.md", Line: 1, Col: 1})
		if el := time.Since(start); el > 2*time.Second {
			t.Errorf("%.20q…: %s", src, el)
		}
		if len(d1) != 1 || len(d2) != 1 || d1[0] != d2[0] || d1[0].Code != diag.Limit {
			t.Errorf("%.20q…: Convert %v, Links %v", src, d1, d2)
		}
	}
}
