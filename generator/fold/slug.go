package fold

import "strings"

// Slug turns text into a URL segment: folded, with runs of anything but
// a-z and 0-9 turned into single hyphens. Slug("Pays de Lunel") ==
// "pays-de-lunel", Slug("Qu'est-ce ?") == "qu-est-ce".
func Slug(s string) string {
	f := Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	hyphen := false
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteByte(c)
			continue
		}
		hyphen = true
	}
	return b.String()
}
