package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
)

// hostileDiags are diagnostics whose file names, messages and hints try to
// forge output lines, workflow commands or terminal escapes.
var hostileDiags = []struct {
	name string
	d    diag.Diagnostic
	// github is the expected workflow command, without its line break.
	github string
}{
	{"newline in file",
		diag.Diagnostic{Pos: diag.Pos{File: "a\nforged.md:1:1: error: x", Line: 2, Col: 3}, Code: diag.Syntax, Msg: "bad"},
		`::error file=a\nforged.md%3A1%3A1%3A error%3A x,line=2,col=3,title=cpts syntax::bad`},
	{"workflow command in file",
		diag.Diagnostic{Pos: diag.Pos{File: "x.md\n::error file=y.md::pwned"}, Severity: diag.Warning, Code: diag.UnknownFile, Msg: "m"},
		`::warning file=x.md\n%3A%3Aerror file=y.md%3A%3Apwned,title=cpts unknown-file::m`},
	{"CR and comma in file",
		diag.Diagnostic{Pos: diag.Pos{File: "a\r,line=99.md", Line: 1}, Msg: "m"},
		`::error file=a\r%2Cline=99.md,line=1,title=cpts ::m`},
	{"terminal escapes",
		diag.Diagnostic{Pos: diag.Pos{File: "\x1b[2Jclear.md", Line: 1, Col: 1}, Msg: "title \"\x1b]0;pwned\x07\"", Hint: "\x1b[31mred"},
		`::error file=\x1b[2Jclear.md,line=1,col=1,title=cpts ::title "\x1b]0;pwned\a"%0Ahint: \x1b[31mred`},
	{"U+2028 and U+0085",
		diag.Diagnostic{Pos: diag.Pos{File: "l\u2028s.md", Line: 1}, Msg: "a\u2029b\u0085c"},
		`::error file=l\u2028s.md,line=1,title=cpts ::a\u2029b\u0085c`},
	{"percent-encoded newline",
		diag.Diagnostic{Pos: diag.Pos{File: "p%0A.md", Line: 1}, Msg: "say %0A::error::pwned", Hint: "one%0D\ntwo"},
		`::error file=p%250A.md,line=1,title=cpts ::say %250A::error::pwned%0Ahint: one%250D%0Ahint: two`},
	{"newline in message",
		diag.Diagnostic{Pos: diag.Pos{File: "é.toml", Line: 4, Col: 2}, Code: diag.Value, Msg: "name: \"x\n::error file=z::forged\""},
		`::error file=é.toml,line=4,col=2,title=cpts value::name: "x\n::error file=z::forged"`},
}

func TestPrintGitHubEscapes(t *testing.T) {
	for _, tt := range hostileDiags {
		var b bytes.Buffer
		printGitHub(&b, diag.List{tt.d}, english)
		got := b.String()
		if got != tt.github+"\n" {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.github+"\n")
		}
		if strings.Count(got, "\n") != 1 || strings.ContainsAny(got, "\r\x1b\x07\u2028\u2029\u0085") {
			t.Errorf("%s: %q is not one clean line", tt.name, got)
		}
	}
}

func TestPrintGitLabEscapes(t *testing.T) {
	for _, tt := range hostileDiags {
		var b bytes.Buffer
		if err := printGitLab(&b, diag.List{tt.d}, english); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(b.String(), "\r\x1b\x07\u2028\u2029\u0085") {
			t.Errorf("%s: report holds a raw control character: %q", tt.name, b.String())
		}
		var issues []gitlabIssue
		if err := json.Unmarshal(b.Bytes(), &issues); err != nil || len(issues) != 1 {
			t.Fatalf("%s: report %q: %v", tt.name, b.String(), err)
		}
		is := issues[0]
		if is.Location.Path != diag.Escape(tt.d.Pos.File) {
			t.Errorf("%s: path = %q, want %q", tt.name, is.Location.Path, diag.Escape(tt.d.Pos.File))
		}
		// Decoded, the fields hold no control character either (jq -r),
		// except the line breaks between the lines of a hint.
		if n, want := strings.Count(is.Description, "\n"), max(len(tt.d.HintLines())-1, 0); n != want {
			t.Errorf("%s: description %q has %d line breaks, want %d", tt.name, is.Description, n, want)
		}
		for _, s := range []string{is.Location.Path, is.Description} {
			if strings.ContainsAny(s, "\r\x1b\x07\u2028\u2029\u0085") {
				t.Errorf("%s: decoded field %q holds a control character", tt.name, s)
			}
		}
	}
}

func TestPrintDiagnosticsEscapes(t *testing.T) {
	for _, tt := range hostileDiags {
		var b bytes.Buffer
		printDiagnostics(&b, diag.List{tt.d}, "", english)
		got := b.String()
		if n, want := strings.Count(got, "\n"), 1+len(tt.d.HintLines()); n != want || strings.ContainsAny(got, "\r\x1b\x07\u2028\u2029\u0085") {
			t.Errorf("%s: text output %q: want %d clean lines", tt.name, got, want)
		}
	}
}
