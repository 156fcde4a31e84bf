package listing

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cpts-fr/cpts/generator/archetype"
)

// File is one file of the content tree an import writes.
type File struct {
	Path string // relative to the site folder, with slashes
	Data []byte
}

// Files returns the content files of the CPTS, sorted by path:
// content/cpts/<slug>/index.md, and communes.toml and contacts.toml when
// there is something to put in them. source names the listing in the
// files' comments.
func (r *Result) Files(source string) []File {
	var out []File
	for _, c := range r.CPTS {
		dir := "content/cpts/" + c.Slug + "/"
		out = append(out, File{dir + "index.md", indexFile(c, source)})
		if len(c.Communes) > 0 {
			out = append(out, File{dir + "communes.toml", communesFile(c, source)})
		}
		if len(c.Emails)+len(c.Phones) > 0 {
			out = append(out, File{dir + "contacts.toml", contactsFile(c)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

func indexFile(c *CPTS, source string) []byte {
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "# Imported from %s, row %d.\n", commentSafe(source), c.Source.Line)
	fmt.Fprintf(&b, "name = %s\n", archetype.Quote(c.Name))
	if c.ShortName != "" {
		fmt.Fprintf(&b, "short_name = %s\n", archetype.Quote(c.ShortName))
	}
	if c.Status != "" {
		fmt.Fprintf(&b, "status = %s\n", archetype.Quote(string(c.Status)))
	}
	if c.Population > 0 {
		fmt.Fprintf(&b, "declared_population = %d\n", c.Population)
	}
	if len(c.Communes) == 0 && len(c.Departements) > 0 {
		parts := make([]string, len(c.Departements))
		for i, d := range c.Departements {
			parts[i] = archetype.Quote(d)
		}
		fmt.Fprintf(&b, "departements = [%s]\n", strings.Join(parts, ", "))
	}
	if c.Association != "" {
		fmt.Fprintf(&b, "association = %s\n", archetype.Quote(c.Association))
	}
	if c.Website != "" {
		fmt.Fprintf(&b, "website = %s\n", archetype.Quote(c.Website))
	}
	b.WriteString("+++\n")
	return []byte(b.String())
}

func communesFile(c *CPTS, source string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Imported from %s.\ncommunes = [\n", commentSafe(source))
	for _, com := range c.Communes {
		if com.Partial || com.Note != "" {
			fmt.Fprintf(&b, "  { insee = %s", archetype.Quote(com.Code))
			if com.Partial {
				b.WriteString(", partial = true")
			}
			if com.Note != "" {
				fmt.Fprintf(&b, ", note = %s", archetype.Quote(com.Note))
			}
			b.WriteString(" },")
		} else {
			fmt.Fprintf(&b, "  %s,", archetype.Quote(com.Code))
		}
		fmt.Fprintf(&b, " # %s\n", commentSafe(com.Name))
	}
	b.WriteString("]\n")
	return []byte(b.String())
}

func contactsFile(c *CPTS) []byte {
	var b strings.Builder
	n := max(len(c.Emails), len(c.Phones))
	for i := range n {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("[[contact]]\nlabel = \"Contact\"\n")
		if i < len(c.Emails) {
			fmt.Fprintf(&b, "email = %s\n", archetype.Quote(c.Emails[i]))
		}
		if i < len(c.Phones) {
			fmt.Fprintf(&b, "phone = %s\n", archetype.Quote(c.Phones[i]))
		}
	}
	return []byte(b.String())
}

// commentSafe keeps a value on the line of a TOML comment.
func commentSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}
