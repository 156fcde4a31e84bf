// Package archetype writes the starting files of `cpts new` from archetype
// templates: the theme's archetypes/ folder, overridden file by file by the
// site's own archetypes/. It never overwrites a file.
package archetype

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"text/template"
)

// Data fills the archetype templates.
type Data struct {
	Slug  string // the new record's slug
	Title string // its title or name
	Date  string // today, as a TOML date: 2026-11-23
}

// File is one file to write, relative to the site folder.
type File struct {
	Path string
	Data []byte
}

// Expand renders the archetype at name ("news.md", or the folder "cpts")
// into files under target (a path relative to the site folder). A folder
// archetype gives one file per file in it.
func Expand(archetypes fs.FS, name, target string, data Data) ([]File, error) {
	info, err := fs.Stat(archetypes, name)
	if err != nil {
		return nil, fmt.Errorf("no archetype %q: %w", name, err)
	}
	var names []string
	if info.IsDir() {
		entries, err := fs.ReadDir(archetypes, name)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if !e.IsDir() {
				names = append(names, path.Join(name, e.Name()))
			}
		}
		sort.Strings(names)
	} else {
		names = []string{name}
	}
	var out []File
	for _, n := range names {
		src, err := fs.ReadFile(archetypes, n)
		if err != nil {
			return nil, err
		}
		t, err := template.New(n).Option("missingkey=error").Funcs(template.FuncMap{"quote": Quote}).Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("archetypes/%v", strings.TrimPrefix(err.Error(), "template: "))
		}
		var b bytes.Buffer
		if err := t.Execute(&b, data); err != nil {
			return nil, err
		}
		p := target
		if info.IsDir() {
			p = path.Join(target, path.Base(n))
		}
		out = append(out, File{Path: p, Data: b.Bytes()})
	}
	return out, nil
}

// ErrExists is returned by Write when a file is already there.
var ErrExists = errors.New("already exists")

// Write creates the files under root. It checks first that none exists,
// so it writes all of them or none.
func Write(root string, files []File) error {
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if _, err := os.Lstat(p); err == nil {
			return fmt.Errorf("%s: %w (cpts new never overwrites)", f.Path, ErrExists)
		}
	}
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Quote writes s as a TOML basic string, dropping control characters.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
