package tomlpos

import (
	"os"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// FuzzLocate checks that Locate never panics or loops, that every position
// agrees with its offset, and, when the decoder accepts the input, that
// every decoded path is found (unless the input defines a key twice).
func FuzzLocate(f *testing.F) {
	for _, tc := range posCases {
		f.Add([]byte(tc.src))
	}
	for _, src := range crossDocs {
		f.Add([]byte(src))
	}
	if spec, err := os.ReadFile("testdata/spec.toml"); err == nil {
		f.Add(spec)
	}
	for _, s := range []string{
		"", "[", "[[", "[[a", "[a.", `["a`, "a = [[[[", "a = {{{", `a = "`, `a = """`, "a = '''",
		`a = "\`, "a.\"b", "a = [1,,]", "a = {b = }", "a = 1979-05-27 ", "\ufeff", "\xef\xbb",
		"a = [\n# c\n", "x = '''''''", "\"\"\"\n[[x]]", "a = \"\xff\"", "[a]]\n[[a]\n]]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		ix := Locate(src)
		for _, path := range ix.Paths() {
			for _, get := range []func(string) (Pos, bool){ix.key, ix.value} {
				if p, ok := get(path); ok && (p.Offset < 0 || p.Offset > len(src)) {
					t.Fatalf("%s: offset %d out of [0, %d]", path, p.Offset, len(src))
				}
			}
			ix.Find(path + ".x").Nearest()
		}
		checkOffsets(t, src, ix)
		if !utf8.Valid(src) {
			return
		}
		var m map[string]any
		if _, err := toml.Decode(string(src), &m); err != nil || ix.redefined {
			return // a key defined twice is invalid TOML, even where the decoder takes the last value
		}
		for _, err := range crossCheck(src, ix, "", ix.Root(), m) {
			t.Fatalf("%v\nsource:\n%s", err, src)
		}
	})
}
