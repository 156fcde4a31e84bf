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
// outside ASCII ("notre-projet-de-sant"). An id already taken, in the
// document or in reserved, gets -1, -2... as goldmark does. One value
// serves one document (parser.IDs).
type headingIDs struct {
	used     map[string]bool
	reserved map[string]bool // Options.ReservedIDs, shared by every document
}

// newParseContext returns the parser context of one document, whose
// headings will not take the reserved ids.
func (c *Converter) newParseContext() parser.Context {
	return parser.NewContext(parser.WithIDs(&headingIDs{used: map[string]bool{}, reserved: c.reserved}))
}

// Generate returns a new id for an element of the given text.
func (ids *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := fold.Slug(string(value))
	if base == "" {
		base = "heading"
		if kind != ast.KindHeading {
			base = "id"
		}
	}
	id := base
	for i := 1; ids.used[id] || ids.reserved[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	ids.used[id] = true
	return []byte(id)
}

// Put records an id written by the author ({#id}), so that none is made
// twice.
func (ids *headingIDs) Put(value []byte) { ids.used[string(value)] = true }
