// Package output holds the files a build produces, minifies them by media
// type, names assets by content hash, and publishes them: to a folder,
// built aside and swapped in atomically, or to memory for the dev server.
package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"
)

// File is one output file. Path is slash-separated, relative to the site
// root, without a leading slash ("cpts/pays-de-lunel/index.html").
type File struct {
	Path string
	Data []byte
}

// ErrDuplicate is wrapped by the error of Add for a path added twice.
var ErrDuplicate = errors.New("produced twice")

// Set is the output of a build, keyed by path. A set made by NewSet keeps
// the files in memory; one made by NewStage writes each file into a
// staging folder as it is added and keeps only its size, so a build's
// memory does not grow with its output. A set is safe for concurrent use.
type Set struct {
	mu    sync.RWMutex
	files *table
	stage *stage    // nil for a set in memory
	min   *Minifier // minifies files as they are added; nil keeps them as given
	see   func(p string, data []byte)
	// changes is how the committed build compared with the site it replaced.
	changes Changes
}

// entry is one file: its content in memory, or only its size on disk.
type entry struct {
	data    []byte
	size    int64
	verdict verdict // of a staged file
}

// NewSet returns an empty set in memory.
func NewSet() *Set { return &Set{files: newTable()} }

// MinifyWith makes Add and Replace minify every file by its type (see
// Minifier) before storing it, so that pages are minified by the goroutine
// that made them; nil stops minifying.
func (s *Set) MinifyWith(m *Minifier) { s.min = m }

// InspectWith makes Add and Replace call f with each file as stored
// (minified), from the goroutine that adds it, so that a check can read
// the pages while they are in memory instead of reading the site back. f
// must not change or keep data; it may be called concurrently.
func (s *Set) InspectWith(f func(p string, data []byte)) { s.see = f }

// Add stores a file; adding the same path twice is an error (wrapping
// ErrDuplicate), since two pages would overwrite each other.
func (s *Set) Add(p string, data []byte) error { return s.add(p, data, true) }

// AddCompact is Add for data its maker wrote as compact as the minifier
// would (the search index's JSON): the minifier does not read it again.
func (s *Set) AddCompact(p string, data []byte) error { return s.add(p, data, false) }

func (s *Set) add(p string, data []byte, minify bool) error {
	p, err := cleanPath(p)
	if err != nil {
		return err
	}
	if minify {
		if data, err = s.minify(p, data); err != nil {
			return err
		}
	}
	if err := s.claim(p, data); err != nil {
		return err
	}
	s.inspect(p, data)
	return s.write(p, data, nil, false)
}

// AddTransient is Add for data that the caller reuses once it returns (a
// page in a pooled buffer): the set keeps a copy, or, on disk, the
// minified file in a buffer of its own until it is written. A build's
// pages then cost no allocation of their size. minified says that data
// needs no minifier (a page made of squeezed text, see SqueezeHTML).
func (s *Set) AddTransient(p string, data []byte, minified bool) error {
	p, err := cleanPath(p)
	if err != nil {
		return err
	}
	buf := GetBuffer()
	if s.min != nil && !minified {
		err = s.min.MinifyTo(buf, p, data)
	} else {
		buf.Write(data)
	}
	if err != nil {
		PutBuffer(buf)
		return err
	}
	kept := buf.Bytes()
	if s.stage == nil {
		kept = bytes.Clone(kept)
		PutBuffer(buf)
		buf = nil
	}
	if err := s.claim(p, kept); err != nil {
		PutBuffer(buf)
		return err
	}
	s.inspect(p, kept)
	return s.write(p, kept, buf, false)
}

func cleanPath(p string) (string, error) {
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if p == "" || p == "." {
		return "", fmt.Errorf("output: empty path")
	}
	return p, nil
}

// claim records a new file, or fails for a path already taken.
func (s *Set) claim(p string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.files.has(p) {
		return fmt.Errorf("output: %s is %w", p, ErrDuplicate)
	}
	s.files.set(p, s.entry(data))
	return nil
}

// Replace changes the content of a file, or adds it.
func (s *Set) Replace(p string, data []byte) error {
	p = strings.TrimPrefix(p, "/")
	data, err := s.minify(p, data)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.files.set(p, s.entry(data))
	s.mu.Unlock()
	s.inspect(p, data)
	return s.write(p, data, nil, true)
}

func (s *Set) inspect(p string, data []byte) {
	if s.see != nil {
		s.see(p, data)
	}
}

func (s *Set) minify(p string, data []byte) ([]byte, error) {
	if s.min == nil {
		return data, nil
	}
	return s.min.Minify(p, data)
}

func (s *Set) entry(data []byte) entry {
	if s.stage != nil {
		return entry{size: int64(len(data))}
	}
	return entry{data: data, size: int64(len(data))}
}

// write hands data to the stage, if any; buf, when not nil, holds data
// and goes back to the pool once it is written. again is set for a write
// that may follow another of the same path (Replace).
func (s *Set) write(p string, data []byte, buf *bytes.Buffer, again bool) error {
	if s.stage == nil {
		return nil
	}
	return s.stage.enqueue(p, data, buf, again)
}

// Get returns a file's content (read back from the staging folder for a
// set on disk).
func (s *Set) Get(p string) ([]byte, bool) {
	p = strings.TrimPrefix(p, "/")
	s.mu.RLock()
	e, ok := s.files.get(p)
	s.mu.RUnlock()
	if !ok || s.stage == nil {
		return e.data, ok
	}
	data, err := s.stage.read(p)
	return data, err == nil
}

// Has reports whether the set holds a file at p.
func (s *Set) Has(p string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.files.has(strings.TrimPrefix(p, "/"))
}

// Answers reports whether a site path ("/cpts/x/", "/img/a.png") is
// answered by a file of the set: the file itself, or its folder's
// index.html.
func (s *Set) Answers(p string) bool {
	p = strings.TrimPrefix(path.Clean(p), "/")
	if p == "" || p == "." {
		return s.Has("index.html")
	}
	return s.Has(p) || s.Has(p+"/index.html")
}

// Paths returns every path, sorted.
func (s *Set) Paths() []string {
	s.mu.RLock()
	out := make([]string, 0, s.files.len())
	for p := range s.files.all() {
		out = append(out, p)
	}
	s.mu.RUnlock()
	sort.Strings(out)
	return out
}

// Len is the number of files.
func (s *Set) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.files.len()
}

// Bytes is the total size of the files.
func (s *Set) Bytes() int64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var n int64
	for _, e := range s.files.all() {
		n += e.size
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
	pa, pb := a.Paths(), b.Paths()
	if len(pa) != len(pb) {
		return false
	}
	for i, p := range pa {
		if pb[i] != p {
			return false
		}
		da, _ := a.Get(p)
		db, _ := b.Get(p)
		if !bytes.Equal(da, db) {
			return false
		}
	}
	return true
}

// Remove takes a file out of a set in memory (a page an edit unpublished);
// it reports whether the set had it.
func (s *Set) Remove(p string) bool {
	p = strings.TrimPrefix(p, "/")
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.files.remove(p)
}

// Clone returns a set in memory holding the same files, that can be
// changed without changing s, and that does not minify. The contents of a set in memory are shared,
// not copied; those of a set on disk are read back.
func (s *Set) Clone() *Set {
	if s.stage == nil {
		s.mu.RLock()
		defer s.mu.RUnlock()
		return &Set{files: s.files.clone()} // copies the table, without hashing again
	}
	c := NewSet()
	for _, p := range s.Paths() {
		data, _ := s.Get(p)
		c.files.set(p, entry{data: data, size: int64(len(data))})
	}
	return c
}
