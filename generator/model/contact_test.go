package model

import "testing"

func TestPhoneSet(t *testing.T) {
	tests := []struct {
		in, e164 string
		ok       bool
	}{
		{"04 67 12 34 56", "+33467123456", true},
		{"04.67.12.34.56", "+33467123456", true},
		{"0467123456", "+33467123456", true},
		{"+33 4 67 12 34 56", "+33467123456", true},
		{"+33 (0)4 67 12 34 56", "+33467123456", true},
		{"0033 4 67 12 34 56", "+33467123456", true},
		{"06-12-34-56-78", "+33612345678", true},
		{"0590 12 34 56", "+590590123456", true},
		{"0262 12 34 56", "+262262123456", true},
		{"0692 12 34 56", "+262692123456", true},
		{"+590 590 12 34 56", "+590590123456", true},
		{"04 67 12", "", false},
		{"00 67 12 34 56", "", false},
		{"4 67 12 34 56 7", "", false},
		{"+44 20 7946 0000", "", false},
		{"04 67 12 34 5a", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		var p Phone
		err := p.Set(tt.in)
		if (err == nil) != tt.ok || p.E164 != tt.e164 {
			t.Errorf("Set(%q) = %q, %v; want %q, ok=%v", tt.in, p.E164, err, tt.e164, tt.ok)
		}
	}
}

func TestEmailSet(t *testing.T) {
	for in, ok := range map[string]bool{
		"contact@cpts-lunel.fr":           true,
		"prenom.nom+cpts@example.org":     true,
		"contact@":                        false,
		"contact@localhost":               false,
		"Contact <contact@example.org>":   false,
		"contact@example.org, x@y.fr":     false,
		"pas une adresse":                 false,
		"contact@exa mple.org":            false,
		"javascript:alert(1)@example.org": false,
	} {
		var e Email
		if err := e.Set(in); (err == nil) != ok {
			t.Errorf("Email.Set(%q) error = %v, want ok=%v", in, err, ok)
		}
	}
}

func TestURLSet(t *testing.T) {
	for in, ok := range map[string]bool{
		"https://example.org/":            true,
		"http://example.org/a?b=c#d":      true,
		"javascript:alert(1)":             false,
		"JavaScript:alert(1)":             false,
		"ftp://example.org/":              false,
		"www.example.org":                 false,
		"https://":                        false,
		"mailto:contact@example.org":      false,
		"data:text/html,<script>":         false,
		"https://exa mple.org/":           false,
		"//example.org/protocol-relative": false,
	} {
		var u URL
		if err := u.Set(in); (err == nil) != ok {
			t.Errorf("URL.Set(%q) error = %v, want ok=%v", in, err, ok)
		}
	}
}
