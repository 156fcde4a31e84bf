package plan_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// TestSectionsHoldTheirPages checks, on every kind of site, that each
// page of a section is under its folder (render skips a section whose
// folder it does not want), that no two pages share a path, and that the
// search index is told of the pages it links to (Has).
func TestSectionsHoldTheirPages(t *testing.T) {
	site := sample(t)
	for name, opts := range siteKinds(site) {
		t.Run(name, func(t *testing.T) {
			p := plan.Build(planned(site, opts), opts)
			seen := map[string]bool{}
			layouts := map[string]bool{}
			for _, sec := range p.Sections() {
				for _, pg := range sec.Pages() {
					if !strings.HasPrefix(pg.Path, sec.Under) {
						t.Errorf("%s (%s) is in the section of %s", pg.Path, pg.Layout, sec.Under)
					}
					if seen[pg.Path] {
						t.Errorf("%s twice", pg.Path)
					}
					seen[pg.Path] = true
					layouts[pg.Layout] = true
					switch pg.Layout {
					case "commune", "departement", "region":
						if pg.List == nil && !p.Has(pg.Path) {
							t.Errorf("Has(%s) = false, for a page of the plan", pg.Path)
						}
					}
				}
			}
			if len(seen) != len(allPages(p)) || !seen[plan.Home] || !seen[plan.NotFound] || len(layouts) < 10 {
				t.Errorf("%d pages, %d layouts: %v", len(seen), len(layouts), layouts)
			}
		})
	}
}

// TestPagesFromAPreviousPlan checks that a plan made after another (the
// dev server's) lists the pages a plan made afresh lists, whether its
// communes with a page are the same or not.
func TestPagesFromAPreviousPlan(t *testing.T) {
	site := sample(t)
	covered := *site
	covered.Config.Communes.Pages = model.PagesCovered
	first := plan.Build(site, plan.Options{})
	allPages(first)
	for name, s := range map[string]*model.Site{"same communes": site, "fewer communes": &covered} {
		got := allPages(plan.Build(s, plan.Options{Previous: first}))
		want := allPages(plan.Build(s, plan.Options{}))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d pages from the previous plan, %d afresh", name, len(got), len(want))
		}
	}
	letters, byLetter := plan.Build(&covered, plan.Options{Previous: first}).Letters()
	n := 0
	for _, l := range letters {
		n += len(byLetter[l])
	}
	if got := len(allPages(plan.Build(&covered, plan.Options{}))); n == 0 || n >= got {
		t.Errorf("%d communes in the A-Z index of covered communes, of %d pages", n, got)
	}
}

// allPages returns every page of p, in the order of its sections.
func allPages(p *plan.Plan) []plan.Page {
	var out []plan.Page
	for _, s := range p.Sections() {
		out = append(out, s.Pages()...)
	}
	return out
}

// TestRecordPages checks the pages an edit of a CPTS's records renders
// again: its page and poster, and the home page on the site of this CPTS;
// not its news nor the pages of its lists, in the same folder.
func TestRecordPages(t *testing.T) {
	site := sample(t)
	lunel := func(s *model.Site) *model.CPTS {
		for _, c := range s.CPTS {
			if c.Slug == "pays-de-lunel" {
				return c
			}
		}
		t.Fatal("no pays-de-lunel in the sample")
		return nil
	}
	for name, opts := range map[string]plan.Options{"all": {}, "one CPTS": siteKinds(site)["one CPTS"]} {
		s := planned(site, opts)
		c := lunel(s)
		want := []string{"/cpts/pays-de-lunel/", "/cpts/pays-de-lunel/affiche/"}
		if name == "one CPTS" {
			want = []string{"/cpts/pays-de-lunel/", "/", "/cpts/pays-de-lunel/affiche/"}
		}
		p := plan.Build(s, opts)
		if got := p.RecordPages(c); !slices.Equal(got, want) {
			t.Errorf("%s: RecordPages = %q, want %q", name, got, want)
		}
		others := 0
		for _, pg := range p.Section(plan.CPTSPage(c)).Pages() {
			if pg.News != nil || pg.List != nil {
				others++
			}
		}
		if others == 0 {
			t.Errorf("%s: the folder of %s holds only its record pages: the test needs news or lists", name, c.Slug)
		}
	}
}

// TestSectionsWalkedOnce checks that a plan made for one build
// (Options.Once) walks the pages a kept plan lists, each time made anew
// from the records (a kept plan answers with its pages as first made).
func TestSectionsWalkedOnce(t *testing.T) {
	site := sample(t)
	kept, once := plan.Build(site, plan.Options{}), plan.Build(site, plan.Options{Once: true})
	walk := func(p *plan.Plan) (pages []plan.Page) {
		for _, sec := range p.Sections() {
			pages = append(pages, slices.Collect(sec.All())...)
		}
		return pages
	}
	if got, want := walk(once), allPages(kept); !reflect.DeepEqual(got, want) {
		t.Fatalf("a plan for one build walks %d pages, a kept plan lists %d", len(got), len(want))
	}
	if got := walk(kept); !reflect.DeepEqual(got, allPages(kept)) {
		t.Fatal("a kept plan walks other pages than it lists")
	}
	c := site.CPTS[0]
	was := c.Slug
	c.Slug = "renommee"
	defer func() { c.Slug = was }()
	for p, want := range map[*plan.Plan]string{kept: "/cpts/" + was + "/", once: "/cpts/renommee/"} {
		if !slices.ContainsFunc(walk(p), func(pg plan.Page) bool { return pg.Path == want }) {
			t.Errorf("after the CPTS is renamed, the plan (Once %v) has no page %s", p == once, want)
		}
	}
}
