package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no out", []string{"-scale", "small"}, 2, "", "usage: cpts-corpus"},
		{"unknown scale", []string{"-scale", "huge", "-out", dir + "/x"}, 2, "", `unknown scale "huge"`},
		{"unknown flag", []string{"-size", "small"}, 2, "", "flag provided but not defined"},
		{"small", []string{"-scale", "small", "-news", "20", "-out", dir + "/small"}, 0, "small: ", ""},
		{"not empty", []string{"-scale", "small", "-news", "0", "-out", dir + "/small"}, 1, "", "is not empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
					code, stdout.String(), stderr.String(), tt.code, tt.stdout, tt.stderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "small", "config.toml")); err != nil {
		t.Errorf("small corpus not written: %v", err)
	}
}
