package plan

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/cpts-fr/cpts/generator/model"
)

// FeedSize is the number of items in each feed: feeds carry full content,
// and a national site has two feeds per CPTS.
const FeedSize = 10

// Feed is a news feed of the site, an Atom file and a JSON Feed in the
// folder of the news list it follows: the site's, or a CPTS's.
type Feed struct {
	Dir  string      // the folder of its news list: NewsList, CPTSNewsList(c)
	Home string      // the page it belongs to: NewsList, CPTSPage(c)
	CPTS *model.CPTS // nil for the site's
	// News are its items, newest first: the FeedSize latest published.
	News []*model.News
}

// CalendarFile is an iCalendar file of events: the site's (CPTS nil),
// with every event, or a CPTS's, which it has when it has events.
type CalendarFile struct {
	Path   string
	CPTS   *model.CPTS
	Events []*model.Event // the site's by date, a CPTS's in its order
}

// outputs holds the feeds and calendars, made on first use.
type outputs struct {
	once      sync.Once
	feeds     []Feed
	calendars []CalendarFile
}

// Feeds returns the feeds of the site: the site's, then each CPTS's, in
// the order of the CPTS.
func (p *Plan) Feeds() []Feed {
	p.makeOutputs()
	return p.outputs.feeds
}

// FeedOf returns the feed of a CPTS, or the site's for nil.
func (p *Plan) FeedOf(c *model.CPTS) Feed {
	if c == nil {
		return Feed{Dir: NewsList, Home: NewsList, News: p.News[:min(FeedSize, len(p.News))]}
	}
	news := p.byCPTS[c]
	return Feed{Dir: CPTSNewsList(c), Home: CPTSPage(c), CPTS: c, News: news[:min(FeedSize, len(news))]}
}

// Calendars returns the calendars of the site: the site's, then those of
// the CPTS with events, in the order of the CPTS.
func (p *Plan) Calendars() []CalendarFile {
	p.makeOutputs()
	return p.outputs.calendars
}

// Events returns the events of every CPTS, by date and time, then by
// CPTS (the site's calendar, the home page's next events).
func (p *Plan) Events() []*model.Event {
	return p.Calendars()[0].Events
}

// makeOutputs makes the feeds and calendars once.
func (p *Plan) makeOutputs() {
	o := &p.outputs
	o.once.Do(func() {
		o.feeds = []Feed{p.FeedOf(nil)}
		var all []*model.Event
		for _, c := range p.site.CPTS {
			o.feeds = append(o.feeds, p.FeedOf(c))
			all = append(all, c.Events...)
		}
		slices.SortStableFunc(all, func(a, b *model.Event) int {
			if a.Date != b.Date { // by day; events of dates neither before the other keep their order
				switch {
				case a.Date.Before(b.Date):
					return -1
				case b.Date.Before(a.Date):
					return 1
				}
				return 0
			}
			return cmp.Or(cmp.Compare(a.Time.Minutes(), b.Time.Minutes()), cmp.Compare(a.CPTS.Slug, b.CPTS.Slug))
		})
		o.calendars = []CalendarFile{{Path: Calendar(nil), Events: all}}
		for _, c := range p.site.CPTS {
			if len(c.Events) > 0 {
				o.calendars = append(o.calendars, CalendarFile{Path: Calendar(c), CPTS: c, Events: c.Events})
			}
		}
	})
}

// EventPlace is where an event is: its place and the name of its
// commune, as its CPTS's page and the calendars say it.
func (p *Plan) EventPlace(e *model.Event) string {
	parts := []string{}
	if e.Place != "" {
		parts = append(parts, e.Place)
	}
	if com := p.site.Geo.Commune(e.Commune); com != nil {
		parts = append(parts, com.Name)
	}
	return strings.Join(parts, ", ")
}
