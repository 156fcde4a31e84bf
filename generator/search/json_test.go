package search

import (
	"bytes"
	"testing"

	"github.com/cpts-fr/cpts/generator/model"
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
}

// TestShardsAreMarshal: a shard and a chunk as the builder writes them
// (records encoded once, CPTS numbered per file, a short row made full
// when a record needs it) are what encoding/json writes of the same
// values.
func TestShardsAreMarshal(t *testing.T) {
	a := &model.CPTS{Slug: "a", Name: "A \"quoted\"", Association: "Assoc"}
	z := &model.CPTS{Slug: "z", Name: "Z"}
	docs := []*doc{
		{kind: KindCommune, rec: []any{KindCommune, "34145", "Lunel", "34400", nil}, refs: []*model.CPTS{z, a}, refAt: 4, many: true},
		{kind: KindCommune, rec: []any{KindCommune, "34001", "Abeilhan", "34290", nil, "/departements/34/"}, refAt: 4, many: true},
		{kind: KindDepartement, rec: []any{KindDepartement, "34", "Hérault", "/departements/34/"}, refAt: -1},
		{kind: KindCPTS, rec: []any{KindCPTS, nil}, refs: []*model.CPTS{a}, refAt: 1},
		{kind: KindNews, rec: []any{KindNews, "T", "/p/", -1}, refs: []*model.CPTS{z}, refAt: 3, prose: true},
		{kind: KindNews, rec: []any{KindNews, "U", "/q/", -1}, refAt: -1, prose: true},
	}
	for i, d := range docs {
		d.id = i
		if !d.prose {
			d.json, d.cut = d.appendFields(nil, nil)
		}
	}
	b := &builder{docs: docs, rows: rowMemo{}}
	stems := []*entry{{term: ProseMark + "soin", prose: []int32{4, 5}}}
	for _, split := range []bool{true, false} {
		b.shards = nil
		b.emit("lu", split, []int32{0, 1, 2, 3}, stems)
		want := shardJSON{Version: FormatVersion, Key: "lu", X: [][]any{{"z", "Z"}, {"a", "A \"quoted\"", "", "Assoc", ""}},
			D: [][]any{{KindCommune, "34145", "Lunel", "34400", []int{0, 1}}, {KindCommune, "34001", "Abeilhan", "34290", []int{}, "/departements/34/"},
				{KindDepartement, "34", "Hérault", "/departements/34/"}, {KindCPTS, 1}},
			I: []int{0, 1, 1, 1}, W: [][]any{{"soin", []int32{4, 1}}}}
		if split {
			want.Split = 1
		}
		if got := b.shards[0].data; !bytes.Equal(got, marshal(want)) {
			t.Errorf("shard (split %v):\n%s\nencoding/json writes\n%s", split, got, marshal(want))
		}
	}
	// News chunks hold the records by id, the oldest first.
	want := chunkJSON{Version: FormatVersion, X: [][]any{{"z", "Z", "", "", ""}}, D: [][]any{{KindNews, "T", "/p/", 0}, {KindNews, "U", "/q/", -1}}}
	if missions, news := b.chunks(); len(missions) != 0 || len(news) != 1 || !bytes.Equal(news[0], marshal(want)) {
		t.Errorf("chunks %s %s, encoding/json writes %s", missions, news, marshal(want))
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
