package model

import (
	"fmt"
	"strings"
	"testing"
)

// TestURLSetHostile checks that a website or a configuration URL must be
// a plain http or https address with a host, whatever the spelling: a
// refused value leaves the field as it was, and the error quotes it.
func TestURLSetHostile(t *testing.T) {
	for _, in := range []string{
		"javascript&#58;alert(1)",
		"javascript&colon;alert(1)",
		"javascript%3Aalert(1)",
		"%6Aavascript:alert(1)",
		"java\tscript:alert(1)",
		"\x01javascript:alert(1)",
		" https://example.org/",
		"\u00a0https://example.org/",
		"ht&#116;ps://example.org/",
		"htt%70s://example.org/",
		"vbscript:msgbox(1)",
		"data:text/html,x",
		"file:///etc/passwd",
		"blob:https://example.org/x",
		`\\evil.example/`,
		`/\evil.example/`,
		`https:\\evil.example/`,
		"/cpts/lunel/",
	} {
		u := URL("https://before.example/")
		err := u.Set(in)
		if err == nil {
			t.Errorf("URL.Set(%q) = nil, want a refusal", in)
			continue
		}
		if u != "https://before.example/" {
			t.Errorf("URL.Set(%q) changed the value to %q", in, u)
		}
		if !strings.Contains(err.Error(), fmt.Sprintf("%q", in)) {
			t.Errorf("URL.Set(%q) = %v, want the value quoted", in, err)
		}
	}
}
