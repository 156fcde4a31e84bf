// Package tomlpos finds where keys and values are in TOML source.
//
// BurntSushi/toml decodes a document but does not export key positions.
// Locate scans text that the decoder has already accepted and records, for
// every key and value, its line and column, under a path such as
// `communes[3].insee` or `member[2].address.commune`.
//
// Paths join keys with "." and write array indices as "[N]" (0-based). A key
// made only of A-Za-z0-9_- is written bare; any other key is written as a
// double-quoted string, with `"` and `\` escaped and control characters
// written as TOML escapes: `"a.b".c`. Join and Elem build paths this way.
//
// The scanner is exact on valid TOML (1.0, and the 1.1 additions that
// BurntSushi accepts: newlines and trailing commas in inline tables, \e and
// \xHH escapes). On invalid input it is lenient: it never panics and always
// terminates, but the positions it returns may be meaningless.
package tomlpos

import (
	"slices"
	"strconv"
)

// Pos is a position in the source. Line and Col start at 1; Col counts runes
// (a "é" is one column, a leading byte order mark is none); Offset is the
// byte offset in the source given to Locate.
type Pos struct{ Line, Col, Offset int }

// Index holds the positions of the keys and values of one document. It is
// immutable once built; its methods are safe for concurrent use.
type Index struct {
	byPath  map[string]int // path -> index in entries
	entries []entry
	// redefined is set when a key is defined twice: invalid TOML that the
	// decoder accepts in some cases, where positions are of the first
	// definition and values may be of the last.
	redefined bool
}

// entry is what is known about one path.
type entry struct {
	path     string
	key, val Pos
	hasKey   bool
	hasVal   bool
	implicit bool // key position comes from a header prefix or a dotted key prefix
}

// Key returns where the key of path starts. For a table or an array of
// tables defined by a header, it is the header's opening bracket. For a
// dotted key `a.b.c = 1`, the paths a, a.b and a.b.c all point at the `a`.
func (ix *Index) Key(path string) (Pos, bool) {
	e := ix.lookup(path)
	if e == nil || !e.hasKey {
		return Pos{}, false
	}
	return e.key, true
}

// Value returns where the value of path starts: its opening quote, bracket or
// brace, or its first character. Tables defined by headers have no value
// position, only a key position.
func (ix *Index) Value(path string) (Pos, bool) {
	e := ix.lookup(path)
	if e == nil || !e.hasVal {
		return Pos{}, false
	}
	return e.val, true
}

// Nearest returns Value(path), else Key(path), else the position of the
// nearest ancestor of path (its key if it has one, else its value), else
// line 1, column 1. It is meant for diagnostics, including about keys that
// are missing.
func (ix *Index) Nearest(path string) Pos {
	if p, ok := ix.Value(path); ok {
		return p
	}
	for {
		if p, ok := ix.Key(path); ok {
			return p
		}
		if p, ok := ix.Value(path); ok {
			return p
		}
		var ok bool
		if path, ok = parent(path); !ok {
			return Pos{Line: 1, Col: 1}
		}
	}
}

// Paths returns every recorded path in source order: by the position of the
// key, or of the value for array elements. Prefixes of a dotted key or header
// come before the full key.
func (ix *Index) Paths() []string {
	if ix == nil {
		return nil
	}
	order := make([]int, len(ix.entries))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return ix.entries[a].first() - ix.entries[b].first()
	})
	paths := make([]string, len(order))
	for i, j := range order {
		paths[i] = ix.entries[j].path
	}
	return paths
}

// first is the offset that orders the entry in Paths.
func (e *entry) first() int {
	if e.hasKey {
		return e.key.Offset
	}
	return e.val.Offset
}

func (ix *Index) lookup(path string) *entry {
	if ix == nil {
		return nil
	}
	i, ok := ix.byPath[path]
	if !ok {
		return nil
	}
	return &ix.entries[i]
}

// Join returns the path of key inside the table at path parent ("" for the
// root), quoting key if it is not a bare key.
func Join(parent, key string) string {
	return join(parent, segment(key))
}

// Elem returns the path of element i of the array at path parent.
func Elem(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}

func join(parent, seg string) string {
	if parent == "" {
		return seg
	}
	return parent + "." + seg
}
