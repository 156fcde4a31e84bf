package feeds

import (
	"bytes"
	"unicode/utf8"
)

// xmlWriter writes an XML document element by element, escaping only what
// XML requires: in text, & < and > (and the carriage return, which a
// parser would drop); in attribute values, also " and the white space a
// parser would turn into spaces. A character XML 1.0 does not allow
// becomes U+FFFD, as encoding/xml writes it. With indent, each element
// starts a line, indented by its depth.
type xmlWriter struct {
	b      bytes.Buffer
	indent bool
	depth  int
	opened bool // the last tag written is a start tag
}

// open writes a start tag; attrs are name, value pairs.
func (w *xmlWriter) open(name string, attrs ...string) {
	w.newLine()
	w.tag(name, attrs)
	w.b.WriteByte('>')
	w.depth++
	w.opened = true
}

// close writes the end tag of the element open opened.
func (w *xmlWriter) close(name string) {
	w.depth--
	if !w.opened {
		w.newLine()
	}
	w.b.WriteString("</")
	w.b.WriteString(name)
	w.b.WriteByte('>')
	w.opened = false
}

// leaf writes an element of text only, or an empty element tag when
// text is empty.
func (w *xmlWriter) leaf(name, text string, attrs ...string) {
	w.newLine()
	w.tag(name, attrs)
	if text == "" {
		w.b.WriteString("/>")
	} else {
		w.b.WriteByte('>')
		w.escape(text, false)
		w.b.WriteString("</")
		w.b.WriteString(name)
		w.b.WriteByte('>')
	}
	w.opened = false
}

func (w *xmlWriter) tag(name string, attrs []string) {
	w.b.WriteByte('<')
	w.b.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.b.WriteByte(' ')
		w.b.WriteString(attrs[i])
		w.b.WriteString(`="`)
		w.escape(attrs[i+1], true)
		w.b.WriteByte('"')
	}
}

func (w *xmlWriter) newLine() {
	if !w.indent {
		return
	}
	w.b.WriteByte('\n')
	for range w.depth {
		w.b.WriteByte(' ')
	}
}

// escape writes s as XML text, or as an attribute value.
func (w *xmlWriter) escape(s string, attr bool) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		size := 1
		switch {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '\r':
			esc = "&#13;"
		case attr && c == '"':
			esc = "&#34;"
		case attr && c == '\n':
			esc = "&#10;"
		case attr && c == '\t':
			esc = "&#9;"
		case c < utf8.RuneSelf:
			if c < 0x20 && c != '\n' && c != '\t' {
				esc = "\uFFFD"
			}
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
				esc = "\uFFFD"
			}
		}
		if esc != "" {
			w.b.WriteString(s[last:i])
			w.b.WriteString(esc)
			last = i + size
		}
		i += size
	}
	w.b.WriteString(s[last:])
}
