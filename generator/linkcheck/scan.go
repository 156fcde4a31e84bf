package linkcheck

import (
	"bytes"
	"strings"
)

// kind is what an attribute holds for the check.
type kind uint8

const (
	other  kind = iota
	id          // id, or the name of an a element
	link        // href, src, action
	srcset      // links, each with its width or density
)

// scan calls f with the kind and the value, as written, of every
// attribute holding a link or an id, of every start tag of an HTML
// document, inline SVG included; comments and the text of script and
// style elements are skipped. It reads what html/template and the
// minifier write: quoted or unquoted values, no unclosed tags. Names are
// matched in any case, without copying them.
func scan(doc []byte, f func(k kind, raw []byte)) {
	for i := 0; i < len(doc); {
		if doc[i] != '<' { // a tag often follows another
			lt := bytes.IndexByte(doc[i:], '<')
			if lt < 0 {
				return
			}
			i += lt
		}
		i++
		if i+2 < len(doc) && doc[i] == '!' && doc[i+1] == '-' && doc[i+2] == '-' {
			end := bytes.Index(doc[i:], []byte("-->"))
			if end < 0 {
				return
			}
			i += end + 3
			continue
		}
		if i >= len(doc) || !isLetter(doc[i]) {
			continue // an end tag, a doctype, or a "<" in text
		}
		start := i
		for i < len(doc) && class[doc[i]]&(space|gt|slash) == 0 {
			i++
		}
		tag := doc[start:i]
		i = attributes(doc, i, len(tag) == 1 && tag[0]|0x20 == 'a', f)
		if raw := rawText(tag); raw != "" {
			end := indexEndTag(doc[i:], raw)
			if end < 0 {
				return
			}
			i += end
		}
	}
}

// attributes reads the attributes of a tag from doc[i:] up to its ">",
// and returns the index after it; anchor tells an a element, whose name
// is an id.
func attributes(doc []byte, i int, anchor bool, f func(kind, []byte)) int {
	for i < len(doc) {
		for i < len(doc) && class[doc[i]]&(space|slash) != 0 {
			i++
		}
		if i >= len(doc) || doc[i] == '>' {
			return i + 1
		}
		start := i
		for i < len(doc) && class[doc[i]]&(space|eq|gt|slash) == 0 {
			i++
		}
		k := keyKind(doc[start:i], anchor)
		if i >= len(doc) || doc[i] != '=' {
			if k != other {
				f(k, nil)
			}
			continue
		}
		i++
		var val []byte
		if i < len(doc) && (doc[i] == '"' || doc[i] == '\'') {
			q := doc[i]
			end := bytes.IndexByte(doc[i+1:], q)
			if end < 0 {
				return len(doc)
			}
			val, i = doc[i+1:i+1+end], i+end+2
		} else {
			start := i
			for i < len(doc) && class[doc[i]]&(space|gt) == 0 {
				i++
			}
			val = doc[start:i]
		}
		if k != other {
			f(k, val)
		}
	}
	return i
}

// keyKind returns what the attribute named key holds, its name in any
// case. ASCII letters alone fold to the letters of these names
// (c|0x20 is a lower-case letter only for a letter), and no other
// character lowers to one of them.
func keyKind(key []byte, anchor bool) kind {
	if len(key) < 2 || len(key) > 6 {
		return other
	}
	var b [6]byte
	for i, c := range key {
		b[i] = c | 0x20
	}
	switch string(b[:len(key)]) {
	case "id":
		return id
	case "name":
		if anchor {
			return id
		}
	case "href", "src", "action":
		return link
	case "srcset":
		return srcset
	}
	return other
}

// rawText returns the name, in lower case, of an element whose text is
// not HTML (script, style), from its tag in any case, or "".
func rawText(tag []byte) string {
	for _, name := range []string{"script", "style"} {
		if len(tag) == len(name) && equalFold(tag, name) {
			return name
		}
	}
	return ""
}

// indexEndTag returns the index of the first "</tag" of doc, in any case,
// or -1.
func indexEndTag(doc []byte, tag string) int {
	for i := 0; ; {
		j := bytes.Index(doc[i:], []byte("</"))
		if j < 0 {
			return -1
		}
		i += j
		if rest := doc[i+2:]; len(rest) >= len(tag) && strings.EqualFold(string(rest[:len(tag)]), tag) {
			return i
		}
		i += 2
	}
}

// equalFold reports whether b is name, a lower-case ASCII word, in any
// case.
func equalFold(b []byte, name string) bool {
	for i, c := range b {
		if c|0x20 != name[i] {
			return false
		}
	}
	return true
}

// The classes of the bytes that end names and values.
const (
	space = 1 << iota
	eq
	gt
	slash
)

var class = [256]uint8{' ': space, '\t': space, '\n': space, '\r': space, '\f': space, '=': eq, '>': gt, '/': slash}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
