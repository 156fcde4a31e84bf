package diag

import (
	"reflect"
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	keys := []string{"name", "short_name", "status", "summary", "created", "aci_signed"}
	tests := []struct {
		word string
		want []string
	}{
		{"nmae", []string{"name"}},
		{"stauts", []string{"status"}},
		{"sumary", []string{"summary"}},
		{"colour", nil},
		{"name", nil},
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, keys, 2); !reflect.DeepEqual(got, tt.want) && (len(got) != 0 || len(tt.want) != 0) {
			t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"", "abc", 3}, {"34145", "34415", 1}, {"é", "e", 1}, {"kitten", "sitting", 3}, {"same", "same", 0}} {
		if got := Distance(tt.a, tt.b); got != tt.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
}

func TestListSortAndFormat(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "b.toml", Line: 1, Col: 1}, UnknownFile, "second")
	l.Errorf(Pos{File: "a.toml", Line: 3, Col: 2}, Syntax, "first").WithHint("fix it\nthen again")
	l.Errorf(Pos{File: "a.toml", Line: 3, Col: 2}, Syntax, "first").WithHint("fix it\nthen again")
	l = l.Sort()
	if len(l) != 2 {
		t.Fatalf("Sort kept %d diagnostics, want 2 (duplicates dropped)", len(l))
	}
	want := "a.toml:3:2: error: first [syntax]\n\thint: fix it\n\thint: then again"
	if got := l[0].String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got := l.Summary(); got != "1 error, 1 warning" {
		t.Errorf("Summary() = %q", got)
	}
	if l.Err() == nil || List(nil).Err() != nil {
		t.Error("Err: want an error only when the list has errors")
	}
	if got := (Pos{File: "f"}).String(); got != "f" {
		t.Errorf("Pos without line = %q", got)
	}
}

func TestEscape(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"content/cpts/lunel/index.md", "content/cpts/lunel/index.md"},
		{"content/cpts/béziers-ô/index.md", "content/cpts/béziers-ô/index.md"},
		{"Fiche\u202f: « ok »\u00a0!", "Fiche\u202f: « ok »\u00a0!"}, // French no-break spaces stay
		{"a\nforged.md:1:1: error: x", `a\nforged.md:1:1: error: x`},
		{"a\rb", `a\rb`},
		{"tab\there", `tab\there`},
		{"\x1b[2J\x1b]0;title\x07", `\x1b[2J\x1b]0;title\a`},
		{"\x7f\x00", `\x7f\x00`},
		{"line\u2028sep\u2029para", `line\u2028sep\u2029para`},
		{"bidi\u202eevil\u200b", `bidi\u202eevil\u200b`},
		{"\u0085next", `\u0085next`},
		{"bad\xffutf8", `bad\xffutf8`},
		{"%0A stays", "%0A stays"},
		{`back\slash`, `back\slash`},
		{"", ""},
	} {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStringCannotForgeLines holds Diagnostic.String to one line per
// diagnostic plus one per hint line, whatever the file name, message and
// hint hold, and to no terminal escape.
func TestStringCannotForgeLines(t *testing.T) {
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"newline in file", Diagnostic{Pos: Pos{File: "a\nforged.md:1:1: error: pwned", Line: 2, Col: 3}, Code: Syntax, Msg: "bad"},
			`a\nforged.md:1:1: error: pwned:2:3: error: bad [syntax]`},
		{"file without line", Diagnostic{Pos: Pos{File: "x\r\n.md"}, Msg: "m"}, `x\r\n.md: error: m`},
		{"file without col", Diagnostic{Pos: Pos{File: "x\x1b[2J.md", Line: 4}, Msg: "m"}, `x\x1b[2J.md:4: error: m`},
		{"message quoting content", Diagnostic{Pos: Pos{File: "é.toml", Line: 1, Col: 1}, Severity: Warning, Msg: "name: \"x\ny.toml:9:9: error: forged\""},
			`é.toml:1:1: warning: name: "x\ny.toml:9:9: error: forged"`},
		{"U+2028 in message", Diagnostic{Pos: Pos{File: "f", Line: 1}, Msg: "a\u2028b"}, `f:1: error: a\u2028b`},
		{"hint lines", Diagnostic{Pos: Pos{File: "f", Line: 1}, Msg: "m", Hint: "one\ntwo\r\x1b[31mred"},
			"f:1: error: m\n\thint: one\n\thint: two\\r\\x1b[31mred"},
	}
	for _, tt := range tests {
		got := tt.d.String()
		if got != tt.want {
			t.Errorf("%s: String() = %q, want %q", tt.name, got, tt.want)
		}
		if strings.ContainsAny(got, "\r\x1b\u2028\u2029") {
			t.Errorf("%s: String() = %q holds a control character", tt.name, got)
		}
		if n := strings.Count(got, "\n"); n != len(tt.d.HintLines()) {
			t.Errorf("%s: String() = %q has %d line breaks, want %d", tt.name, got, n, len(tt.d.HintLines()))
		}
	}
}
