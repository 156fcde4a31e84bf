package render

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cpts-fr/cpts/generator/feeds"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// splitEvents returns the upcoming events (soonest first) and the past
// ones (latest first).
func (r *renderer) splitEvents(events []*model.Event) (next, past []*model.Event) {
	for _, e := range events {
		if r.plan.Upcoming(e) {
			next = append(next, e)
		} else {
			past = append([]*model.Event{e}, past...)
		}
	}
	return next, past
}

// allEvents lists the events of every CPTS by date.
func (r *renderer) allEvents() []*model.Event {
	var all []*model.Event
	for _, c := range r.site.CPTS {
		all = append(all, c.Events...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Date != b.Date {
			return a.Date.Before(b.Date)
		}
		if a.Time.Minutes() != b.Time.Minutes() {
			return a.Time.Minutes() < b.Time.Minutes()
		}
		return a.CPTS.Slug < b.CPTS.Slug
	})
	return all
}

// calendars writes an iCalendar file (RFC 5545) for the site and for each
// CPTS with events (those that Options.Only wants).
func (r *renderer) calendars() {
	if r.wanted(plan.Calendar(nil)) {
		r.add(plan.File(plan.Calendar(nil)), r.ics(r.site.Config.Title, r.allEvents()))
	}
	for _, c := range r.site.CPTS {
		if len(c.Events) > 0 && r.wanted(plan.Calendar(c)) {
			r.add(plan.File(plan.Calendar(c)), r.ics(c.Name, c.Events))
		}
	}
}

// ics writes the calendar of events (package feeds): the events with a
// full date, with their ids, times, place and links.
func (r *renderer) ics(name string, events []*model.Event) []byte {
	cal := feeds.Calendar{Product: r.site.Config.Title, Name: name}
	host := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(r.baseURL, "https://"), "http://"), "/")
	for i, e := range events {
		if e.Date.Precision != model.Day {
			continue
		}
		day := e.Date.Time()
		ev := feeds.Event{
			UID: fmt.Sprintf("%s-%s-%d@%s", e.CPTS.Slug, day.Format("20060102"), eventIndex(e, i), strings.ReplaceAll(host, "/", "-")),
			Day: day, Summary: e.Title, Location: r.eventPlace(e), Description: e.Description,
			URL: r.abs(plan.CPTSPage(e.CPTS)) + "#evenements", Organizer: e.CPTS.Name, OrganizerURL: r.abs(plan.CPTSPage(e.CPTS)),
		}
		if e.Link != "" {
			ev.URL = string(e.Link)
		}
		if e.Time.Valid {
			ev.Start = &feeds.Clock{Hour: e.Time.Hour, Minute: e.Time.Minute}
			ev.End = &feeds.Clock{Hour: min(e.Time.Hour+1, 23), Minute: e.Time.Minute} // an hour, when the record gives no end
			if e.EndTime.Valid {
				ev.End = &feeds.Clock{Hour: e.EndTime.Hour, Minute: e.EndTime.Minute}
			}
		}
		cal.Events = append(cal.Events, ev)
	}
	return feeds.ICS(cal)
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

// eventPlace is the place and commune name of an event.
func (r *renderer) eventPlace(e *model.Event) string {
	parts := []string{}
	if e.Place != "" {
		parts = append(parts, e.Place)
	}
	if com := r.site.Geo.Commune(e.Commune); com != nil {
		parts = append(parts, com.Name)
	}
	return strings.Join(parts, ", ")
}
