package search

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/cpts-fr/cpts/generator/fold"
)

// textCases is testdata/text.json, which tests/search/text.test.js also
// runs through search.js: the index is folded in Go, the query in the
// browser, and both must agree.
type textCases struct {
	Fold     [][]any `json:"fold"`
	Stem     [][2]string
	Distance [][]any
}

func readTextCases(t *testing.T) textCases {
	data, err := os.ReadFile("testdata/text.json")
	if err != nil {
		t.Fatal(err)
	}
	var c textCases
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFoldKeyWordsMatchSharedTable(t *testing.T) {
	for _, tc := range readTextCases(t).Fold {
		in := tc[0].(string)
		if got, want := fold.Fold(in), tc[1].(string); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
		if got, want := Key(in), tc[2].(string); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
		var want []string
		for _, w := range tc[3].([]any) {
			want = append(want, w.(string))
		}
		if got := Words(in); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStemMatchesSharedTable(t *testing.T) {
	for _, tc := range readTextCases(t).Stem {
		if got := Stem(tc[0]); got != tc[1] {
			t.Errorf("Stem(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
}

func TestDistanceMatchesSharedTable(t *testing.T) {
	for _, tc := range readTextCases(t).Distance {
		a, b, want := tc[0].(string), tc[1].(string), int(tc[2].(float64))
		if got := distance(a, b); got != want {
			t.Errorf("distance(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}

func TestTermsDropStopWordsAndStem(t *testing.T) {
	got := Terms("Les professionnels ont signé l’accord : consultations de soins non programmés, soins")
	want := []string{"professionnel", "sign", "accord", "consultation", "soin", "non", "programm"}
	if !slices.Equal(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
}

func TestTypoPrefix(t *testing.T) {
	for _, tc := range []struct {
		q, w string
		want bool
	}{
		{"montpel", "montpellier", true},
		{"montpl", "montpellier", true},
		{"mnotpel", "montpellier", true},
		{"monpte", "montpellier", true},
		{"mxntpxl", "montpellier", false},
		{"chatauneuf", "chateauneuf", true},
	} {
		if got := typoPrefix(tc.q, tc.w); got != tc.want {
			t.Errorf("typoPrefix(%q, %q) = %v, want %v", tc.q, tc.w, got, tc.want)
		}
	}
}
