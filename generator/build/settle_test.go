package build_test

import (
	"testing"
	"time"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/themes"
)

// TestSettledResultReportsAsBefore: a settled result (what cpts build
// commits and stamps) says what it said of the site it let go.
func TestSettledResultReportsAsBefore(t *testing.T) {
	now := time.Date(2024, 4, 11, 12, 0, 0, 0, time.UTC)
	res, diags := build.Run(build.Options{Source: cpts.Sample, Theme: themes.Default(), Geo: table(t), Now: now})
	if res == nil {
		t.Fatalf("sample build failed:\n%v", diags)
	}
	counts, until, files := res.Counts(), res.Until(), res.Files.Len()
	res.Settle()
	if res.Site != nil {
		t.Error("a settled result holds its site")
	}
	if got := res.Counts(); got != counts {
		t.Errorf("counts after Settle:\n%s\nbefore:\n%s", got, counts)
	}
	if got := res.Until(); !got.Equal(until) {
		t.Errorf("until after Settle %v, before %v", got, until)
	}
	if res.Files.Len() != files {
		t.Errorf("%d files after Settle, %d before", res.Files.Len(), files)
	}
}
