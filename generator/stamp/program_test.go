package stamp

import (
	"encoding/binary"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestGoBuildIDIsTheGoCommands: the build ID read from the test binary is
// the last part of what `go tool buildid` reads from it.
func TestGoBuildIDIsTheGoCommands(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	full := strings.TrimSpace(string(out))
	want := full[strings.LastIndexByte(full, '/')+1:]
	if got := goBuildID(exe); got == "" || got != want {
		t.Errorf("goBuildID = %q, want %q (of %q)", got, want, full)
	}
	if p, err := Program(); err != nil || string(p) != "go build ID content "+want {
		t.Errorf("Program = %q, %v", p, err)
	}
}

// TestNoteBuildID reads Go build ID notes, and refuses what is not one.
func TestNoteBuildID(t *testing.T) {
	note := func(namesz, typ uint32, name, id string) []byte {
		b := binary.LittleEndian.AppendUint32(nil, namesz)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(id)))
		b = binary.LittleEndian.AppendUint32(b, typ)
		return append(append(b, name...), id...)
	}
	for _, tc := range []struct {
		name string
		note []byte
		want string
	}{
		{"four parts", note(4, 4, "Go\x00\x00", "a/b/c/d"), "d"},
		{"two parts", note(4, 4, "Go\x00\x00", "a/b"), "b"},
		{"one part", note(4, 4, "Go\x00\x00", "abc"), ""},
		{"empty last part", note(4, 4, "Go\x00\x00", "a/"), ""},
		{"another type", note(4, 3, "Go\x00\x00", "a/b"), ""},
		{"another name", note(4, 4, "GNU\x00", "a/b"), ""},
		{"truncated", note(4, 4, "Go\x00\x00", "a/b")[:18], ""},
		{"short", []byte("Go"), ""},
	} {
		if got := noteBuildID(tc.note, binary.LittleEndian); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
