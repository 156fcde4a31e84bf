package tomlpos

import (
	"strings"
	"testing"
	"time"
)

func TestBounds(t *testing.T) {
	deep := func(open, close string, n int) string {
		return "x = " + strings.Repeat(open, n) + "1" + strings.Repeat(close, n) + "\n"
	}
	dotted := func(n int) string { return "a" + strings.Repeat(".a", n-1) + " = 1\n" }
	tests := []struct {
		name, src string
		line, col int    // 0: within bounds
		problem   string // part of the problem
	}{
		{"record", "[[member]]\nname = \"A\"\ntags = [[1, 2], [3]]\npoint = {x = 1, y = {z = [2]}}\n", 0, 0, ""},
		{"arrays at the limit", deep("[", "]", MaxDepth), 0, 0, ""},
		{"arrays past the limit", deep("[", "]", MaxDepth+1), 1, 5 + MaxDepth, "nested more than 32 deep"},
		{"a million arrays", deep("[", "]", 1_000_000), 1, 5 + MaxDepth, "nested"},
		{"inline tables", "x = " + strings.Repeat("{a=", 100_000) + "1" + strings.Repeat("}", 100_000), 1, 5 + 3*MaxDepth, "nested"},
		{"mixed", "x = " + strings.Repeat("[{a=", 20), 1, 5 + 4*16, "nested"},
		{"brackets in strings", "x = \"" + strings.Repeat("[", 1000) + "\"\ny = '" + strings.Repeat("{", 100) + "'\nz = \"\"\"\n" + strings.Repeat("[", 100) + "\n\"\"\"\n# " + strings.Repeat("[", 100) + "\n", 0, 0, ""},
		{"escaped quote", `x = "a\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["` + "\n", 0, 0, ""},
		{"dotted key at the limit", dotted(MaxKeyParts), 0, 0, ""},
		{"dotted key past the limit", dotted(MaxKeyParts + 1), 1, 1 + 2*MaxKeyParts, "more than 32 parts"},
		{"a key of a million parts", dotted(1_000_000), 1, 1 + 2*MaxKeyParts, "parts"},
		{"dotted header", "[" + strings.Repeat("a.", 40) + "a]\n", 1, 2 + 2*MaxKeyParts, "parts"},
		{"dotted key in an inline table", "x = {" + strings.Repeat("b.", 40) + "b = 1}\n", 1, 6 + 2*MaxKeyParts, "parts"},
		{"quoted parts", `"a"` + strings.Repeat(`."a"`, 40) + " = 1\n", 1, 1 + 4*MaxKeyParts, "parts"},
		{"long key", strings.Repeat("k", MaxKeyBytes+1) + " = 1\n", 1, 1, "more than 256 bytes"},
		{"long quoted key", `"` + strings.Repeat("k", MaxKeyBytes) + `" = 1` + "\n", 1, 1, "bytes"},
		{"long value", "x = \"" + strings.Repeat("v", 100_000) + "\"\n", 0, 0, ""},
		{"second line", "a = 1\nb = " + strings.Repeat("[", 40), 2, 5 + MaxDepth, "nested"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			e := Bounds([]byte(tt.src))
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %s", d)
			}
			if tt.line == 0 {
				if e != nil {
					t.Fatalf("Bounds = %+v, want nil", e)
				}
				return
			}
			if e == nil {
				t.Fatal("Bounds = nil")
			}
			if e.Pos.Line != tt.line || e.Pos.Col != tt.col || !strings.Contains(e.Problem, tt.problem) || e.Hint == "" {
				t.Errorf("Bounds = %d:%d %q (hint %q), want %d:%d %q", e.Pos.Line, e.Pos.Col, e.Problem, e.Hint, tt.line, tt.col, tt.problem)
			}
		})
	}
}

func TestBoundsAllocatesLittle(t *testing.T) {
	src := []byte("x = " + strings.Repeat("[", 1<<20))
	if n := testing.AllocsPerRun(3, func() { Bounds(src) }); n > 16 {
		t.Errorf("%.0f allocations", n)
	}
}
