package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/plan"
)

// TestPaginate checks the pages of a list: their paths and ranges, and the
// window of each pager (first, last, two on each side, gaps marked), with
// numbers or guide words.
func TestPaginate(t *testing.T) {
	r := &renderer{strings: map[string]string{"page_label": "Page %d"}, missing: map[string]bool{}}
	for _, tc := range []struct {
		n, per int
		guide  bool
		want   []string // per page: path [lo,hi) and its window (* current, … gap)
	}{
		{0, 10, false, []string{"/l/ [0,0)"}},
		{10, 10, false, []string{"/l/ [0,10)"}},
		{11, 10, false, []string{"/l/ [0,10) *1 2", "/l/page/2/ [10,11) 1 *2"}},
		{70, 10, false, []string{
			"/l/ [0,10) *1 2 3 … 7",
			"/l/page/2/ [10,20) 1 *2 3 4 … 7",
			"/l/page/3/ [20,30) 1 2 *3 4 5 … 7",
			"/l/page/4/ [30,40) 1 2 3 *4 5 6 7",
			"/l/page/5/ [40,50) 1 … 3 4 *5 6 7",
			"/l/page/6/ [50,60) 1 … 4 5 *6 7",
			"/l/page/7/ [60,70) 1 … 5 6 *7",
		}},
		{5, 2, true, []string{"/l/ [0,2) *i0 i2 i4", "/l/page/2/ [2,4) i0 *i2 i4", "/l/page/3/ [4,5) i0 i2 *i4"}},
	} {
		var got []string
		var guide func(int) string
		if tc.guide {
			guide = func(lo int) string { return fmt.Sprint("i", lo) }
		}
		for _, w := range plan.Windows("/l/", tc.n, tc.per) {
			path, p := plan.ListPage(w.Base, w.N), r.pager(w, guide)
			s := fmt.Sprintf("%s [%d,%d)", path, w.Lo, w.Hi)
			for _, l := range p.Links {
				switch {
				case l.Gap:
					s += " …"
				case l.Current:
					s += " *" + l.Label
				default:
					s += " " + l.Label
				}
				if !l.Gap && (l.Aria == "") != tc.guide {
					t.Errorf("%s: page %s: aria-label %q", path, l.Label, l.Aria)
				}
			}
			if (p.Prev == "") != (p.Page == 1) || (p.Next == "") != (p.Page == p.Pages) {
				t.Errorf("%s: prev %q next %q on page %d of %d", path, p.Prev, p.Next, p.Page, p.Pages)
			}
			got = append(got, s)
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("paginate(%d, %d):\n%s\nwant\n%s", tc.n, tc.per, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestPaginateLongList checks the window of a page in the middle and at
// the end of a long list.
func TestPaginateLongList(t *testing.T) {
	r := &renderer{strings: map[string]string{"page_label": "Page %d"}, missing: map[string]bool{}}
	want := map[string]string{
		"/l/page/100/":  "1 … 98 99 *100 101 102 … 2000",
		"/l/page/2000/": "1 … 1998 1999 *2000",
	}
	got := map[string]string{}
	windows := plan.Windows("/l/", 20000, 10)
	for _, w := range []*plan.Window{windows[99], windows[1999]} {
		path, p := plan.ListPage(w.Base, w.N), r.pager(w, nil)
		var s []string
		for _, l := range p.Links {
			switch {
			case l.Gap:
				s = append(s, "…")
			case l.Current:
				s = append(s, "*"+l.Label)
			default:
				s = append(s, l.Label)
			}
		}
		got[path] = strings.Join(s, " ")
	}
	if len(got) != len(want) {
		t.Errorf("made %d pages, want %d: %v", len(got), len(want), got)
	}
	for path, w := range want {
		if got[path] != w {
			t.Errorf("%s: pager %q, want %q", path, got[path], w)
		}
	}
}
