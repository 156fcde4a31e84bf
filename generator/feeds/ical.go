package feeds

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Calendar is an iCalendar file of events.
type Calendar struct {
	Product string // the site's title, in PRODID
	Name    string // the calendar's name (X-WR-CALNAME)
	Events  []Event
}

// Event is an event on one day, at times of Europe/Paris or all day.
type Event struct {
	UID          string
	Day          time.Time // the date; also DTSTAMP, so builds are reproducible
	Start, End   *Clock    // nil: all day
	Summary      string
	Location     string // none if empty
	Description  string // none if empty
	URL          string
	Organizer    string // its name
	OrganizerURL string
}

// Clock is a time of day.
type Clock struct{ Hour, Minute int }

// parisTZ is the VTIMEZONE of Europe/Paris (CET/CEST since 1996), which
// RFC 5545 requires beside any TZID it uses.
const parisTZ = "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n" +
	"BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n" +
	"BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n" +
	"END:VTIMEZONE\r\n"

// ICS writes a calendar: CRLF line ends, lines folded at 75 octets,
// text escaped as RFC 5545 says.
func ICS(c Calendar) []byte {
	var b strings.Builder
	line := func(s string) { b.WriteString(foldLine(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//cpts//" + icsText(c.Product) + "//FR")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + icsText(c.Name))
	line("X-WR-TIMEZONE:Europe/Paris")
	b.WriteString(parisTZ)
	for _, e := range c.Events {
		day := e.Day.Format("20060102")
		line("BEGIN:VEVENT")
		line("UID:" + e.UID)
		line("DTSTAMP:" + day + "T000000Z")
		if e.Start != nil {
			end := *e.Start
			if e.End != nil {
				end = *e.End
			}
			line(fmt.Sprintf("DTSTART;TZID=Europe/Paris:%sT%02d%02d00", day, e.Start.Hour, e.Start.Minute))
			line(fmt.Sprintf("DTEND;TZID=Europe/Paris:%sT%02d%02d00", day, end.Hour, end.Minute))
		} else {
			line("DTSTART;VALUE=DATE:" + day)
			line("DTEND;VALUE=DATE:" + e.Day.AddDate(0, 0, 1).Format("20060102"))
		}
		line("SUMMARY:" + icsText(e.Summary))
		if e.Location != "" {
			line("LOCATION:" + icsText(e.Location))
		}
		if e.Description != "" {
			line("DESCRIPTION:" + icsText(e.Description))
		}
		line("URL:" + e.URL)
		line("ORGANIZER;CN=" + icsParam(e.Organizer) + ":" + e.OrganizerURL)
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return []byte(b.String())
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
