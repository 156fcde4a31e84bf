package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// source is the shared data folder, seen from this package's directory.
const source = "../../../../../shared/data"

// TestCommittedData regenerates the data and compares it with the files
// committed in generator/geo/data. It is skipped when the shared data
// folder is not there.
func TestCommittedData(t *testing.T) {
	if _, err := os.Stat(filepath.Join(source, "communes.csv")); err != nil {
		t.Skip("no shared data folder:", err)
	}
	out := t.TempDir()
	if err := run(source, out); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(out, "*"))
	if err != nil || len(files) != 5 {
		t.Fatalf("generated %v, %v; want 5 files", files, err)
	}
	for _, f := range files {
		got, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("../../data", filepath.Base(f)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the committed file: run go generate ./generator/geo", filepath.Base(f))
		}
	}
}

func TestCompress(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789abcdef\n"), 1000)
	tests := []struct {
		size, members int
	}{
		{1 << 20, 1},
		{17 * 500, 2},
		{17*500 - 1, 2},
		{17*500 + 1, 2},
		{17 * 100, 10},
	}
	for _, tt := range tests {
		z, err := compress(data, tt.size)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := compress(data, tt.size)
		if !bytes.Equal(z, again) {
			t.Errorf("size %d: output differs between runs", tt.size)
		}
		src := bytes.NewReader(z) // an io.ByteReader: gzip stops at the end of a member
		zr, err := gzip.NewReader(src)
		if err != nil {
			t.Fatal(err)
		}
		members := 0
		var all bytes.Buffer
		for {
			zr.Multistream(false)
			b, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			if len(b) == 0 || b[len(b)-1] != '\n' {
				t.Errorf("size %d: member %d does not end a line", tt.size, members)
			}
			if zr.Header.Name != "" || !zr.Header.ModTime.IsZero() {
				t.Errorf("size %d: header %+v, want empty", tt.size, zr.Header)
			}
			all.Write(b)
			members++
			if err := zr.Reset(src); err == io.EOF {
				break
			} else if err != nil {
				t.Fatal(err)
			}
		}
		if members != tt.members || !bytes.Equal(all.Bytes(), data) {
			t.Errorf("size %d: %d members, want %d; round trip equal: %v", tt.size, members, tt.members, bytes.Equal(all.Bytes(), data))
		}
	}
}
