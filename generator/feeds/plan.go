package feeds

import (
	"fmt"
	"strings"
	"time"

	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// Site is what the feeds and calendars of a site take from it beyond the
// plan: its language and title, how a site path becomes an absolute URL,
// and the HTML of a news item's body.
type Site struct {
	Lang, Title string
	BaseURL     string // "https://example.org/annuaire/": the host of event UIDs
	Abs         func(sitePath string) string
	HTML        func(*model.News) string  // the body of an item, as its page shows it
	Place       func(*model.Event) string // where an event is, as its CPTS's page says it
}

// FeedOf makes the feed of the plan's f. Dates come from the items, never
// from the clock, so feeds are reproducible.
func (s Site) FeedOf(f plan.Feed) Feed {
	atom, jsonFeed := f.Paths()
	title := s.Title
	if f.CPTS != nil {
		title = f.CPTS.Name
	}
	feed := Feed{Lang: s.Lang, ID: s.Abs(f.Dir), Title: title, Updated: "1970-01-01T00:00:00Z",
		AtomURL: s.Abs(atom), JSONURL: s.Abs(jsonFeed), HomeURL: s.Abs(f.Home), Author: s.Title}
	if len(f.News) > 0 {
		feed.Updated = rfc3339(f.News[0].Date)
	}
	for _, n := range f.News {
		item := Item{URL: s.Abs(plan.NewsPage(n)), Title: n.Title, Date: rfc3339(n.Date), Summary: n.Summary,
			HTML: s.HTML(n), Tags: n.Tags}
		if n.CPTS != nil {
			item.Author = n.CPTS.Name
		}
		feed.Items = append(feed.Items, item)
	}
	return feed
}

// rfc3339 writes a date as midnight UTC, the first instant it designates.
func rfc3339(d model.Date) string { return d.Time().Format(time.RFC3339) }

// CalendarOf makes the calendar of the plan's c: its events with a full
// date, with their ids, times, place and links.
func (s Site) CalendarOf(c plan.CalendarFile) Calendar {
	cal := Calendar{Product: s.Title, Name: s.Title}
	if c.CPTS != nil {
		cal.Name = c.CPTS.Name
	}
	host := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(s.BaseURL, "https://"), "http://"), "/")
	for i, e := range c.Events {
		if e.Date.Precision != model.Day {
			continue
		}
		day := e.Date.Time()
		ev := Event{
			UID: fmt.Sprintf("%s-%s-%d@%s", e.CPTS.Slug, day.Format("20060102"), eventIndex(e, i), strings.ReplaceAll(host, "/", "-")),
			Day: day, Summary: e.Title, Location: s.Place(e), Description: e.Description,
			URL: s.Abs(plan.CPTSPage(e.CPTS)) + "#evenements", Organizer: e.CPTS.Name, OrganizerURL: s.Abs(plan.CPTSPage(e.CPTS)),
		}
		if e.Link != "" {
			ev.URL = string(e.Link)
		}
		if e.Time.Valid {
			ev.Start = &Clock{Hour: e.Time.Hour, Minute: e.Time.Minute}
			ev.End = &Clock{Hour: min(e.Time.Hour+1, 23), Minute: e.Time.Minute} // an hour, when the record gives no end
			if e.EndTime.Valid {
				ev.End = &Clock{Hour: e.EndTime.Hour, Minute: e.EndTime.Minute}
			}
		}
		cal.Events = append(cal.Events, ev)
	}
	return cal
}

// eventIndex is the position of an event in its CPTS's list, so UIDs stay
// the same in the site calendar and in the CPTS calendar.
func eventIndex(e *model.Event, fallback int) int {
	for i, x := range e.CPTS.Events {
		if x == e {
			return i
		}
	}
	return fallback
}
