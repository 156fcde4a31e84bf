package model

import (
	"strings"
	"testing"
)

// FuzzParseDate checks that a date that parses prints back to a string
// that parses to the same date, and that nothing panics.
// Longer runs: go test -run '^$' -fuzz FuzzParseDate -fuzztime 5m ./generator/model
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2020-07-17", "2019-06", "2019", "2020-02-30", "0000-00-00", "99999-01", "2020-7-1", " 2020", "2020-07-17T10:00:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		again, err := ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %v, but %q parses to %v, %v", s, d, d.String(), again, err)
		}
	})
}

// FuzzFieldValues feeds the checked field types (e-mail, URL, phone):
// they may refuse a value, never panic, and what they accept is safe to
// put in a link: an http(s) URL, an e-mail address without blanks, line
// breaks or angle brackets, a phone in E.164.
// Longer runs: go test -run '^$' -fuzz FuzzFieldValues -fuzztime 5m ./generator/model
func FuzzFieldValues(f *testing.F) {
	for _, s := range []string{"https://example.org/", "javascript:alert(1)", "HTTP://x", "//evil.example", "contact@example.org",
		"a@b", "\"x\"@example.org", "04 67 00 00 00", "+33 4 67 00 00 00", "0590 12 34 56", "+33467000000", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var u URL
		if u.Set(s) == nil && !strings.HasPrefix(strings.ToLower(string(u)), "http://") && !strings.HasPrefix(strings.ToLower(string(u)), "https://") {
			t.Fatalf("URL accepted %q", s)
		}
		var e Email
		if e.Set(s) == nil && strings.ContainsAny(string(e), " <>\t\r\n") {
			t.Fatalf("Email accepted %q", s)
		}
		var p Phone
		if p.Set(s) == nil && (!strings.HasPrefix(p.E164, "+") || strings.Trim(p.E164[1:], "0123456789") != "") {
			t.Fatalf("Phone(%q) has E.164 %q", s, p.E164)
		}
	})
}
