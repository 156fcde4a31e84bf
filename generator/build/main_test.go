package build_test

import (
	"os"
	"testing"

	"github.com/cpts-fr/cpts/internal/testmain"
)

// TestMain runs the tests as the command runs a build (testmain): they
// build sites of thousands of files.
func TestMain(m *testing.M) { os.Exit(testmain.Main(m)) }
