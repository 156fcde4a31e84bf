package model

import (
	"fmt"
	"sync"
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
)

// TestFieldsPositions checks where a record's keys point, marked from
// many goroutines at once as the loader marks them.
func TestFieldsPositions(t *testing.T) {
	records := make([]Fields, 64)
	var wg sync.WaitGroup
	for i := range records {
		wg.Go(func() {
			f := &records[i]
			f.File, f.Pos = "content/x.md", diag.Pos{File: "content/x.md", Line: 1, Col: 1}
			f.Mark("title", diag.Pos{Line: 2, Col: 9})
			f.Mark(fmt.Sprintf("key%d", i%8), diag.Pos{Line: 3 + i, Col: 7})
			f.Mark("address.commune", diag.Pos{Line: 4, Col: 11})
		})
	}
	wg.Wait()
	for i, f := range records {
		for key, want := range map[string]diag.Pos{
			"title":                       {File: "content/x.md", Line: 2, Col: 9},
			fmt.Sprintf("key%d", i%8):     {File: "content/x.md", Line: 3 + i, Col: 7},
			"address.commune":             {File: "content/x.md", Line: 4, Col: 11},
			"summary":                     {File: "content/x.md", Line: 1, Col: 1}, // not written: the record
			fmt.Sprintf("key%d", (i+1)%8): {File: "content/x.md", Line: 1, Col: 1},
		} {
			if got := f.At(key); got != want {
				t.Errorf("record %d: At(%q) = %v, want %v", i, key, got, want)
			}
			if got, written := f.Has(key), want.Line != 1; got != written {
				t.Errorf("record %d: Has(%q) = %v", i, key, got)
			}
		}
	}
	if got := (Fields{File: "f.toml"}).At("title"); got != (diag.Pos{File: "f.toml"}) {
		t.Errorf("At of a record without position = %v, want its file", got)
	}
}
