package output

import "bytes"

// SqueezeHTML appends to dst the HTML fragment src without the line
// breaks and indentation that HTML does not render: a run of white space
// that holds a line break is removed next to the tag of a block element
// (`</li>\n<li>`), where it does not render, and becomes one line break
// elsewhere, since between inline elements or words it renders as one
// space. Runs without a line break are spaces written on purpose and
// kept. Tags, comments and the content of pre elements and of the raw
// text elements (script, style, textarea, title…) are copied as they are,
// read as the minifier reads them (markupEnd), to the end of src if they
// are left open.
//
// Render squeezes its templates' text and the HTML of Markdown once, so
// that pages need no minifier: the result is what the HTML minifier makes
// of the same white space.
func SqueezeHTML(dst, src []byte) []byte {
	if dst == nil {
		dst = make([]byte, 0, len(src))
	}
	inPre := false
	closed := -1 // where the last tag ended ('>'), and its name
	var closedName []byte
	for i := 0; i < len(src); {
		c := src[i]
		if c == '<' {
			if end, name, ok := markupEnd(src, i); ok {
				dst = append(dst, src[i:end]...)
				switch {
				case isPreEnd(src[i:end]):
					inPre = false
				case lowerIs(name, "pre"):
					inPre = true
				}
				closed, closedName = end-1, tagName(src[i:])
				i = end
				if src[end-1] == '>' {
					k := rawTextEnd(src, i, name)
					dst = append(dst, src[i:k]...)
					i = k
				}
				continue
			}
		}
		if inPre || !isSpace(c) { // text, up to the next '<' (or white space)
			k := i + 1
			for k < len(src) && src[k] != '<' && (inPre || !isSpace(src[k])) {
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
		// The minifier decodes an entity such as "&#32;" after it trims
		// white space, so one next to the run would be trimmed in its place.
		afterBlock := closed == i-1 && isBlock(closedName) && (j == len(src) || src[j] != '&')
		beforeBlock := j < len(src) && src[j] == '<' && isBlock(tagName(src[j:])) && (i == 0 || src[i-1] != ';')
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

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// isPreEnd reports whether tag is the end tag of a pre for the minifier:
// "</pre", white space but form feeds, and '>' (or nothing: src ended).
func isPreEnd(tag []byte) bool {
	if len(tag) < 2 || tag[1] != '/' {
		return false
	}
	text := bytes.TrimSuffix(tag[2:], []byte(">"))
	return lowerIs(bytes.TrimRight(text, " \t\n\r"), "pre")
}

// tagName returns the name of the tag that begins s ("<li" or "</li" give
// "li"), as the minifier's lexer reads it and written as it is, or nil.
// An end tag's name is all that comes before its '>' but the trailing
// spaces, tabs and line breaks (not form feeds): "</p 0>" and "</p\f>"
// are no p.
func tagName(s []byte) []byte {
	if len(s) < 2 || s[0] != '<' {
		return nil
	}
	if s[1] == '/' {
		text := s[2:]
		if k := bytes.IndexByte(text, '>'); k >= 0 {
			text = text[:k]
		}
		return bytes.TrimRight(text, " \t\n\r")
	}
	s = s[1:]
	n := 0
	for n < len(s) && n < 12 && isNameByte(s[n]) {
		n++
	}
	if n < len(s) && !isSpace(s[n]) && s[n] != '>' && !(s[n] == '/' && n+1 < len(s) && s[n+1] == '>') {
		return nil // "<li!x>" and "<li/x>" are no li, for the minifier
	}
	return s[:n]
}

// isBlock reports whether name, in any case, is one of blockTags.
func isBlock(name []byte) bool {
	var lower [12]byte // longer than any block's name
	if len(name) > len(lower) {
		return false
	}
	n := copy(lower[:], name)
	for i, c := range lower[:n] {
		if 'A' <= c && c <= 'Z' {
			lower[i] = c + 'a' - 'A'
		}
	}
	return blockTags[string(lower[:n])]
}

func isNameByte(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

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
