package diag

import "sort"

// Suggest returns the candidates closest to word by edit distance, best
// first, at most max of them. Only candidates within a distance that grows
// with the word's length (1 for short words, up to a third of the length)
// are kept, so nonsense gets no suggestion.
func Suggest(word string, candidates []string, max int) []string {
	limit := len([]rune(word)) / 3
	if limit < 1 {
		limit = 1
	}
	type scored struct {
		s string
		d int
	}
	var best []scored
	for _, c := range candidates {
		if c == word {
			continue
		}
		if d := Distance(word, c); d <= limit {
			best = append(best, scored{c, d})
		}
	}
	sort.SliceStable(best, func(i, j int) bool {
		if best[i].d != best[j].d {
			return best[i].d < best[j].d
		}
		return best[i].s < best[j].s
	})
	if len(best) > max {
		best = best[:max]
	}
	out := make([]string, len(best))
	for i, b := range best {
		out[i] = b.s
	}
	return out
}

// Distance is the Damerau-Levenshtein (optimal string alignment) distance
// between a and b, counted in runes: a swap of two neighbours costs 1.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// DidYouMean formats suggestions as a hint ("did you mean "x"?" or
// "did you mean "x" or "y"?"); it returns "" when there are none.
func DidYouMean(suggestions []string) string {
	switch len(suggestions) {
	case 0:
		return ""
	case 1:
		return "did you mean " + quote(suggestions[0]) + "?"
	}
	s := "did you mean "
	for i, x := range suggestions {
		switch {
		case i == len(suggestions)-1:
			s += " or "
		case i > 0:
			s += ", "
		}
		s += quote(x)
	}
	return s + "?"
}

func quote(s string) string { return "\"" + s + "\"" }
