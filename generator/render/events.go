package render

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cpts-fr/cpts/generator/plan"

	"github.com/cpts-fr/cpts/generator/model"
)

// upcoming reports whether an event has not ended at the build date (all
// events are upcoming when the build has no date).
func (r *renderer) upcoming(e *model.Event) bool {
	if r.plan.Options().Now.IsZero() {
		return true
	}
	end := e.Date.Time().AddDate(0, 0, 1)
	return r.plan.Options().Now.Before(end)
}

// splitEvents returns the upcoming events (soonest first) and the past
// ones (latest first).
func (r *renderer) splitEvents(events []*model.Event) (next, past []*model.Event) {
	for _, e := range events {
		if r.upcoming(e) {
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

// parisTZ is the VTIMEZONE of Europe/Paris (CET/CEST since 1996), which
// RFC 5545 requires beside any TZID it uses.
const parisTZ = "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n" +
	"BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n" +
	"BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n" +
	"END:VTIMEZONE\r\n"

func (r *renderer) ics(name string, events []*model.Event) []byte {
	var b strings.Builder
	line := func(s string) { b.WriteString(foldLine(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//cpts//" + icsText(r.site.Config.Title) + "//FR")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + icsText(name))
	line("X-WR-TIMEZONE:Europe/Paris")
	b.WriteString(parisTZ)
	host := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(r.baseURL, "https://"), "http://"), "/")
	for i, e := range events {
		if e.Date.Precision != model.Day {
			continue
		}
		day := e.Date.Time().Format("20060102")
		line("BEGIN:VEVENT")
		line(fmt.Sprintf("UID:%s-%s-%d@%s", e.CPTS.Slug, day, eventIndex(e, i), strings.ReplaceAll(host, "/", "-")))
		line("DTSTAMP:" + day + "T000000Z") // from the record, so builds are reproducible
		if e.Time.Valid {
			line(fmt.Sprintf("DTSTART;TZID=Europe/Paris:%sT%02d%02d00", day, e.Time.Hour, e.Time.Minute))
			end := e.Time
			if e.EndTime.Valid {
				end = e.EndTime
			} else {
				end.Hour = min(end.Hour+1, 23)
			}
			line(fmt.Sprintf("DTEND;TZID=Europe/Paris:%sT%02d%02d00", day, end.Hour, end.Minute))
		} else {
			line("DTSTART;VALUE=DATE:" + day)
			line("DTEND;VALUE=DATE:" + e.Date.Time().AddDate(0, 0, 1).Format("20060102"))
		}
		line("SUMMARY:" + icsText(e.Title))
		if loc := r.eventPlace(e); loc != "" {
			line("LOCATION:" + icsText(loc))
		}
		if e.Description != "" {
			line("DESCRIPTION:" + icsText(e.Description))
		}
		url := r.abs(plan.CPTSPage(e.CPTS)) + "#evenements"
		if e.Link != "" {
			url = string(e.Link)
		}
		line("URL:" + url)
		line("ORGANIZER;CN=" + icsParam(e.CPTS.Name) + ":" + r.abs(plan.CPTSPage(e.CPTS)))
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return []byte(b.String())
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

// icsText escapes a TEXT value (RFC 5545 §3.3.11).
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// icsParam quotes a parameter value.
func icsParam(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `"`, "'"), "\n", " ") + `"`
}

// foldLine ends a content line with CRLF, folding it every 75 octets
// without splitting a UTF-8 character (RFC 5545 §3.1).
func foldLine(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		size := utf8.RuneLen(r)
		if n+size > 75 {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteRune(r)
		n += size
	}
	b.WriteString("\r\n")
	return b.String()
}
