package tomlpos

import (
	"fmt"
	"slices"
	"testing"
	"unicode/utf8"
)

// posCase is a TOML snippet with the expected key and value positions
// ("line:col") of some of its paths, and paths that must not be recorded.
type posCase struct {
	name   string
	src    string
	keys   map[string]string
	vals   map[string]string
	absent []string
}

var posCases = []posCase{
	{
		name: "simple",
		src:  "name = \"x\"\nn=1\n",
		keys: map[string]string{"name": "1:1", "n": "2:1"},
		vals: map[string]string{"name": "1:8", "n": "2:3"},
	},
	{
		name:   "comments and blank lines",
		src:    "# a comment = 1\n\n  \t\n  a = 1 # c = 2\n#[fake]\nb = 2",
		keys:   map[string]string{"a": "4:3", "b": "6:1"},
		vals:   map[string]string{"a": "4:7", "b": "6:5"},
		absent: []string{"c", "fake"},
	},
	{
		name: "accents before the value count as one column",
		src:  "t = { \"clé\" = \"été\", b = 2 }\nname = \"Élodie\"  # accents\na = [\"é\", \"ü\", 3]\n",
		keys: map[string]string{"t": "1:1", `"clé"`: "", `t."clé"`: "1:7", "t.b": "1:22", "name": "2:1"},
		vals: map[string]string{"t": "1:5", `t."clé"`: "1:15", "t.b": "1:26", "name": "2:8",
			"a[0]": "3:6", "a[1]": "3:11", "a[2]": "3:16"},
	},
	{
		name:   "CRLF line ends",
		src:    "a = 1\r\nb = \"x\"\r\n\r\n[t]\r\nc = 2\r\nd = \"\"\"\r\n[[x]]\r\n\"\"\"\r\ne = 3\r\n",
		keys:   map[string]string{"a": "1:1", "b": "2:1", "t": "4:1", "t.c": "5:1", "t.d": "6:1", "t.e": "9:1"},
		vals:   map[string]string{"a": "1:5", "b": "2:5", "t.c": "5:5", "t.d": "6:5", "t.e": "9:5"},
		absent: []string{"x", "x[0]"},
	},
	{
		name: "byte order mark is not a column",
		src:  "\ufeffa = 1\nb = 2\n",
		keys: map[string]string{"a": "1:1", "b": "2:1"},
		vals: map[string]string{"a": "1:5", "b": "2:5"},
	},
	{
		name: "dotted keys",
		src:  "a.b.c = 1\nx . \"y.z\" . w = true\na.b.d = 2\n",
		keys: map[string]string{"a": "1:1", "a.b": "1:1", "a.b.c": "1:1", "a.b.d": "3:1",
			"x": "2:1", `x."y.z"`: "2:1", `x."y.z".w`: "2:1"},
		vals: map[string]string{"a.b.c": "1:9", `x."y.z".w`: "2:17", "a.b.d": "3:9", "a": "", "a.b": ""},
	},
	{
		name: "quoted keys",
		src:  "\"key with space\" = 1\n'lit.key' = 2\n\"esc\\\"q\" = 3\n\"\" = 4\n\"bare\" = 5\n\"\\u00e9\" = 6\n'C:\\x' = 7\n",
		keys: map[string]string{`"key with space"`: "1:1", `"lit.key"`: "2:1", `"esc\"q"`: "3:1",
			`""`: "4:1", "bare": "5:1", `"é"`: "6:1", `"C:\\x"`: "7:1"},
		vals: map[string]string{`"key with space"`: "1:20", `"lit.key"`: "2:13", `"esc\"q"`: "3:12",
			`""`: "4:6", "bare": "5:10", `"é"`: "6:12", `"C:\\x"`: "7:10"},
	},
	{
		name: "escapes in quoted keys (TOML 1.1)",
		src:  "\"\\x41\\e\\U0001F600\" = 1\nt.\"\\\\\" = 2\n",
		keys: map[string]string{`"A\u001B😀"`: "1:1", `t."\\"`: "2:1"},
		vals: map[string]string{`"A\u001B😀"`: "1:22", `t."\\"`: "2:10"},
	},
	{
		name: "a redefinition, invalid but accepted by BurntSushi, keeps the first",
		src:  "a.b = 0\na = 1\nc = 2\n",
		keys: map[string]string{"a": "1:1", "a.b": "1:1", "c": "3:1"},
		vals: map[string]string{"a": "", "a.b": "1:7", "c": "3:5"},
	},
	{
		name: "strings",
		src: "s = \"a \\\" # b = 1\"\nt = 'c:\\path'\nu = \"\"\"multi\n[[fake]]\nkey = 1\n\\\"\"\"\n\"\"\"\n" +
			"v = '''\n[table]\nx = 2'''\nw = \"\"\"a\"\"\"\"\" # q\nz = ''''''\ny = 1\n",
		keys:   map[string]string{"s": "1:1", "t": "2:1", "u": "3:1", "v": "8:1", "w": "11:1", "z": "12:1", "y": "13:1"},
		vals:   map[string]string{"s": "1:5", "t": "2:5", "u": "3:5", "v": "8:5", "w": "11:5", "z": "12:5", "y": "13:5"},
		absent: []string{"b", "fake", "fake[0]", "key", "table", "x", "table.x", "u.key"},
	},
	{
		name: "arrays over many lines",
		src:  "arr = [\n  1, # one\n  [2, 3],   # nested\n  \"x\",\n  # comment\n  { a = 1 },\n]\nempty = [ ]\nnext = [[1],[]]\n",
		keys: map[string]string{"arr": "1:1", "arr[3].a": "6:5", "empty": "8:1"},
		vals: map[string]string{"arr": "1:7", "arr[0]": "2:3", "arr[1]": "3:3", "arr[1][0]": "3:4",
			"arr[1][1]": "3:7", "arr[2]": "4:3", "arr[3]": "6:3", "arr[3].a": "6:9", "empty": "8:9",
			"next[0]": "9:9", "next[0][0]": "9:10", "next[1]": "9:13"},
		absent: []string{"arr[4]", "empty[0]", "next[1][0]"},
	},
	{
		name: "inline tables",
		src:  "c = { insee = \"13055\", partial = true, sub = { x = 1 } }\nd = {}\n",
		keys: map[string]string{"c": "1:1", "c.insee": "1:7", "c.partial": "1:24", "c.sub": "1:40", "c.sub.x": "1:48"},
		vals: map[string]string{"c": "1:5", "c.insee": "1:15", "c.partial": "1:34", "c.sub": "1:46",
			"c.sub.x": "1:52", "d": "2:5"},
	},
	{
		name: "inline table over lines (TOML 1.1)",
		src:  "t = {\n  a = 1, # c\n  b.c = 2,\n}\nu = 3\n",
		keys: map[string]string{"t.a": "2:3", "t.b": "3:3", "t.b.c": "3:3", "u": "5:1"},
		vals: map[string]string{"t": "1:5", "t.a": "2:7", "t.b.c": "3:9", "u": "5:5"},
	},
	{
		name: "table headers",
		src:  "[contact.address]\ncommune = \"x\"\n[contact]\nphone = \"1\"\n  [ \"a b\" . c ] # h\nd = 1\n",
		keys: map[string]string{"contact": "3:1", "contact.address": "1:1", "contact.address.commune": "2:1",
			"contact.phone": "4:1", `"a b"`: "5:3", `"a b".c`: "5:3", `"a b".c.d`: "6:1"},
		vals: map[string]string{"contact.address.commune": "2:11", "contact.phone": "4:9", `"a b".c.d`: "6:5",
			"contact": "", "contact.address": ""},
	},
	{
		name: "arrays of tables",
		src: "[[member]]\nname = \"a\"\n[member.address]\ncommune = \"1\"\n[[member.sub]]\nx = 1\n" +
			"[[member.sub]]\nx = 2\n[[member]]\nname = \"b\"\n[[member.sub]]\n\n[[ other ]]\n",
		keys: map[string]string{"member": "1:1", "member[0]": "1:1", "member[0].name": "2:1",
			"member[0].address": "3:1", "member[0].address.commune": "4:1", "member[0].sub": "5:1",
			"member[0].sub[0]": "5:1", "member[0].sub[0].x": "6:1", "member[0].sub[1]": "7:1",
			"member[0].sub[1].x": "8:1", "member[1]": "9:1", "member[1].name": "10:1",
			"member[1].sub": "11:1", "member[1].sub[0]": "11:1", "other": "13:1", "other[0]": "13:1"},
		vals: map[string]string{"member[0].name": "2:8", "member[0].address.commune": "4:11",
			"member[0].sub[1].x": "8:5", "member[1].name": "10:8", "member": "", "member[0]": ""},
		absent: []string{"member.address", "member[1].address", "member[2]", "member[1].sub[1]", "name"},
	},
	{
		name: "numbers, booleans, dates",
		src: "i = +42\nf = -3.14e2\nh = 0xdead_beef\ninf1 = -inf\nb = false\nd = 1979-05-27 07:32:00Z\n" +
			"arr = [1979-05-27 07:32:00Z, 1979-05-27, 07:32:00]\nodt = 1979-05-27T00:32:00.999999-07:00 # c\n",
		keys: map[string]string{"i": "1:1", "arr": "7:1", "odt": "8:1"},
		vals: map[string]string{"i": "1:5", "f": "2:5", "h": "3:5", "inf1": "4:8", "b": "5:5", "d": "6:5",
			"arr": "7:7", "arr[0]": "7:8", "arr[1]": "7:30", "arr[2]": "7:42", "odt": "8:7"},
		absent: []string{"arr[3]", "07:32:00Z"},
	},
	{
		name: "realistic",
		src:  realistic,
		keys: map[string]string{"incomplete": "1:1", "communes": "2:1", "member": "6:1", "member[0]": "6:1",
			"member[0].profession": "7:1", "member[0].address": "8:1", "member[0].address.commune": "9:1",
			"member[1]": "10:1", "member[1].name": "11:1", "communes[1].note": "4:38"},
		vals: map[string]string{"incomplete": "1:14", "communes": "2:12", "communes[0]": "3:3",
			"communes[1]": "4:3", "communes[1].insee": "4:13", "communes[1].partial": "4:32",
			"communes[1].note": "4:45", "member[0].profession": "7:14", "member[0].address.commune": "9:11",
			"member[1].name": "11:8"},
	},
}

const realistic = `incomplete = true
communes = [
  "34033", # Boisseron
  { insee = "13055", partial = true, note = "quartiers nord" },
]
[[member]]
profession = "infirmier"
[member.address]
commune = "49176"
[[member]]
name = "Élodie"  # accents
`

func TestLocate(t *testing.T) {
	for _, tc := range posCases {
		t.Run(tc.name, func(t *testing.T) {
			ix := Locate([]byte(tc.src))
			check := func(kind string, want map[string]string, get func(string) (Pos, bool)) {
				for path, w := range want {
					p, ok := get(path)
					got := ""
					if ok {
						got = fmt.Sprintf("%d:%d", p.Line, p.Col)
					}
					if got != w {
						t.Errorf("%s(%s) = %q, want %q", kind, path, got, w)
					}
				}
			}
			check("Key", tc.keys, ix.key)
			check("Value", tc.vals, ix.value)
			recorded := map[string]bool{}
			for _, p := range ix.Paths() {
				recorded[p] = true
			}
			for _, path := range tc.absent {
				if recorded[path] {
					t.Errorf("%s recorded, want absent", path)
				}
			}
			checkOffsets(t, []byte(tc.src), ix)
		})
	}
}

// checkOffsets checks that every recorded position agrees with its offset,
// computed again by walking the source rune by rune.
func checkOffsets(t testing.TB, src []byte, ix *Index) {
	t.Helper()
	var got []Pos
	for _, path := range ix.Paths() {
		for _, get := range []func(string) (Pos, bool){ix.key, ix.value} {
			if p, ok := get(path); ok {
				if p.Offset < 0 || p.Offset > len(src) {
					t.Fatalf("%s: offset %d out of [0, %d]", path, p.Offset, len(src))
				}
				got = append(got, p)
			}
		}
	}
	slices.SortFunc(got, func(a, b Pos) int { return a.Offset - b.Offset })
	want := Pos{Line: 1, Col: 1}
	for _, p := range got {
		for want.Offset < p.Offset {
			r, n := utf8.DecodeRune(src[want.Offset:])
			switch {
			case r == '\n':
				want.Line++
				want.Col = 1
			case want.Offset == 0 && r == '\ufeff':
			default:
				want.Col++
			}
			want.Offset += n
		}
		if p != want {
			t.Fatalf("position %+v, want %+v", p, want)
		}
	}
}

// key and value look up a path written as a string, for the tables of
// paths in these tests.
func (ix *Index) key(path string) (Pos, bool)   { return ix.Find(path).Key() }
func (ix *Index) value(path string) (Pos, bool) { return ix.Find(path).Value() }
