package opendata

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
)

// FuzzCSV writes any two cells as a row of free text: the CSV must read
// back to the same cells (with the apostrophe of a neutralised formula),
// and no cell may start a formula.
// Longer runs: go test -run '^$' -fuzz FuzzCSV -fuzztime 5m ./generator/opendata
func FuzzCSV(f *testing.F) {
	for _, s := range []string{"Lunel", "=HYPERLINK(\"x\")", "+33", "-", "@x", "a,b", "\"q\"", "ligne\nligne", "\r\n", "\tx", ""} {
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		row := []string{text(a), text(b)}
		data := writeCSV([]string{"a", "b"}, [][]string{row})
		got, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("CSV of %q, %q does not read back: %v\n%s", a, b, err, data)
		}
		// encoding/csv reads \r\n inside a quoted cell as \n.
		want := []string{strings.ReplaceAll(row[0], "\r\n", "\n"), strings.ReplaceAll(row[1], "\r\n", "\n")}
		if len(got) != 2 || !slices.Equal(got[1], want) {
			t.Fatalf("CSV of %q, %q reads back as %q", a, b, got)
		}
		for _, c := range got[1] {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Fatalf("cell %q starts a formula", c)
			}
		}
	})
}
