package feeds

import (
	"strings"
	"testing"
	"time"
)

func TestICS(t *testing.T) {
	day := time.Date(2026, 6, 12, 0, 0, 0, 0, time.UTC)
	cal := Calendar{Product: "Annuaire", Name: "Événements; tous", Events: []Event{
		{UID: "a-20260612-0@example.org", Day: day, Start: &Clock{18, 30}, End: &Clock{20, 0}, Summary: strings.Repeat("Assemblée générale, ", 5),
			URL: "https://example.org/cpts/a/#evenements", Organizer: `CPTS "A"`, OrganizerURL: "https://example.org/cpts/a/"},
		{UID: "a-20260307-1@example.org", Day: day.AddDate(0, -3, -5), Summary: "Journée", Location: "Salle, Lunel",
			URL: "https://example.org/e", Organizer: "CPTS A", OrganizerURL: "https://example.org/cpts/a/"},
	}}
	text := string(ICS(cal))
	for _, want := range []string{
		"X-WR-CALNAME:Événements\\; tous\r\n",
		"DTSTART;TZID=Europe/Paris:20260612T183000\r\nDTEND;TZID=Europe/Paris:20260612T200000\r\n",
		"DTSTART;VALUE=DATE:20260307\r\nDTEND;VALUE=DATE:20260308\r\n",
		"LOCATION:Salle\\, Lunel\r\n",
		`ORGANIZER;CN="CPTS 'A'":https://example.org/cpts/a/`,
		"DTSTAMP:20260612T000000Z\r\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, text)
		}
	}
	for _, line := range strings.Split(text, "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
	}
}
