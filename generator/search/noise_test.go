package search

import (
	"regexp"
	"testing"
)

// mdNoise is the regular expression withoutNoise replaces, kept as the
// reference of its behaviour.
var mdNoise = regexp.MustCompile(`\]\([^)]*\)|<[^>]*>|https?://\S+`)

func TestWithoutNoiseMatchesTheRegexp(t *testing.T) {
	cases := []string{
		"",
		"plain words only",
		"un [lien](/cpts/x/) et [un autre](https://example.org/a?b=c) fin",
		"<b>gras</b> et <br/> <a href=\"x\">y</a>",
		"voir https://example.org/page, puis http://a.b/c\td",
		"http:// nothing after, https://",
		"unclosed ](no end and <no end either",
		"](\n)multi\nline](a\nb) <x\ny>",
		"httpx://a hhttp://b.c https://é.fr/à ok",
		"]](a)) <<b>> ]( ) <>",
		"ends with https://x",
		"[a](<b>) <](x)>",
		"les soins non programmés ](https://x.y/) « https://z »",
	}
	for _, c := range cases {
		want := mdNoise.ReplaceAllString(c, " ")
		if got := withoutNoise([]byte(c)); got != want {
			t.Errorf("withoutNoise(%q) = %q, want %q", c, got, want)
		}
	}
}

func FuzzWithoutNoise(f *testing.F) {
	f.Add("un [lien](/x/) <b>y</b> https://a.b/c d")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := withoutNoise([]byte(s)), mdNoise.ReplaceAllString(s, " "); got != want {
			t.Errorf("withoutNoise(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkWithoutNoise(b *testing.B) {
	src := []byte(`## Une actualité

La CPTS [du pays](/cpts/pays/) organise une <strong>réunion</strong> le 12 mars,
voir https://example.org/inscription?x=1 et [le programme](https://example.org/p.pdf).
Les soins non programmés et la santé mentale sont au programme.
`)
	for range 5 {
		src = append(src, src...)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		withoutNoise(src)
	}
}
