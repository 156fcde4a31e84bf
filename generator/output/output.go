// Package output holds the files a build produces, minifies them by media
// type, names assets by content hash, and publishes them: to a folder,
// built aside and swapped in atomically, or to memory for the dev server.
package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"path"
	"sort"
	"strings"
)

// File is one output file. Path is slash-separated, relative to the site
// root, without a leading slash ("cpts/pays-de-lunel/index.html").
type File struct {
	Path string
	Data []byte
}

// Set is the output of a build, keyed by path.
type Set struct {
	files map[string][]byte
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{files: map[string][]byte{}} }

// Add stores a file; adding the same path twice is an error, since two
// pages would overwrite each other.
func (s *Set) Add(p string, data []byte) error {
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if p == "" || p == "." {
		return fmt.Errorf("output: empty path")
	}
	if _, dup := s.files[p]; dup {
		return fmt.Errorf("output: %s is produced twice", p)
	}
	s.files[p] = data
	return nil
}

// Get returns a file's content.
func (s *Set) Get(p string) ([]byte, bool) {
	d, ok := s.files[strings.TrimPrefix(p, "/")]
	return d, ok
}

// Has reports whether the set holds a file at p.
func (s *Set) Has(p string) bool { _, ok := s.files[strings.TrimPrefix(p, "/")]; return ok }

// Paths returns every path, sorted.
func (s *Set) Paths() []string {
	out := make([]string, 0, len(s.files))
	for p := range s.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Len is the number of files.
func (s *Set) Len() int { return len(s.files) }

// Bytes is the total size of the files.
func (s *Set) Bytes() int64 {
	var n int64
	for _, d := range s.files {
		n += int64(len(d))
	}
	return n
}

// Fingerprint returns name with a short content hash before its
// extension: "css/site.css" -> "css/site.3f2a9c1d.css".
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:])[:10]
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + h + ext
}

// Equal reports whether two sets hold the same files byte for byte.
func Equal(a, b *Set) bool {
	if a.Len() != b.Len() {
		return false
	}
	for p, d := range a.files {
		if e, ok := b.files[p]; !ok || !bytes.Equal(d, e) {
			return false
		}
	}
	return true
}

// Replace changes the content of an existing file.
func (s *Set) Replace(p string, data []byte) { s.files[strings.TrimPrefix(p, "/")] = data }

// Clone returns a copy of the set that can be changed without changing s
// (the file contents are shared, not copied).
func (s *Set) Clone() *Set {
	return &Set{files: maps.Clone(s.files)} // copies the table, without hashing again
}
