package model

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"

	"github.com/cpts-fr/cpts/generator/safeurl"
)

// Email is an e-mail address, checked when set.
type Email string

// Set checks and stores an address such as contact@cpts-lunel.fr.
func (e *Email) Set(s string) error {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return fmt.Errorf("%q is not an e-mail address", s)
	}
	at := strings.LastIndexByte(s, '@')
	if !strings.Contains(s[at+1:], ".") {
		return fmt.Errorf("%q is not an e-mail address: the domain %q has no dot", s, s[at+1:])
	}
	*e = Email(s)
	return nil
}

// URL is an absolute http or https URL, checked when set.
type URL string

// Set checks and stores an absolute http(s) URL with a host, written
// plainly (package safeurl, use Web).
func (u *URL) Set(s string) error {
	if err := safeurl.Check(s, safeurl.Web); err != nil {
		return err
	}
	*u = URL(s)
	return nil
}

// Phone is a French phone number as written, with its E.164 form.
type Phone struct {
	Text string // as written in the record
	E164 string // +33467000000, for tel: links
}

// IsZero reports whether no number was given.
func (p Phone) IsZero() bool { return p.E164 == "" }

// overseas maps the national prefixes of overseas departments to their
// country calling codes (ARCEP numbering plan).
var overseas = map[string]string{
	"0590": "590", "0690": "590", "0591": "590", "0691": "590", // Guadeloupe, Saint-Martin, Saint-Barthélemy
	"0596": "596", "0696": "596", "0597": "596", "0697": "596", // Martinique
	"0594": "594", "0694": "594", // Guyane
	"0262": "262", "0692": "262", "0693": "262", // La Réunion
	"0269": "262", "0639": "262", // Mayotte
	"0508": "508", // Saint-Pierre-et-Miquelon
}

var errPhone = errors.New("want 10 digits starting with 0, or +33 and 9 digits")

// Set checks and normalises a French number: "04 67 12 34 56",
// "04.67.12.34.56", "+33 4 67 12 34 56", "+33 (0)4 67 12 34 56", "0033 4...".
func (p *Phone) Set(s string) error {
	var digits strings.Builder
	plus := false
	for i, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == '+' && i == 0:
			plus = true
		case r == ' ' || r == '.' || r == '-' || r == '\u00a0' || r == '(' || r == ')':
		default:
			return fmt.Errorf("%q is not a phone number: unexpected %q", s, r)
		}
	}
	d := digits.String()
	if !plus && strings.HasPrefix(d, "00") {
		plus, d = true, d[2:]
	}
	if plus {
		switch {
		case strings.HasPrefix(d, "330") && len(d) == 12: // +33 (0)4 ...
			d = d[3:]
		case strings.HasPrefix(d, "33") && len(d) == 11:
			d = d[2:]
		default:
			for _, cc := range []string{"590", "596", "594", "262", "508"} {
				if strings.HasPrefix(d, cc) && len(d) == 12 {
					*p = Phone{Text: s, E164: "+" + d}
					return nil
				}
			}
			return fmt.Errorf("%q is not a French phone number: %w", s, errPhone)
		}
		d = "0" + d
	}
	if len(d) != 10 || d[0] != '0' || d[1] == '0' {
		return fmt.Errorf("%q is not a French phone number: %w", s, errPhone)
	}
	if cc, ok := overseas[d[:4]]; ok {
		*p = Phone{Text: s, E164: "+" + cc + d[1:]}
		return nil
	}
	*p = Phone{Text: s, E164: "+33" + d[1:]}
	return nil
}
