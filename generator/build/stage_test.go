package build_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/themes"
)

// TestStagedBuildEqualsBuildInMemory builds the sample into a staging
// folder, as `cpts build` does (each file minified and written as it is
// made), and in memory: the published files must be those of the build in
// memory, byte for byte.
func TestStagedBuildEqualsBuildInMemory(t *testing.T) {
	tb := table(t)
	mem, diags := build.Run(build.Options{Source: cpts.Sample, Theme: themes.Default(), Geo: tb})
	if mem == nil {
		t.Fatalf("sample build failed:\n%v", diags)
	}
	dest := filepath.Join(t.TempDir(), "public")
	staged, err := output.NewStage(dest)
	if err != nil {
		t.Fatal(err)
	}
	res, diags := build.Run(build.Options{Source: cpts.Sample, Theme: themes.Default(), Geo: tb, Output: staged})
	if res == nil {
		staged.Discard()
		t.Fatalf("staged sample build failed:\n%v", diags)
	}
	if err := staged.Commit(); err != nil {
		t.Fatal(err)
	}
	n := 0
	err = filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		got, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if want, ok := mem.Files.Get(filepath.ToSlash(rel)); !ok || string(got) != string(want) {
			t.Errorf("%s differs from the build in memory (in memory: %v)", rel, ok)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != mem.Files.Len() || n == 0 {
		t.Errorf("published %d files, the build in memory has %d", n, mem.Files.Len())
	}
}
