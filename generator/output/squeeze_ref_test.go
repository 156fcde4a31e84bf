package output

import "bytes"

// squeezeReference is SqueezeHTML as it was first written, a byte at a
// time: FuzzSqueezeSame holds the faster SqueezeHTML to its output. It
// shares indexFold and indexEndTag, which the rewrite left as they were.
func squeezeReference(dst, src []byte) []byte {
	var tag, quote byte // tag: in a tag; quote: in a quoted attribute value
	var prev byte       // in a tag, the last byte that is not white space
	name := ""          // of the tag being read
	closed := -1        // where the last tag ended ('>'), and its name
	closedName := ""
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case tag != 0:
			switch {
			case (c == '"' || c == '\'') && prev == '=': // a quote opens a value only after =
				quote = c
			case c == '>':
				tag, closed, closedName = 0, i, name
			}
			if !isSpace(c) {
				prev = c
			}
		case c == '<' && i+1 < len(src) && (isNameByte(src[i+1]) || src[i+1] == '/' || src[i+1] == '!'):
			if raw := refRawElement(src[i:]); raw != "" {
				end := indexEndTag(src[i:], "</"+raw)
				if end < 0 {
					return append(dst, src[i:]...)
				}
				dst = append(dst, src[i:i+end]...)
				i += end
				continue
			}
			tag, name, prev = c, refTagAfter(src[i:]), c
		}
		if !isSpace(c) || tag != 0 { // white space in a tag is kept as it is
			dst = append(dst, c)
			i++
			continue
		}
		j := i
		for j < len(src) && isSpace(src[j]) {
			j++
		}
		run := src[i:j]
		afterBlock := closed == i-1 && blockTags[closedName]
		beforeBlock := j < len(src) && src[j] == '<' && blockTags[refTagAfter(src[j:])]
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

// refRawElement returns the name of the raw text element (pre, textarea,
// script, style) whose start tag begins s, or "".
func refRawElement(s []byte) string {
	name := refTagAfter(s)
	if len(s) > 1 && s[1] == '/' {
		return ""
	}
	switch name {
	case "pre", "textarea", "script", "style":
		return name
	}
	return ""
}

// refTagAfter returns the lowercase name of the tag that begins s ("<li" or
// "</li" give "li"), or "".
func refTagAfter(s []byte) string {
	if len(s) < 2 || s[0] != '<' {
		return ""
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
		return "" // "<li!x>" and "<li/x>" are no li, for the minifier
	}
	if rest := bytes.TrimLeft(s[n:], " \t\n\r\f"); end && len(rest) > 0 && rest[0] != '>' {
		return "" // "</p 0>" is text, for the minifier
	}
	return string(bytes.ToLower(s[:n]))
}
