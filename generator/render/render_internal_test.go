package render

import (
	"fmt"
	"testing"
)

// TestKeyString checks that the keys of partialCached print as fmt.Sprint
// does for plain values, and tell apart what differs in a trail.
func TestKeyString(t *testing.T) {
	for _, v := range []any{"Lot", true, false, 46, 0, -3, 1.5, nil} {
		if got, want := keyString(v), fmt.Sprint(v); got != want {
			t.Errorf("keyString(%#v) = %q, want %q", v, got, want)
		}
	}
	trails := [][]crumb{
		nil,
		{{"Accueil", "/"}},
		{{"Accueil", "/"}, {"Communes", "/communes/"}},
		{{"Accueil", "/"}, {"Communes", "/communes/"}, {"Lot", "/departements/46/"}},
		{{"Accueil", "/"}, {"Communes", "/communes/"}, {"Lot", "/departements/47/"}},
		{{"Accueil", "/"}, {"Communes /", "communes/"}},
	}
	seen := map[string]int{}
	for i, tr := range trails {
		k := keyString(tr)
		if j, ok := seen[k]; ok {
			t.Errorf("trails %d and %d have the same key %q", j, i, k)
		}
		seen[k] = i
	}
}
