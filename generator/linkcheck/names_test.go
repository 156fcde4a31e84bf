package linkcheck

import (
	"fmt"
	"testing"
)

// TestNamesNumberInOrderOfArrival checks that each name keeps the number
// it got first, through the table's growth, and that a name never added
// is not found (a prefix or an extension of one included).
func TestNamesNumberInOrderOfArrival(t *testing.T) {
	var tbl names
	var all []string
	for i := range 5000 {
		all = append(all, fmt.Sprintf("/cpts/x/actualites/%d/", i))
	}
	all = append(all, "", "#contacts", "contacts")
	for i, s := range all {
		if _, ok := tbl.find([]byte(s)); ok {
			t.Fatalf("%q found before it was added", s)
		}
		if n := tbl.add([]byte(s)); n != uint32(i) {
			t.Fatalf("%q numbered %d, want %d", s, n, i)
		}
	}
	if tbl.len() != len(all) {
		t.Fatalf("%d names, want %d", tbl.len(), len(all))
	}
	for i, s := range all {
		n, ok := tbl.find([]byte(s))
		if !ok || n != uint32(i) || tbl.name(n) != s {
			t.Errorf("find(%q) = %d, %v (name %q), want %d", s, n, ok, tbl.name(n), i)
		}
	}
	for _, s := range []string{"/cpts/x/actualites/1", "/cpts/x/actualites/1//", "contact", "#contactss"} {
		if n, ok := tbl.find([]byte(s)); ok {
			t.Errorf("find(%q) = %d, never added", s, n)
		}
	}
}
