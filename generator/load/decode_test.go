package load

import (
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
)

// TestUnknownKeyPositions pins where unknown keys are reported: at the key,
// also when quoted, except for keys with control or non-printable
// characters, reported at their table.
func TestUnknownKeyPositions(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"bare", "[[member]]\nname = \"a\"\nnom2 = 1\n", "m.toml:3:1"},
		{"quoted", "[[member]]\n\"a b\" = 1\n", "m.toml:2:1"},
		{"dotted", "[[member]]\nx.y = 1\n", "m.toml:2:1"},
		{"inline table", "member = [{ name = \"a\", zz = 1 }]\n", "m.toml:1:25"},
		{"control character", "[[member]]\nname = \"a\"\n\"n\\u0001\" = 1\n", "m.toml:1:1"},
		{"no-break space", "member = [{ name = \"a\", \"nom\u00a0\" = 1 }]\n", "m.toml:1:11"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.List
			var v struct {
				Member []*model.Member `toml:"member"`
			}
			src := source{path: "m.toml", text: []byte(tc.src)}
			if !decodeTOML(src, src.text, 1, diag.Pos{File: "m.toml", Line: 1, Col: 1}, &v, &diags) {
				t.Fatalf("does not parse: %v", diags)
			}
			var got []string
			for _, d := range diags {
				if d.Code == diag.UnknownKey {
					got = append(got, d.Pos.String())
				}
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("unknown key at %v, want %s", got, tc.want)
			}
		})
	}
}

func TestIsSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"pays-de-lunel": true, "a": true, "2024": true, "a-1-b": true,
		"": false, "-a": false, "a-": false, "a--b": false, "A": false, "é": false, "a_b": false, "a b": false,
	} {
		if got := isSlug(s); got != want {
			t.Errorf("isSlug(%q) = %v, want %v", s, got, want)
		}
	}
}
