package feeds

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"reflect"
	"testing"

	"github.com/cpts-fr/cpts/generator/output"
)

// TestCompactFeedsAreMinified checks that the feeds of a squeezed build,
// added without the minifier, say what the indented ones say (the same
// XML tokens, the same JSON values), in no more bytes than the minifier
// leaves of the indented ones.
func TestCompactFeedsAreMinified(t *testing.T) {
	html := "<p>L’été « chaud » : \"x\" &amp; y</p>\n<ul><li><a href=\"/a?b=1&amp;c=2\">a</a></li></ul>"
	f := Feed{Lang: "fr", ID: "https://example.org/actualites/", Title: "Annuaire d'été <test> ]]>", Updated: "2026-05-14T00:00:00Z",
		AtomURL: "https://example.org/actualites/atom.xml?a='b'&c=\"d\"", HomeURL: "https://example.org/actualites/",
		Author: "Annuaire",
		Items: []Item{
			{URL: "u", Title: "T & \"U\"\r\n\x01\xff", HTML: html, Summary: "ligne\nligne\ttab", Tags: []string{"santé", "a\nb\t<c>"}, Author: "CPTS"},
			{URL: "v", Title: "V", HTML: "<p>v</p>"},
		},
	}
	m := output.NewMinifier()
	for _, tc := range []struct {
		name              string
		compact, indented []byte
		decode            func([]byte) (any, error)
	}{
		{"atom.xml", Atom(f, true), Atom(f, false), func(b []byte) (any, error) {
			return xmlTokens(b)
		}},
		{"feed.json", JSON(f, true), JSON(f, false), func(b []byte) (any, error) {
			var v any
			return v, json.Unmarshal(b, &v)
		}},
	} {
		got, err := tc.decode(tc.compact)
		if err != nil {
			t.Fatalf("%s compact: %v\n%s", tc.name, err, tc.compact)
		}
		want, err := tc.decode(tc.indented)
		if err != nil {
			t.Fatalf("%s indented: %v", tc.name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: compact %v\nindented %v", tc.name, got, want)
		}
		if tc.name == "feed.json" && bytes.IndexByte(tc.compact, '\n') >= 0 { // XML text may hold line breaks
			t.Errorf("%s: compact holds a line break:\n%s", tc.name, tc.compact)
		}
		minified, err := m.Minify(tc.name, bytes.Clone(tc.indented))
		if err != nil {
			t.Fatal(err)
		}
		if len(tc.compact) > len(minified) {
			t.Errorf("%s: compact %d bytes, minified %d:\n%s\n%s", tc.name, len(tc.compact), len(minified), tc.compact, minified)
		}
	}
}

// xmlTokens returns the tokens of an XML document, without the white
// space between elements.
func xmlTokens(b []byte) ([]xml.Token, error) {
	var out []xml.Token
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if cd, ok := tok.(xml.CharData); ok && len(bytes.TrimSpace(cd)) == 0 {
			continue
		}
		out = append(out, xml.CopyToken(tok))
	}
}
