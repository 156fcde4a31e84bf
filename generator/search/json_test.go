package search

import (
	"bytes"
	"testing"
)

// TestAppendValueIsMarshal: the hand encoder writes what encoding/json
// writes, for every type the index encodes and the strings it escapes.
func TestAppendValueIsMarshal(t *testing.T) {
	for _, v := range []any{
		nil, "", "Lunel", "Saint-Laurent-d’Aigouze", `a "quoted" \ name`, "tab\tand\nline", "\x01\x1f", "<b>&amp;</b>",
		"\u2028\u2029", "bad \xff utf-8", 0, -3, int32(7), KindCPTS, []int{1, 2, 3}, []int(nil), []int32{4, -1}, []string{"a", "é"},
		[]any{KindCommune, "30276", "Saint-Laurent", "30220", []int{0, 1}, nil}, [][]any{{"colhaj", "CPTS"}, {}}, [][]any(nil),
		map[string]int{"fallback": 1},
	} {
		if got, want := appendValue(nil, v), marshal(v); !bytes.Equal(got, want) {
			t.Errorf("%#v: %s, encoding/json writes %s", v, got, want)
		}
	}
	s := shardJSON{Version: 4, Key: "lu", Split: 1, X: [][]any{{"a", "b"}}, D: [][]any{{KindCommune, "1"}}, I: []int{0, 2}, W: [][]any{{"lun", []int32{1, 1}}}}
	if got, want := s.appendJSON(nil), marshal(s); !bytes.Equal(got, want) {
		t.Errorf("shard: %s, encoding/json writes %s", got, want)
	}
	s.Split = 0
	if got, want := s.appendJSON(nil), marshal(s); !bytes.Equal(got, want) {
		t.Errorf("shard not split: %s, encoding/json writes %s", got, want)
	}
	c := chunkJSON{Version: 4, X: [][]any{}, D: [][]any{{KindNews, 0, "T", "/p/", -1}}}
	if got, want := c.appendJSON(nil), marshal(c); !bytes.Equal(got, want) {
		t.Errorf("chunk: %s, encoding/json writes %s", got, want)
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"Lunel", "a\"b", "\u2028", "\xff", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := appendValue(nil, s), marshal(s); !bytes.Equal(got, want) {
			t.Errorf("%q: %s, encoding/json writes %s", s, got, want)
		}
	})
}
