package search

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var writeIndex = flag.String("write-index", "", "write the index of the test site into this folder (for tests/search)")

// queryCase is one line of testdata/queries.json.
type queryCase struct {
	Q     string            `json:"q"`
	First []string          `json:"first"`
	Has   []string          `json:"has"`
	Not   []string          `json:"not"`
	None  bool              `json:"none"`
	URLs  map[string]string `json:"urls"`
	CPTS  map[string]string `json:"cpts"`
	// Listed gives, for a result, the profession the query named and
	// whether each of its CPTS lists it: "Infirmier ou infirmière: true".
	Listed map[string]string `json:"listed"`
	// Near is the départements of the page the query is typed on,
	// space-separated (a CPTS's page may list several).
	Near string `json:"near"`
	Note string `json:"note"`
}

func readQueries(t *testing.T) []queryCase {
	data, err := os.ReadFile("testdata/queries.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct{ Queries []queryCase }
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	return f.Queries
}

// TestQueries runs the shared table of queries through the Go reference
// of the query algorithm, on the index of the test site. With
// -write-index DIR it also writes that index, for the Node tests.
func TestQueries(t *testing.T) {
	files := testIndex(t)
	if *writeIndex != "" {
		for _, f := range files {
			p := filepath.Join(*writeIndex, filepath.FromSlash(f.Path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	s := searcher(t, files)
	for _, tc := range readQueries(t) {
		s.Near(strings.Fields(tc.Near)...)
		res, err := s.Search(tc.Q)
		if err != nil {
			t.Fatalf("%q: %v", tc.Q, err)
		}
		if problem := checkQuery(tc, res); problem != "" {
			var got []string
			for _, r := range res {
				got = append(got, r.ID)
			}
			t.Errorf("%q (%s): %s\n\tgot %s", tc.Q, tc.Note, problem, strings.Join(got, " "))
		}
	}
}

// checkQuery returns what is wrong with the results of a query, or "".
func checkQuery(tc queryCase, res []Result) string {
	ids := map[string]Result{}
	for _, r := range res {
		ids[r.ID] = r
	}
	switch {
	case tc.None && len(res) > 0:
		return "want no result"
	case len(res) < len(tc.First):
		return "want first " + strings.Join(tc.First, " ")
	}
	for i, id := range tc.First {
		if res[i].ID != id {
			return "want first " + strings.Join(tc.First, " ")
		}
	}
	for _, id := range tc.Has {
		if _, ok := ids[id]; !ok {
			return "want " + id + " among the results"
		}
	}
	for _, id := range tc.Not {
		if _, ok := ids[id]; ok {
			return "want no " + id
		}
	}
	for id, url := range tc.URLs {
		if r, ok := ids[id]; !ok || r.URL != url {
			return "want " + id + " to lead to " + url + ", got " + r.URL
		}
	}
	for id, want := range tc.Listed {
		r := ids[id]
		got := r.Profession + ":"
		for _, l := range r.Listed {
			got += fmt.Sprintf(" %t", l)
		}
		if got != want {
			return "want " + id + " listed " + want + ", got " + got
		}
	}
	for id, names := range tc.CPTS {
		if r, ok := ids[id]; !ok || strings.Join(r.CPTS, "; ") != names {
			return "want " + id + " covered by " + names + ", got " + strings.Join(r.CPTS, "; ")
		}
	}
	return ""
}
