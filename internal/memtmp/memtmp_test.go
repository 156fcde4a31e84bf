package memtmp

import (
	"os"
	"strings"
	"testing"
)

type fakeM struct{ tmp string }

func (f *fakeM) Run() int {
	f.tmp = os.TempDir()
	return 3
}

// TestMainPointsTMPDIRAtMemory: the tests run with TMPDIR in a new folder
// under Dir, which is gone afterwards; with no room in memory, TMPDIR is
// left as it was.
func TestMainPointsTMPDIRAtMemory(t *testing.T) {
	t.Setenv("TMPDIR", os.Getenv("TMPDIR"))
	before := os.TempDir()
	f := &fakeM{}
	if code := Main(f); code != 3 {
		t.Fatalf("exit code %d, want the tests' 3", code)
	}
	if Dir() == "" {
		if f.tmp != before {
			t.Errorf("TMPDIR %s, want it unchanged (%s) without a tmpfs", f.tmp, before)
		}
		return
	}
	if !strings.HasPrefix(f.tmp, Dir()+"/cpts-test-") {
		t.Errorf("TMPDIR %s during the tests, want a folder under %s", f.tmp, Dir())
	}
	if _, err := os.Stat(f.tmp); !os.IsNotExist(err) {
		t.Errorf("%s left behind (%v)", f.tmp, err)
	}
}
