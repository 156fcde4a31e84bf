package search

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestTypedQueriesOnBuiltSite prints, for a built site named by
// CPTS_SEARCH_SITE (its public folder), what each prefix of the typed
// queries fetches, gzip-compressed, and the total with search.js, typed
// faster than RecordsDelay (CPTS_SEARCH_RECORDS=all: every prefix fetches
// the records of its results):
//
//	CPTS_SEARCH_SITE=/tmp/natpub go test ./generator/search -run OnBuiltSite -v
//
// It is a measure, not a check; without the variable it is skipped.
func TestTypedQueriesOnBuiltSite(t *testing.T) {
	dir := os.Getenv("CPTS_SEARCH_SITE")
	if dir == "" {
		t.Skip("CPTS_SEARCH_SITE names no built site")
	}
	queries := typedQueries
	if q := os.Getenv("CPTS_SEARCH_QUERIES"); q != "" {
		queries = strings.Split(q, ",")
	}
	js := clientBytes(t)
	for _, q := range queries {
		total := js
		var lines []string
		var step []string
		s, err := Open(func(p string) ([]byte, error) {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
			if err != nil {
				return nil, err
			}
			n := gzipLen(data)
			total += n
			step = append(step, fmt.Sprintf("%s %.1f", path.Base(p), float64(n)/1024))
			return data, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range q {
			step = step[:0]
			res, err := s.search(q[:i+1], i == len(q)-1 || os.Getenv("CPTS_SEARCH_RECORDS") == "all")
			if err != nil {
				t.Fatalf("%q: %v", q[:i+1], err)
			}
			if len(step) > 0 {
				lines = append(lines, fmt.Sprintf("  %-24q %2d results: %s", q[:i+1], len(res), strings.Join(step, ", ")))
			}
		}
		t.Logf("%s: %.1f KB (search.js %.1f)\n%s", q, float64(total)/1024, float64(js)/1024, strings.Join(lines, "\n"))
	}
}

// A query typed faster than RecordsDelay reads no shard of prose alone
// and no chunk of records, and shows its names; the same query once it
// is the last finds what Search finds cold.
func TestSupersededQueryReadsNoProse(t *testing.T) {
	files := testIndex(t)
	const q = "soins non programmés"
	want := ids(t, searcher(t, files), q)
	var read []string
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	s, err := Open(func(p string) ([]byte, error) {
		read = append(read, p)
		return byPath[p], nil
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.search(q, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range read {
		if strings.HasPrefix(p, "search/d/") || strings.HasPrefix(p, "search/s/"+ProseMark) {
			t.Errorf("superseded, %q reads %s", q, p)
		}
	}
	for _, r := range res {
		if r.Kind == KindMission || r.Kind == KindNews {
			t.Errorf("superseded, %q shows %s, whose record it has not read", q, r.ID)
		}
	}
	before := len(read)
	res, err = s.search(q, true)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(read[before:], func(p string) bool { return strings.HasPrefix(p, "search/s/"+ProseMark) }) {
		t.Errorf("%q reads no shard of prose alone: the test needs a query that does", q)
	}
	var got []string
	for _, r := range res {
		got = append(got, r.ID)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("%q after it was superseded: %v, want %v", q, got, want)
	}
}

func ids(t *testing.T, s *Searcher, q string) []string {
	t.Helper()
	res, err := s.Search(q)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range res {
		out = append(out, r.ID)
	}
	return out
}
