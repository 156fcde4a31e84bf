package linkcheck

import (
	"bytes"
	"html"
	"strings"
)

// attr is an attribute of a start tag, its value as written.
type attr struct {
	tag, key string
	raw      []byte
}

// value returns the attribute's value, unescaped.
func (a attr) value() string { return html.UnescapeString(string(a.raw)) }

// scan calls f with every attribute of every start tag of an HTML
// document, inline SVG included; comments and the text of script and
// style elements are skipped. It reads what html/template and the
// minifier write: quoted or unquoted values, no unclosed tags.
func scan(doc []byte, f func(attr)) {
	for i := 0; i < len(doc); {
		lt := bytes.IndexByte(doc[i:], '<')
		if lt < 0 {
			return
		}
		i += lt + 1
		if bytes.HasPrefix(doc[i:], []byte("!--")) {
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
		for i < len(doc) && !isSpace(doc[i]) && doc[i] != '>' && doc[i] != '/' {
			i++
		}
		tag := lower(doc[start:i])
		i = attributes(doc, i, tag, f)
		if tag == "script" || tag == "style" {
			end := indexEndTag(doc[i:], tag)
			if end < 0 {
				return
			}
			i += end
		}
	}
}

// attributes reads the attributes of a tag from doc[i:] up to its ">",
// and returns the index after it.
func attributes(doc []byte, i int, tag string, f func(attr)) int {
	for i < len(doc) {
		for i < len(doc) && (isSpace(doc[i]) || doc[i] == '/') {
			i++
		}
		if i >= len(doc) || doc[i] == '>' {
			return i + 1
		}
		start := i
		for i < len(doc) && !isSpace(doc[i]) && doc[i] != '=' && doc[i] != '>' && doc[i] != '/' {
			i++
		}
		key := lower(doc[start:i])
		if i >= len(doc) || doc[i] != '=' {
			f(attr{tag, key, nil})
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
			for i < len(doc) && !isSpace(doc[i]) && doc[i] != '>' {
				i++
			}
			val = doc[start:i]
		}
		f(attr{tag, key, val})
	}
	return i
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

// lower returns b in lower case; the usual names, already in lower case,
// are not copied twice.
func lower(b []byte) string {
	for _, c := range b {
		if c >= 'A' && c <= 'Z' {
			return strings.ToLower(string(b))
		}
	}
	return string(b)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
