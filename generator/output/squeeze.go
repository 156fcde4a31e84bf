package output

import "bytes"

// SqueezeHTML appends to dst the HTML fragment src without the line
// breaks and indentation that HTML does not render: a run of white space
// that holds a line break is removed next to the tag of a block element
// (`</li>\n<li>`), where it does not render, and becomes one line break
// elsewhere, since between inline elements or words it renders as one
// space. Runs without
// a line break are spaces written on purpose and kept. The content of pre,
// textarea, script and style elements is copied as it is, to the end of
// src if their end tag is missing.
//
// Render squeezes its templates' text and the HTML of Markdown once, so
// that pages need no minifier: the result is what the HTML minifier makes
// of the same white space.
func SqueezeHTML(dst, src []byte) []byte {
	if dst == nil {
		dst = make([]byte, 0, len(src))
	}
	var tag, quote byte // tag: in a tag; quote: in a quoted attribute value
	var name []byte     // of the tag being read, as written
	closed := -1        // where the last tag ended ('>'), and its name
	var closedName []byte
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case quote != 0: // up to the closing quote, kept as it is
			k := bytes.IndexByte(src[i:], quote)
			if k < 0 {
				return append(dst, src[i:]...)
			}
			dst = append(dst, src[i:i+k+1]...)
			i, quote = i+k+1, 0
			continue
		case tag != 0: // white space in a tag is kept as it is
			k := i
			for k < len(src) && src[k] != '>' && !startsValue(src, k) {
				k++
			}
			if k == len(src) {
				return append(dst, src[i:]...)
			}
			dst = append(dst, src[i:k+1]...)
			if src[k] == '>' {
				tag, closed, closedName = 0, k, name
			} else {
				quote = src[k]
			}
			i = k + 1
			continue
		case c == '<' && i+1 < len(src) && (isNameByte(src[i+1]) || src[i+1] == '/' || src[i+1] == '!'):
			name = tagName(src[i:])
			if end := rawEnd(src[i:], name); end != "" {
				k := indexEndTag(src[i:], end)
				if k < 0 {
					return append(dst, src[i:]...)
				}
				dst = append(dst, src[i:i+k]...)
				i += k
				continue
			}
			tag = c
			dst = append(dst, c)
			i++
			continue
		case !isSpace(c): // text, up to the next tag or white space
			k := i + 1
			for k < len(src) && src[k] != '<' && !isSpace(src[k]) {
				k++
			}
			dst = append(dst, src[i:k]...)
			i = k
			continue
		}
		j := i
		for j < len(src) && isSpace(src[j]) {
			j++
		}
		run := src[i:j]
		afterBlock := closed == i-1 && isBlock(closedName)
		beforeBlock := j < len(src) && src[j] == '<' && isBlock(tagName(src[j:]))
		switch {
		case bytes.IndexByte(run, '\n') < 0:
			dst = append(dst, run...)
		case afterBlock || beforeBlock:
		default:
			dst = append(dst, '\n')
		}
		i = j
	}
	return dst
}

// startsValue reports whether src[k] opens a quoted attribute value: a
// quote after an equals sign and white space, as HTML reads it. A quote
// elsewhere in a tag (<a "=x">) is part of a name or of an unquoted value.
func startsValue(src []byte, k int) bool {
	if src[k] != '"' && src[k] != '\'' {
		return false
	}
	j := k - 1
	for j >= 0 && isSpace(src[j]) {
		j--
	}
	return j >= 0 && src[j] == '='
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// rawEnd returns the start of the end tag ("</pre") of the raw text
// element (pre, textarea, script, style) whose start tag begins s, named
// name, or "".
func rawEnd(s, name []byte) string {
	if len(s) > 1 && s[1] == '/' {
		return ""
	}
	for _, end := range [...]string{"</pre", "</textarea", "</script", "</style"} {
		if bytes.EqualFold(name, []byte(end[2:])) {
			return end
		}
	}
	return ""
}

// tagName returns the name of the tag that begins s ("<li" or "</li" give
// "li"), as written, or nil.
func tagName(s []byte) []byte {
	if len(s) < 2 || s[0] != '<' {
		return nil
	}
	s = s[1:]
	end := s[0] == '/'
	if end {
		s = s[1:]
	}
	n := 0
	for n < len(s) && n < 12 && isNameByte(s[n]) {
		n++
	}
	if n < len(s) && !isSpace(s[n]) && s[n] != '>' && !(s[n] == '/' && n+1 < len(s) && s[n+1] == '>') {
		return nil // "<li!x>" and "<li/x>" are no li, for the minifier
	}
	if end { // "</p 0>": an end tag with more than its name is text, for the minifier
		k := n
		for k < len(s) && isSpace(s[k]) {
			k++
		}
		if k < len(s) && s[k] != '>' {
			return nil
		}
	}
	return s[:n]
}

// isBlock reports whether name, in any case, is one of blockTags.
func isBlock(name []byte) bool {
	var lower [12]byte // tag names are cut at 12 bytes
	n := copy(lower[:], name)
	for i, c := range lower[:n] {
		if 'A' <= c && c <= 'Z' {
			lower[i] = c + 'a' - 'A'
		}
	}
	return blockTags[string(lower[:n])]
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// indexEndTag returns where the end tag end ("</pre") begins in s, or
// -1: the first match (of any case) whose name ends there, at white
// space, '>' or the end of s, as the minifier's tokenizer reads a tag
// name ("</pre0>" is another element's end tag), or at '/' but for pre
// ("</script/>" ends a script for the minifier, "</pre/>" no pre).
func indexEndTag(s []byte, end string) int {
	for at := 0; ; {
		k := indexFold(s[at:], end)
		if k < 0 {
			return -1
		}
		next := at + k + len(end)
		if next == len(s) || isSpace(s[next]) || s[next] == '>' || s[next] == '/' && end != "</pre" {
			return at + k
		}
		at = next
	}
}

// indexFold is bytes.Index for an ASCII lowercase needle, ignoring case.
func indexFold(s []byte, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		if bytes.EqualFold(s[i:i+len(needle)], []byte(needle)) {
			return i
		}
	}
	return -1
}

// blockTags are the elements around which white space does not render
// (the list of tdewolff/minify's HTML minifier), with the document's own.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true, "br": true,
	"caption": true, "col": true, "colgroup": true, "dd": true, "details": true, "dialog": true,
	"div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "head": true, "header": true, "hgroup": true, "hr": true, "html": true,
	"legend": true, "li": true, "link": true, "main": true, "menu": true, "meta": true, "nav": true,
	"noscript": true, "ol": true, "option": true, "p": true, "pre": true, "script": true,
	"section": true, "style": true, "summary": true, "table": true, "tbody": true, "td": true,
	"tfoot": true, "th": true, "thead": true, "title": true, "tr": true, "ul": true,
}
