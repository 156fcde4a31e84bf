package output

import (
	"slices"
	"testing"
)

// TestTable: entries replaced in place, removed, cloned apart; contents
// kept for the files that have them, whether or not earlier files had.
func TestTable(t *testing.T) {
	tb := newTable()
	tb.set("a.html", entry{size: 3, verdict: added}) // on disk: no content
	tb.set("b.html", entry{data: []byte("bbb"), size: 3})
	tb.set("a.html", entry{size: 4, verdict: changed})
	if e, ok := tb.get("a.html"); !ok || e.size != 4 || e.verdict != changed || e.data != nil {
		t.Errorf("a.html: %+v, %v", e, ok)
	}
	if e, ok := tb.get("b.html"); !ok || string(e.data) != "bbb" {
		t.Errorf("b.html: %+v, %v", e, ok)
	}
	c := tb.clone()
	if !tb.remove("a.html") || tb.remove("a.html") || tb.has("a.html") || tb.len() != 1 {
		t.Errorf("remove: has %v, len %d", tb.has("a.html"), tb.len())
	}
	tb.set("a.html", entry{data: []byte("a"), size: 1})
	if e, _ := tb.get("a.html"); string(e.data) != "a" {
		t.Errorf("a.html added again: %+v", e)
	}
	if e, ok := c.get("a.html"); !ok || e.size != 4 || c.len() != 2 {
		t.Errorf("the clone changed with the table: %+v, %v, len %d", e, ok, c.len())
	}
	var paths []string
	for p := range c.all() {
		paths = append(paths, p)
	}
	if slices.Sort(paths); !slices.Equal(paths, []string{"a.html", "b.html"}) {
		t.Errorf("all: %v", paths)
	}
	if _, ok := tb.get("c.html"); ok {
		t.Error("c.html found")
	}
}
