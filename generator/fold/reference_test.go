package fold

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// refFold is Fold as it was before its fast paths: the whole string
// through NFD, then one rune at a time. Fold must give the same result on
// every input. Invalid UTF-8 separates words, like a space.
func refFold(s string) string {
	s = norm.NFD.String(strings.ToValidUTF8(s, " "))
	var b strings.Builder
	gap := false
	add := func(t string) {
		if gap && b.Len() > 0 {
			b.WriteByte(' ')
		}
		gap = false
		b.WriteString(t)
	}
	for _, r := range s {
		switch {
		case 'A' <= r && r <= 'Z':
			add(string(r + 'a' - 'A'))
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			add(string(r))
		case r < utf8.RuneSelf:
			gap = true
		case 0xC0 <= r && r <= 0x17F:
			if c := latinBase[r-0xC0]; c != '_' {
				add(string(c))
			} else if t := spell(r); t != "" {
				add(t)
			} else {
				gap = true
			}
		case 0x2000 <= r && r <= 0x206F:
			gap = true
		case unicode.Is(unicode.M, r):
		case unicode.Is(unicode.Lm, r):
			gap = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			add(string(unicode.ToLower(r)))
		default:
			gap = true
		}
	}
	return b.String()
}

// refInputs mix what French text holds with what it seldom does.
var refInputs = []string{
	"", " ", "déjà folded", "les soins non programmés", "Les Professionnels ONT signé",
	"L’accord d'été, l'Haÿ-les-Roses — 12 000 patients", "Cœur, Œuvre, Lætitia, ÆSOP, Straße",
	"«\u00a0Nous avançons\u00a0»\u202f!", "1er\u00a0janvier 2024 : 3,5\u00a0% et 20\u00a0€",
	"e\u0301te\u0301 cafe\u0301 n\u0303 a\u0327\u0301 o\u0301\u0327", "\u0301leading mark", "x\u034f\u0300y",
	"Κρήτη Ἀθῆναι Москва Ёлка 東京 서울 한국어 العربية עברית", "ª µ º ¹²³ ¼ ½ § ¶ ° ± ©®",
	"Ⱥⱥ Ȿ ẞ İstanbul ǅ ǈ ﬁ ﬀ Ⅻ ①", "dʼAngers ʻokina ˈstress", "emoji 👩‍⚕️ 🏥 ok",
	"bad \xff utf8 \xe2\x80 cut \xe9\u0301 é\xc3", "\xc3\xa9\xc3", "tab\tnew\nline\r\x00nul", "\xf2Ț", "x\xf0\x9fÉ",
	"a--b__c..d//e''f’’g", "ÉCOLE Saint-Étienne St-Jean-d’Angély", "ǆemal ǲ Ǳ", "ℌ ℓ № ™ K Å",
	"\ufeffBOM \u200bzero\u2060width \u00adsoft", "１２３ＡＢＣ", "ŉ ĳ ŀ ſ ı ĸ",
}

func TestFoldMatchesReference(t *testing.T) {
	for _, s := range refInputs {
		if got, want := Fold(s), refFold(s); got != want {
			t.Errorf("Fold(%q) = %q, reference %q", s, got, want)
		}
	}
}

// TestEveryRuneMatchesReference folds each rune between letters, then
// followed by a combining mark.
func TestEveryRuneMatchesReference(t *testing.T) {
	if testing.Short() {
		t.Skip("folds every rune")
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{"Ab" + string(r) + "c", "b" + string(r) + "\u0301\u0327c"} {
			if got, want := Fold(s), refFold(s); got != want {
				t.Errorf("U+%04X: Fold(%q) = %q, reference %q", r, s, got, want)
			}
		}
	}
}

// TestOnlyMarksCombine checks what Writer.plain relies on: a rune that NFD
// leaves as it is keeps its place, because NFD moves only runes of
// non-zero combining class, and all of them are combining marks.
func TestOnlyMarksCombine(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		if utf8.ValidRune(r) && !unicode.Is(unicode.M, r) && norm.NFD.PropertiesString(s).CCC() != 0 {
			t.Errorf("U+%04X has combining class %d and is not a mark", r, norm.NFD.PropertiesString(s).CCC())
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range refInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), refFold(s); got != want {
			t.Errorf("Fold(%q) = %q, reference %q", s, got, want)
		}
		// A text's words fold alike wherever the text ends: search folds
		// the parts of a record one by one and a query as a whole.
		if got, want := Fold(s+" 0"), strings.TrimPrefix(Fold(s)+" 0", " "); got != want {
			t.Errorf("Fold(%q) = %q, but Fold(%q) = %q", s+" 0", got, s, Fold(s))
		}
	})
}
