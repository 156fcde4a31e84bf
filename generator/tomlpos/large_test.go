package tomlpos

import (
	"strings"
	"testing"
)

// TestLocateLarge runs Locate on large or hostile inputs: none may take
// quadratic time or space, or exhaust the stack.
func TestLocateLarge(t *testing.T) {
	const n = 20000
	tests := []struct {
		name  string
		src   string
		paths int
	}{
		{"long dotted key", strings.Repeat("a.", n) + "a = 1\n", n + 1},
		{"long header", "[" + strings.Repeat("a.", n) + "a]\n", n + 1},
		{"deep arrays", "a = " + strings.Repeat("[", n) + strings.Repeat("]", n), maxDepth},
		{"deep inline tables", "a = " + strings.Repeat("{b=", n) + strings.Repeat("}", n), maxDepth + 1},
		{"long line", "a = [" + strings.Repeat("1,", n) + "]", n + 1},
		{"many arrays of tables", strings.Repeat("[[a]]\n[[a.b]]\n", n), 3*n + 1},
		{"not TOML", strings.Repeat("é", n), 0},
		{"unterminated array", "a = [" + strings.Repeat("é", n), n + 1},
		{"quotes", strings.Repeat(`"`, n), 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ix := Locate([]byte(tc.src))
			if got := len(ix.Paths()); got != tc.paths {
				t.Errorf("%d paths, want %d", got, tc.paths)
			}
			checkOffsets(t, []byte(tc.src), ix)
		})
	}
}
