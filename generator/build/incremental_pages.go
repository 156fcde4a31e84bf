package build

import (
	"strconv"

	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
)

// newsPerPage mirrors render's default page size of news lists.
const newsPerPage = 10

// touchedPages returns the site paths that an edit of news items changes:
// each item's page, its CPTS's page and feeds, the home page and site
// feeds, and the pages of the news lists (the site's, the CPTS's) and of
// tags whose items or page count change. tagLists holds the published news of each tag before the
// edit; edited, the lists of the tags of the edited items after it. The
// visibility of the items is unchanged. It returns ok=false when a list
// loses a page, which only a full build can remove.
func touchedPages(all []*model.News, tagLists map[string][]*model.News, replaced map[*model.News]*model.News, opts Options) (wanted map[string]bool, edited map[string][]*model.News, ok bool) {
	wanted = map[string]bool{"/": true, "/actualites/atom.xml": true}
	var before []*model.News
	for _, n := range all {
		if published(n, opts) {
			before = append(before, n)
		}
	}
	after := reordered(before, replaced)
	if !listPages(wanted, "/actualites/", before, after, replaced, nil) {
		return nil, nil, false
	}
	tags := newsTags{slugs: map[string]string{}}
	edited = map[string][]*model.News{}
	lists := map[*model.CPTS]bool{}
	for old, n := range replaced {
		wanted[newsPathOf(n)] = true
		if c := n.CPTS; c != nil {
			wanted["/cpts/"+c.Slug+"/"] = true
			wanted["/cpts/"+c.Slug+"/actualites/atom.xml"] = true
			lists[c] = true
		}
		for _, t := range append(append([]string{}, old.Tags...), n.Tags...) {
			if s := tags.slug(t); s != "" {
				edited[s] = nil
			}
		}
	}
	for c := range lists {
		var b []*model.News
		for _, n := range before {
			if n.CPTS == c {
				b = append(b, n)
			}
		}
		if !listPages(wanted, "/cpts/"+c.Slug+"/actualites/", b, reordered(b, replaced), replaced, nil) {
			return nil, nil, false
		}
	}
	for s := range edited {
		b := tagLists[s]
		a := tags.edited(b, s, replaced, opts)
		name := func(list []*model.News) string { return tags.name(list, s) }
		if !listPages(wanted, "/actualites/mots-cles/"+s+"/", b, a, replaced, name) {
			return nil, nil, false
		}
		edited[s] = a
	}
	return wanted, edited, true
}

// indexTags returns the published news of each tag, by slug, newest first.
func indexTags(all []*model.News, opts Options) map[string][]*model.News {
	tags := newsTags{slugs: map[string]string{}}
	out := map[string][]*model.News{}
	for _, n := range all {
		if !published(n, opts) {
			continue
		}
		for _, name := range n.Tags {
			s := tags.slug(name)
			if l := out[s]; s != "" && (len(l) == 0 || l[len(l)-1] != n) {
				out[s] = append(l, n)
			}
		}
	}
	return out
}

// listPages adds to wanted the pages of the list at base whose content
// changes from before to after (published news, newest first): a page
// whose items change, every page when the page count or the list's title
// (name of its first item, for a tag) changes. It returns false when the
// list loses pages.
func listPages(wanted map[string]bool, base string, before, after []*model.News, replaced map[*model.News]*model.News, name func([]*model.News) string) bool {
	pagesBefore := (len(before) + newsPerPage - 1) / newsPerPage
	pagesAfter := (len(after) + newsPerPage - 1) / newsPerPage
	if pagesAfter < pagesBefore {
		return false
	}
	all := pagesAfter != pagesBefore || name != nil && name(before) != name(after)
	for i := range max(len(before), len(after)) {
		if all || i >= len(before) || i >= len(after) || replaced[before[i]] != nil || before[i] != after[i] {
			wanted[listPagePath(base, i/newsPerPage+1)] = true
		}
	}
	return true
}

// listPagePath mirrors render's paths of list pages: base, base/page/N/.
func listPagePath(base string, page int) string {
	if page == 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(page) + "/"
}

// newsTags folds tag names to the slugs of their pages, once per name.
type newsTags struct {
	slugs map[string]string
}

func (t newsTags) slug(name string) string {
	s, ok := t.slugs[name]
	if !ok {
		s = fold.Slug(name)
		t.slugs[name] = s
	}
	return s
}

// edited returns the tag list of slug after the edit: the replaced items
// swapped in, those that lost the tag left out, those that gained it added.
func (t newsTags) edited(list []*model.News, slug string, replaced map[*model.News]*model.News, opts Options) []*model.News {
	out := make([]*model.News, 0, len(list)+len(replaced))
	for _, n := range list {
		if r, ok := replaced[n]; ok {
			if t.spelling(r, slug) == "" {
				continue
			}
			n = r
		}
		out = append(out, n)
	}
	for old, n := range replaced {
		if t.spelling(old, slug) == "" && t.spelling(n, slug) != "" && published(n, opts) {
			out = append(out, n)
		}
	}
	load.SortNews(out)
	return out
}

// name returns the spelling of the tag slug on the first item of list
// that has it: the title of the tag's pages (render groups the spellings
// of one slug under the first it meets).
func (t newsTags) name(list []*model.News, slug string) string {
	for _, n := range list {
		if name := t.spelling(n, slug); name != "" {
			return name
		}
	}
	return ""
}

// spelling returns the tag of n that folds to slug, or "".
func (t newsTags) spelling(n *model.News, slug string) string {
	for _, name := range n.Tags {
		if t.slug(name) == slug {
			return name
		}
	}
	return ""
}

func newsPathOf(n *model.News) string {
	if n.CPTS != nil {
		return "/cpts/" + n.CPTS.Slug + "/actualites/" + n.Slug + "/"
	}
	return "/actualites/" + n.Slug + "/"
}
