package render_test

import (
	"strings"
	"testing"
)

// TestCalendarsFollowRFC5545 checks the structure RFC 5545 requires: CRLF
// line ends, lines folded at 75 octets, balanced components, the required
// properties, and a VTIMEZONE for every TZID used.
func TestCalendarsFollowRFC5545(t *testing.T) {
	res, _ := renderArchive(t, "site.txtar", nil)
	for _, p := range []string{"evenements.ics", "cpts/lunel/evenements.ics"} {
		data, ok := res.Files.Get(p)
		if !ok {
			t.Fatalf("no %s", p)
		}
		text := string(data)
		if !strings.HasSuffix(text, "\r\n") || strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") {
			t.Errorf("%s: lines must end with CRLF", p)
		}
		var stack []string
		events := 0
		props := map[string]bool{}
		for _, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
			if len(line) > 75 {
				t.Errorf("%s: line of %d octets: %q", p, len(line), line)
			}
			if strings.HasPrefix(line, " ") {
				continue // continuation of a folded line
			}
			name, _, _ := strings.Cut(line, ":")
			name, _, _ = strings.Cut(name, ";")
			switch name {
			case "BEGIN":
				stack = append(stack, line[6:])
				if line == "BEGIN:VEVENT" {
					events++
					props = map[string]bool{}
				}
			case "END":
				if len(stack) == 0 || stack[len(stack)-1] != line[4:] {
					t.Fatalf("%s: unbalanced %q", p, line)
				}
				if line == "END:VEVENT" {
					for _, req := range []string{"UID", "DTSTAMP", "DTSTART", "SUMMARY"} {
						if !props[req] {
							t.Errorf("%s: VEVENT without %s", p, req)
						}
					}
				}
				stack = stack[:len(stack)-1]
			default:
				props[name] = true
			}
		}
		if len(stack) != 0 || events != 2 {
			t.Errorf("%s: %d events, open components %v", p, events, stack)
		}
		for _, want := range []string{"VERSION:2.0\r\n", "PRODID:", "DTSTART;TZID=Europe/Paris:20260612T183000", "DTEND;TZID=Europe/Paris:20260612T200000", "DTSTART;VALUE=DATE:20260307", "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris", `Bilan de l'année\; vote du budget\, élection`} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", p, want)
			}
		}
	}
}
