package build_test

import (
	"os"
	"testing"

	"github.com/cpts-fr/cpts/internal/memtmp"
)

// TestMain runs the tests with their scratch folders in memory (memtmp):
// they build sites of thousands of files.
func TestMain(m *testing.M) { os.Exit(memtmp.Main(m)) }
