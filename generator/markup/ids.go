package markup

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"

	"github.com/cpts-fr/cpts/generator/fold"
)

// headingIDs makes the ids of a document's headings from their text as
// slugs are made (fold.Slug): "Notre projet de santé" gets
// "notre-projet-de-sante", where goldmark's own ids drop every letter
// outside ASCII ("notre-projet-de-sant"). A repeated id gets -1, -2...
// as goldmark does. One value serves one document (parser.IDs).
type headingIDs map[string]bool

// newParseContext returns the parser context of one document.
func newParseContext() parser.Context {
	return parser.NewContext(parser.WithIDs(headingIDs{}))
}

// Generate returns a new id for an element of the given text.
func (ids headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := fold.Slug(string(value))
	if base == "" {
		base = "heading"
		if kind != ast.KindHeading {
			base = "id"
		}
	}
	id := base
	for i := 1; ids[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	ids[id] = true
	return []byte(id)
}

// Put records an id written by the author ({#id}), so that none is made
// twice.
func (ids headingIDs) Put(value []byte) { ids[string(value)] = true }
