// Package tomlpos finds where keys and values are in TOML source.
//
// BurntSushi/toml decodes a document but does not export key positions.
// Locate scans text that the decoder has already accepted and records, for
// every key and value, its line and column. A decoder walks the recorded
// keys with a Path beside the value it decodes: Root, then Child for a key
// and Elem for an array element, so that no path is written out.
//
// Paths can also be written as strings, such as `communes[3].insee` or
// `member[2].address.commune`, for Find and Paths. They join keys with "."
// and write array indices as "[N]" (0-based). A key made only of
// A-Za-z0-9_- is written bare; any other key is written as a double-quoted
// string, with `"` and `\` escaped and control characters written as TOML
// escapes: `"a.b".c`. Join and Elem build paths this way.
//
// The scanner is exact on valid TOML (1.0, and the 1.1 additions that
// BurntSushi accepts: newlines and trailing commas in inline tables, \e and
// \xHH escapes). On invalid input it is lenient: it never panics and always
// terminates, but the positions it returns may be meaningless.
package tomlpos

import (
	"slices"
	"strconv"
	"sync"
)

// Pos is a position in the source. Line and Col start at 1; Col counts runes
// (a "é" is one column, a leading byte order mark is none); Offset is the
// byte offset in the source given to Locate.
type Pos struct{ Line, Col, Offset int }

// Index holds the positions of the keys and values of one document. It is
// immutable once built; its methods are safe for concurrent use.
type Index struct {
	nodes    []node         // nodes[0] is the document itself
	children map[link]int32 // the node of each key and element, by its parent
	// redefined is set when a key is defined twice: invalid TOML that the
	// decoder accepts in some cases, where positions are of the first
	// definition and values may be of the last.
	redefined bool

	once   sync.Once
	byPath map[string]int32 // written path -> node, made by Find or Paths
	paths  []string         // written path of each node
}

// node is what is known about one key or array element. A node is made
// before its first position is recorded; one that never gets a position
// (a value nested too deep) counts as not recorded.
type node struct {
	parent         int32
	elem           int32  // index of an array element; -1 for a key
	key            string // the key, unescaped; "" for an element
	keyPos, valPos place
	tables         int32 // for an array of tables: the elements seen so far
	implicit       bool  // key position comes from a header prefix or a dotted key prefix
}

func (n *node) hasKey() bool   { return n.keyPos.off >= 0 }
func (n *node) hasVal() bool   { return n.valPos.off >= 0 }
func (n *node) recorded() bool { return n.hasKey() || n.hasVal() }

// place is a Pos in less room, as an index holds two per key: lines and
// columns are kept in 32 bits. off is -1 for no position.
type place struct {
	off       int
	line, col int32
}

func (p place) Pos() Pos { return Pos{Line: int(p.line), Col: int(p.col), Offset: p.off} }

var none = place{off: -1}

// link names a node by its parent: a key, or an array element.
type link struct {
	parent, elem int32
	key          string
}

// Path is a place in an Index, reached from Root by keys and array
// elements: the node of the path walked, or, when that path is not
// recorded, its nearest recorded ancestor. The zero Path knows nothing.
type Path struct {
	ix    *Index
	n     int32
	exact bool // n is the node of the path walked, not an ancestor
}

// Root returns the Path of the document, under which every key is.
func (ix *Index) Root() Path {
	if ix == nil {
		return Path{}
	}
	return Path{ix: ix, exact: true}
}

// Child returns the Path of key (as decoded, without quotes) inside the
// table at p.
func (p Path) Child(key string) Path { return p.down(link{parent: p.n, elem: -1, key: key}) }

// Elem returns the Path of element i of the array at p.
func (p Path) Elem(i int) Path {
	if i < 0 || i > 1<<31-1 {
		p.exact = false
		return p
	}
	return p.down(link{parent: p.n, elem: int32(i)})
}

func (p Path) down(l link) Path {
	if !p.exact {
		return p
	}
	if n, ok := p.ix.children[l]; ok {
		return Path{ix: p.ix, n: n, exact: true}
	}
	p.exact = false
	return p
}

// Key returns where the key of p starts. For a table or an array of tables
// defined by a header, it is the header's opening bracket. For a dotted key
// `a.b.c = 1`, the paths a, a.b and a.b.c all point at the `a`.
func (p Path) Key() (Pos, bool) {
	if !p.exact || p.ix == nil || !p.ix.nodes[p.n].hasKey() {
		return Pos{}, false
	}
	return p.ix.nodes[p.n].keyPos.Pos(), true
}

// Value returns where the value of p starts: its opening quote, bracket or
// brace, or its first character. Tables defined by headers have no value
// position, only a key position.
func (p Path) Value() (Pos, bool) {
	if !p.exact || p.ix == nil || !p.ix.nodes[p.n].hasVal() {
		return Pos{}, false
	}
	return p.ix.nodes[p.n].valPos.Pos(), true
}

// Nearest returns Value, else Key, else the position of the nearest
// recorded ancestor of p (its key if it has one, else its value), else
// line 1, column 1. It is meant for diagnostics, including about keys that
// are missing.
func (p Path) Nearest() Pos {
	if p.ix == nil {
		return Pos{Line: 1, Col: 1}
	}
	n := p.n
	if p.exact {
		e := &p.ix.nodes[n]
		if e.hasVal() {
			return e.valPos.Pos()
		}
		if e.hasKey() {
			return e.keyPos.Pos()
		}
		n = e.parent
	}
	for ; n > 0; n = p.ix.nodes[n].parent {
		if e := &p.ix.nodes[n]; e.hasKey() {
			return e.keyPos.Pos()
		} else if e.hasVal() {
			return e.valPos.Pos()
		}
	}
	return Pos{Line: 1, Col: 1}
}

// Find returns the Path of a path written as a string. A path is exact: it
// must be written as Join and Elem write it (`"bare"` is not `bare`).
func (ix *Index) Find(path string) Path {
	if ix == nil {
		return Path{}
	}
	ix.writePaths()
	exact := true
	for {
		if n, ok := ix.byPath[path]; ok {
			return Path{ix: ix, n: n, exact: exact}
		}
		exact = false
		var ok bool
		if path, ok = parent(path); !ok {
			return Path{ix: ix}
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
	ix.writePaths()
	var order []int
	for i := range ix.nodes {
		if ix.nodes[i].recorded() {
			order = append(order, i)
		}
	}
	first := func(i int) int {
		if e := &ix.nodes[i]; e.hasKey() {
			return e.keyPos.off
		}
		return ix.nodes[i].valPos.off
	}
	slices.SortStableFunc(order, func(a, b int) int { return first(a) - first(b) })
	paths := make([]string, len(order))
	for i, j := range order {
		paths[i] = ix.paths[j]
	}
	return paths
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
