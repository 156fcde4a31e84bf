package fold

import "strings"

// Name returns the key used to match French commune names. It is Fold plus
// two rules:
//
//   - the words "st", "ste", "sts" and "stes" become "saint", "sainte",
//     "saints" and "saintes";
//   - a leading article ("le", "la", "les", "l") is dropped, whether it is
//     written first ("Le Lion-d'Angers") or in parentheses at the end, as in
//     official lists ("Lion-d'Angers (Le)").
//
// Articles inside a name are kept ("Saint-Laurent-d'Aigouze" gives
// "saint laurent d aigouze"), and so is a name made of an article alone.
//
//	Name("Le Lion-d'Angers") == Name("lion d angers") == "lion d angers"
//	Name("St-Étienne") == "saint etienne"
func Name(s string) string {
	f := Fold(dropTrailingArticle(s))
	if i := strings.IndexByte(f, ' '); i > 0 && article(f[:i]) {
		f = f[i+1:]
	}
	if !hasAbbrev(f) {
		return f
	}
	words := strings.Split(f, " ")
	for i, w := range words {
		if long := expand(w); long != "" {
			words[i] = long
		}
	}
	return strings.Join(words, " ")
}

// dropTrailingArticle removes a final parenthesised article: "Lion-d'Angers
// (Le)" becomes "Lion-d'Angers ". Other parentheses are left alone.
func dropTrailingArticle(s string) string {
	t := strings.TrimRight(s, " ")
	if !strings.HasSuffix(t, ")") {
		return s
	}
	i := strings.LastIndexByte(t, '(')
	if i <= 0 || !article(Fold(t[i+1:len(t)-1])) {
		return s
	}
	return t[:i]
}

// article reports whether the folded word w is a French definite article.
func article(w string) bool {
	return w == "le" || w == "la" || w == "les" || w == "l"
}

// hasAbbrev reports whether the folded string f holds a word that expand
// would change.
func hasAbbrev(f string) bool {
	for len(f) > 0 {
		w := f
		if i := strings.IndexByte(f, ' '); i >= 0 {
			w, f = f[:i], f[i+1:]
		} else {
			f = ""
		}
		if expand(w) != "" {
			return true
		}
	}
	return false
}

// expand returns the long form of an abbreviated folded word, or "".
func expand(w string) string {
	switch w {
	case "st":
		return "saint"
	case "ste":
		return "sainte"
	case "sts":
		return "saints"
	case "stes":
		return "saintes"
	}
	return ""
}
