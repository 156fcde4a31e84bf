package tomlpos

import (
	"slices"
	"testing"
)

func TestJoin(t *testing.T) {
	tests := []struct {
		parent, key, want string
	}{
		{"", "name", "name"},
		{"", "a-b_C9", "a-b_C9"},
		{"member[2]", "name", "member[2].name"},
		{"", "a.b", `"a.b"`},
		{"x", "", `x.""`},
		{"", "é", `"é"`},
		{"", `q"\`, `"q\"\\"`},
		{"", "tab\there\x01", `"tab\there\u0001"`},
	}
	for _, tc := range tests {
		if got := Join(tc.parent, tc.key); got != tc.want {
			t.Errorf("Join(%q, %q) = %q, want %q", tc.parent, tc.key, got, tc.want)
		}
	}
	if got := Elem(Join("contact", "address"), 3); got != "contact.address[3]" {
		t.Errorf("Elem = %q", got)
	}
}

func TestParent(t *testing.T) {
	tests := []struct {
		path, want string
		ok         bool
	}{
		{"a", "", false},
		{"a.b", "a", true},
		{"a[3]", "a", true},
		{"a[3].b", "a[3]", true},
		{"a[3][0]", "a[3]", true},
		{`"x.y"`, "", false},
		{`"x.y".z`, `"x.y"`, true},
		{`"q\".[".z`, `"q\".["`, true},
		{`a."[b]"`, "a", true},
	}
	for _, tc := range tests {
		got, ok := parent(tc.path)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parent(%q) = %q, %v; want %q, %v", tc.path, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNearest(t *testing.T) {
	src := realistic + "[contact]\nphone = { number = \"1\" }\n[\"a.b\"]\nc = 1\n"
	ix := Locate([]byte(src))
	tests := []struct {
		path string
		want Pos
	}{
		{"member[1].name", Pos{11, 8, 0}},                    // value
		{"member[0].address", Pos{8, 1, 0}},                  // key only
		{"member[1].email", Pos{10, 1, 0}},                   // header of the element
		{"member[1].address.commune", Pos{10, 1, 0}},         // two levels up
		{"communes[1].code", Pos{4, 3, 0}},                   // inline table value
		{"communes[1].insee", Pos{4, 13, 0}},                 // value
		{"contact.phone.country", Pos{13, 1, 0}},             // ancestor: its key first
		{`"a.b".d`, Pos{14, 1, 0}},                           // quoted ancestor
		{"nothing", Pos{1, 1, 0}},                            // not found
		{"nothing[3].at.all", Pos{1, 1, 0}},                  // no ancestor either
		{"incomplete.sub", Pos{1, 1, 0}},                     // key at 1:1
		{"communes[7]", Pos{2, 1, 0}},                        // element past the end
		{"communes[0]", Pos{3, 3, 0}},                        // element
		{`member[0]."profession"`, Pos{Line: 6, Col: 1}},     // not normalised: a path is exact
		{"member[0].profession.x", Pos{Line: 7, Col: 1}},     // below a scalar
		{"", Pos{Line: 1, Col: 1}},                           // empty path
		{"member[0].address.commune", Pos{Line: 9, Col: 11}}, // value under a sub-table
	}
	for _, tc := range tests {
		got := ix.Find(tc.path).Nearest()
		got.Offset = 0
		if got != tc.want {
			t.Errorf("Nearest(%s) = %d:%d, want %d:%d", tc.path, got.Line, got.Col, tc.want.Line, tc.want.Col)
		}
	}
}

func TestPaths(t *testing.T) {
	src := "[b.c]\nx = [1, {y = 2}]\n[a]\nk.l = 1\n[[m]]\n[[m]]\n"
	want := []string{"b", "b.c", "b.c.x", "b.c.x[0]", "b.c.x[1]", "b.c.x[1].y", "a", "a.k", "a.k.l", "m", "m[0]", "m[1]"}
	if got := Locate([]byte(src)).Paths(); !slices.Equal(got, want) {
		t.Errorf("Paths() =\n%q\nwant\n%q", got, want)
	}
	var nilIndex *Index
	if nilIndex.Paths() != nil || nilIndex.Find("a").Nearest() != (Pos{Line: 1, Col: 1}) {
		t.Error("nil Index is not empty")
	}
}
