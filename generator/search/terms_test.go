package search

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/cpts-fr/cpts/generator/corpus"
)

// refTerms is Terms as it was before its fast paths, on the parts joined:
// Words (unchanged), then a linear search in stopWords, then Stem as it was.
func refTerms(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range Words(s) {
		if slices.Contains(stopWords, w) {
			continue
		}
		t := refStem(w)
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

func refStem(w string) string {
	if len(w) <= 3 || strings.ContainsAny(w, "0123456789") {
		return w
	}
	switch {
	case strings.HasSuffix(w, "eaux"):
		w = w[:len(w)-1]
	case len(w) >= 5 && strings.HasSuffix(w, "aux"):
		w = w[:len(w)-3] + "al"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"):
		w = w[:len(w)-1]
	}
	for i := 0; i < 2 && len(w) > 4 && strings.HasSuffix(w, "e"); i++ {
		w = w[:len(w)-1]
	}
	if len(w) > 5 && strings.HasSuffix(w, "er") {
		w = w[:len(w)-2]
	}
	return w
}

// termInputs are prose with what news items hold and what they seldom do.
var termInputs = [][]string{
	{},
	{""},
	{"", "", ""},
	{"Les professionnels ont signé l’accord : consultations de soins non programmés, soins"},
	{"La CPTS", "", "santé territoire", "«\u00a0Nous avançons\u00a0», explique la présidente."},
	{"Œuvres, cœur et Lætitia ; ÆSOP", "Straße", "journaux chevaux bureaux travaux eaux"},
	{"St-Jean-d’Angély", "Ste-Marie STS stes", "l'été d’hiver ʼAngers"},
	{"12\u202f000 patients, 3,5\u00a0% et 20\u00a0€ le 1er janvier 2024", "75001 2A 97411"},
	{"e\u0301te\u0301 cafe\u0301 n\u0303", "\u0301", "x\u034f\u0300y"},
	{"Κρήτη Москва 東京 서울 العربية", "ª µ º ¹²³ ½", "👩‍⚕️ 🏥"},
	{"bad \xff utf8 \xe2\x80 cut é\xc3", "\xc3\xa9"},
	{"a--b__c..d//e''f’’g", "   spaced   out   ", "TOUT EN MAJUSCULES ÉCOLE"},
	{"signée signées signer signé", "sign", "sign signe"},
	{"cette elles leurs afin", "cettes ellex leurss", "y a-t-il qu’on"},
}

func TestTermsMatchReference(t *testing.T) {
	inputs := termInputs
	for _, parts := range corpusNews(t) {
		inputs = append(inputs, parts)
	}
	for _, parts := range inputs {
		joined := strings.Join(parts, " ")
		want := refTerms(joined)
		if got := Terms(parts...); !same(got, want) {
			t.Errorf("Terms(%q) = %q, reference %q", parts, got, want)
		}
		if got := Terms(joined); !same(got, want) {
			t.Errorf("Terms(%q) = %q, reference %q", joined, got, want)
		}
		for _, w := range Words(joined) {
			if got, want := StopWord(w), slices.Contains(stopWords, w); got != want {
				t.Errorf("StopWord(%q) = %v, want %v", w, got, want)
			}
			if got, want := Stem(w), refStem(w); got != want {
				t.Errorf("Stem(%q) = %q, reference %q", w, got, want)
			}
		}
	}
}

// same reports whether a and b hold the same strings and are both nil or
// both not.
func same(a, b []string) bool {
	return slices.Equal(a, b) && (a == nil) == (b == nil)
}

func TestStopWordHoldsTheList(t *testing.T) {
	for _, w := range stopWords {
		if !StopWord(w) {
			t.Errorf("StopWord(%q) = false", w)
		}
		for _, x := range []string{w + "e", w[1:], w[:len(w)-1], strings.ToUpper(w)} {
			if StopWord(x) != slices.Contains(stopWords, x) {
				t.Errorf("StopWord(%q) = %v", x, StopWord(x))
			}
		}
	}
}

func FuzzTerms(f *testing.F) {
	for _, parts := range termInputs {
		if len(parts) >= 2 {
			f.Add(parts[0], parts[1])
		}
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		want := refTerms(a + " " + b)
		if got := Terms(a, b); !same(got, want) {
			t.Errorf("Terms(%q, %q) = %q, reference %q", a, b, got, want)
		}
	})
}

var (
	newsOnce  sync.Once
	newsTexts [][]string
)

// corpusNews returns the news of a generated corpus (one département, 50
// items) as collector.news reads them: title, summary, tags and body
// without its Markdown noise.
func corpusNews(tb testing.TB) [][]string {
	newsOnce.Do(func() {
		c, err := corpus.Generate(geoTable(tb), corpus.Scale{Name: "bench", Departements: []string{"34"}, News: 50})
		if err != nil {
			tb.Fatal(err)
		}
		for _, p := range c.Paths() {
			if !strings.Contains(p, "news/") {
				continue
			}
			front, body, ok := strings.Cut(strings.TrimPrefix(string(c.Files[p]), "+++\n"), "+++\n")
			if !ok {
				tb.Fatalf("%s: no front matter", p)
			}
			var meta struct {
				Title, Summary string
				Tags           []string
			}
			if _, err := toml.Decode(front, &meta); err != nil {
				tb.Fatal(err)
			}
			newsTexts = append(newsTexts, []string{meta.Title, meta.Summary, strings.Join(meta.Tags, " "), withoutNoise([]byte(body))})
		}
	})
	if len(newsTexts) == 0 {
		tb.Fatal("no news in the corpus")
	}
	return newsTexts
}

// BenchmarkTerms extracts the terms of generated French news items, as
// collector.news does for each item.
func BenchmarkTerms(b *testing.B) {
	news := corpusNews(b)
	n := 0
	for _, parts := range news {
		for _, p := range parts {
			n += len(p) + 1
		}
	}
	b.SetBytes(int64(n / len(news)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Terms(news[i%len(news)]...)
	}
}
