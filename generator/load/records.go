package load

import (
	"regexp"
	"runtime"
	"sort"
	"strings"
	"unique"

	"golang.org/x/sync/errgroup"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
)

// allCPTS reads every folder of content/cpts, several at once: each folder
// is read by a loader of its own, merged in folder order, so the result is
// the same as reading them one after the other.
func (l *loader) allCPTS() []*model.CPTS {
	var slugs []string
	for _, e := range l.dirEntries("content/cpts") {
		p := "content/cpts/" + e.Name()
		if Ignored(e.Name()) {
			continue
		}
		if !e.IsDir() {
			l.know(p)
			l.diags.Warnf(diag.Pos{File: p}, diag.UnknownFile, "file not part of the content model: ignored").
				WithHint("each CPTS is a folder content/cpts/<slug>/ with an index.md")
			continue
		}
		slugs = append(slugs, e.Name())
	}
	read := make([]*model.CPTS, len(slugs))
	folders := make([]*loader, len(slugs))
	var g errgroup.Group // one loader per folder, on every core
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, slug := range slugs {
		folders[i] = &loader{fsys: l.fsys, opts: l.opts, unsafe: l.unsafe, again: l.reader()} // one reader for the site
		g.Go(func() error {
			read[i] = folders[i].cpts("content/cpts/"+slug, slug)
			return nil
		})
	}
	g.Wait()
	var out []*model.CPTS
	for i, f := range folders {
		l.diags.Append(f.diags)
		for p := range f.seen {
			l.know(p)
		}
		if read[i] != nil {
			out = append(out, read[i])
		}
	}
	return out
}

func (l *loader) cpts(dir, slug string) *model.CPTS {
	l.checkSlug(dir, slug)
	c := &model.CPTS{Slug: slug, Dir: dir}
	body, ok := l.markdownFile(dir+"/index.md", true, c)
	if !ok && c.File == "" {
		c.Fields = model.Fields{File: dir + "/index.md"}
	}
	c.Body = body

	if !l.tomlFile(dir+"/communes.toml", &c.Territory) {
		c.Territory = model.Territory{Fields: model.Fields{File: dir + "/communes.toml", Broken: l.failed}}
	}
	for _, e := range c.Territory.Entries {
		e.CPTS = c
	}
	var members struct {
		Member []*model.Member `toml:"member"`
	}
	l.tomlFile(dir+"/members.toml", &members)
	c.Members = members.Member
	var missions struct {
		Mission []*model.Mission `toml:"mission"`
	}
	l.tomlFile(dir+"/missions.toml", &missions)
	c.Missions = missions.Mission
	var contacts struct {
		Contact []*model.Contact `toml:"contact"`
	}
	l.tomlFile(dir+"/contacts.toml", &contacts)
	c.Contacts = contacts.Contact
	var events struct {
		Event []*model.Event `toml:"event"`
	}
	l.tomlFile(dir+"/events.toml", &events)
	c.Events = events.Event
	for _, e := range c.Events {
		e.CPTS = c
	}
	sort.SliceStable(c.Events, func(i, j int) bool {
		a, b := c.Events[i], c.Events[j]
		if a.Date != b.Date {
			return a.Date.Before(b.Date)
		}
		return a.Time.Minutes() < b.Time.Minutes()
	})
	if !l.skipNews {
		c.News = l.newsDir(dir+"/news", c)
		sortNews(c.News)
	}
	return c
}

// newsName matches news file names: a date with day or month precision, then a slug.
var newsName = regexp.MustCompile(`^(\d{4}-\d{2}(?:-\d{2})?)-(.+)\.md$`)

// newsBundle matches the folder of a news item that keeps its images
// beside it: news/<date>-<slug>/index.md.
var newsBundle = regexp.MustCompile(`^(\d{4}-\d{2}(?:-\d{2})?)-(.+)$`)

func (l *loader) newsDir(dir string, owner *model.CPTS) []*model.News {
	var out []*model.News
	for _, e := range l.dirEntries(dir) {
		name, p := e.Name(), dir+"/"+e.Name()
		if Ignored(name) {
			continue
		}
		var m []string
		if e.IsDir() {
			m = newsBundle.FindStringSubmatch(name)
			if m == nil {
				continue // its files get the unknown-file warning
			}
			l.checkNewsDate(p, m[1], m[2], "/")
			p += "/index.md"
		} else {
			if !strings.HasSuffix(name, ".md") {
				continue
			}
			m = newsName.FindStringSubmatch(name)
			l.know(p)
			if m == nil {
				l.diags.Errorf(diag.Pos{File: p}, diag.Slug, "news file name must start with its date: YYYY-MM-DD-slug.md").
					WithHint("rename it, for example %s-%s.md", "2020-07-17", Slugify(strings.TrimSuffix(name, ".md")))
				continue
			}
			l.checkNewsDate(p, m[1], m[2], ".md")
		}
		// The slug as a part of p, which the item keeps anyway, rather than
		// of the name read from the folder: 60 bytes an item less to hold.
		slug := strings.TrimSuffix(strings.TrimSuffix(p, "/index.md"), ".md")
		slug = slug[len(slug)-len(m[2]):]
		if n := l.newsItem(p, m[1], slug, owner); n != nil {
			out = append(out, n)
		}
	}
	return out
}

// checkNewsDate reports the date of a news file or folder name that is
// not a date, or whose year is outside model.MinYear–MaxYear: a news item
// dated 0000-01-01 would be published at once and sort after all others.
// The item is still read, so its other problems are reported too.
func (l *loader) checkNewsDate(p, date, slug, suffix string) {
	if _, err := model.ParseDate(date); err != nil {
		l.diags.Errorf(diag.Pos{File: p}, diag.Date, "news file name: %v", err).
			WithHint("rename it with the date of the news, between %d and %d, for example %s-%s%s", model.MinYear, model.MaxYear, "2020-07-17", slug, suffix)
	}
}

// newsItem reads one news item: a file news/<date>-<slug>.md, or the
// index.md of a bundle news/<date>-<slug>/.
func (l *loader) newsItem(p, date, slug string, owner *model.CPTS) *model.News {
	n := &model.News{Slug: slug, CPTS: owner}
	l.checkSlug(p, n.Slug)
	body, ok := l.lazyMarkdownFile(p, n)
	if !ok {
		return nil
	}
	n.Body = body
	for i, t := range n.Tags { // a few dozen tags, named by hundreds of thousands of items
		n.Tags[i] = unique.Make(t).Value()
	}
	if !n.Date.IsZero() && n.Date.String() != date {
		l.diags.Errorf(n.At("date"), diag.Consistency, "date %s differs from the date %s in the file name", n.Date, date).
			WithHint("make them agree: rename the file %s-%s.md or change the date", n.Date, n.Slug)
	}
	return n
}

func (l *loader) pages() []*model.Page {
	var out []*model.Page
	for _, e := range l.dirEntries("content/pages") {
		name, p := e.Name(), "content/pages/"+e.Name()
		if Ignored(name) || e.IsDir() || !strings.HasSuffix(name, ".md") {
			continue
		}
		pg := &model.Page{Slug: strings.TrimSuffix(name, ".md")}
		l.checkSlug(p, pg.Slug)
		body, ok := l.markdownFile(p, true, pg)
		if !ok {
			continue
		}
		pg.Body = body
		out = append(out, pg)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	return out
}

// SortNews orders news newest first, then by file path, as Site does.
func SortNews(ns []*model.News) { sortNews(ns) }

// sortNews orders news newest first, then by file path.
func sortNews(ns []*model.News) {
	sort.SliceStable(ns, func(i, j int) bool {
		a, b := ns[i], ns[j]
		if a.Date != b.Date {
			return b.Date.Before(a.Date)
		}
		return a.File < b.File
	})
}
