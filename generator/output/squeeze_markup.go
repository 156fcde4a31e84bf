package output

import "bytes"

// The squeezer must read markup as the minifier's HTML lexer
// (github.com/tdewolff/parse/v2/html) does, or it would squeeze white
// space that lexer reads inside a tag, a comment or raw text. The
// functions below follow that lexer's states; FuzzSqueezeHTML holds them
// to it.

// markupEnd returns where the markup beginning at src[i] == '<' ends:
// just past its '>' (or the element, for svg and math), or len(src) when
// it is left open. name is the name of a start tag as the lexer reads it
// (up to white space, '>' or "/>"), nil for other markup. ok is false
// when the lexer reads the '<' as text.
func markupEnd(src []byte, i int) (end int, name []byte, ok bool) {
	if i+1 >= len(src) {
		return 0, nil, false
	}
	switch c := src[i+1]; {
	case isLetter(c):
		return startTagEnd(src, i+1)
	case c == '/' && i+2 < len(src) && src[i+2] != '>': // an end tag, or a bogus comment
		return pastByte(src, i+2, '>'), nil, true
	case c == '!':
		return declarationEnd(src, i+2), nil, true
	case c == '?': // a bogus comment
		return pastByte(src, i+2, '>'), nil, true
	}
	return 0, nil, false
}

// startTagEnd reads the start tag whose name begins at src[k]: its
// attributes, each a name, and a value after '=' either quoted (to the
// same quote) or not (to white space or '>').
func startTagEnd(src []byte, k int) (end int, name []byte, ok bool) {
	start := k
	for k < len(src) && !isSpace(src[k]) && src[k] != '>' && !closesTag(src, k) {
		k++
	}
	name = src[start:k]
	if lowerIs(name, "svg") || lowerIs(name, "math") || lowerIs(name, "xml") {
		return xmlEnd(src, k, name), name, true
	}
	for {
		for k < len(src) && isSpace(src[k]) {
			k++
		}
		switch {
		case k == len(src):
			return k, name, true
		case src[k] == '>':
			return k + 1, name, true
		case closesTag(src, k):
			return k + 2, name, true
		}
		for k < len(src) && !isSpace(src[k]) && src[k] != '=' && src[k] != '>' && !closesTag(src, k) {
			k++
		}
		nameEnd := k
		for k < len(src) && isSpace(src[k]) {
			k++
		}
		if k == len(src) || src[k] != '=' {
			k = nameEnd
			continue
		}
		for k++; k < len(src) && isSpace(src[k]); k++ {
		}
		if k < len(src) && (src[k] == '"' || src[k] == '\'') {
			q := bytes.IndexByte(src[k+1:], src[k])
			if q < 0 {
				return len(src), name, true
			}
			k += q + 2
			continue
		}
		for k < len(src) && !isSpace(src[k]) && src[k] != '>' {
			k++
		}
	}
}

// closesTag reports whether "/>" begins at src[k].
func closesTag(src []byte, k int) bool {
	return src[k] == '/' && k+1 < len(src) && src[k+1] == '>'
}

// declarationEnd reads what follows "<!" at src[k]: a comment (to "-->"
// or "--!>"), a CDATA section (to "]]>"), a doctype or a bogus comment
// (to '>').
func declarationEnd(src []byte, k int) int {
	switch rest := src[k:]; {
	case bytes.HasPrefix(rest, []byte("--")):
		for p := k + 2; p < len(src); p++ {
			if bytes.HasPrefix(src[p:], []byte("-->")) {
				return p + 3
			}
			if bytes.HasPrefix(src[p:], []byte("--!>")) {
				return p + 4
			}
		}
		return len(src)
	case bytes.HasPrefix(rest, []byte("[CDATA[")):
		if p := bytes.Index(src[k+7:], []byte("]]>")); p >= 0 {
			return k + 7 + p + 3
		}
		return len(src)
	}
	return pastByte(src, k, '>')
}

// xmlEnd reads an svg, math or xml element from just past its name to
// the '>' of its end tag, as one piece: '<' within double quotes is no
// tag, and elements of the same name nest.
func xmlEnd(src []byte, k int, name []byte) int {
	lower := string(bytes.ToLower(name))
	nested, inQuote := 0, false
	for k < len(src) {
		c := src[k]
		if c == '"' {
			inQuote = !inQuote
			k++
			continue
		}
		if c != '<' || inQuote {
			k++
			continue
		}
		isEnd := k+1 < len(src) && src[k+1] == '/'
		k++
		if isEnd {
			k++
		}
		start := k
		for k < len(src) && isLetter(src[k]) {
			k++
		}
		if !isEnd && k < len(src) && src[k] == '/' || !lowerIs(src[start:k], lower) {
			continue
		}
		if !isEnd {
			nested++
			continue
		}
		if nested == 0 {
			return pastByte(src, k, '>')
		}
		nested--
	}
	return len(src)
}

// rawTextEnd returns where the content of the element named name, which
// begins at src[k] after its start tag, ends for the lexer: at the end tag
// of a raw text element (script, style, textarea, title, xmp, iframe),
// whose name is followed by anything but a letter, or at len(src) for
// plaintext; at k for other elements. In a script, an end tag within
// "<!--" and "-->" ends it only if no "<script" opened there before.
func rawTextEnd(src []byte, k int, name []byte) int {
	switch {
	case lowerIs(name, "plaintext"):
		return len(src)
	case !lowerIs(name, "script") && !lowerIs(name, "style") && !lowerIs(name, "textarea") &&
		!lowerIs(name, "title") && !lowerIs(name, "xmp") && !lowerIs(name, "iframe"):
		return k
	}
	script := lowerIs(name, "script")
	for k < len(src) {
		if src[k] != '<' {
			k++
			continue
		}
		if k+1 < len(src) && src[k+1] == '/' {
			m := letters(src, k+2)
			if bytes.EqualFold(src[k+2:m], name) {
				return k
			}
			k = m
			continue
		}
		if script && bytes.HasPrefix(src[k:], []byte("<!--")) {
			end, ok := scriptCommentEnd(src, k+4)
			if ok {
				return end
			}
			k = end
			continue
		}
		k++
	}
	return len(src)
}

// scriptCommentEnd reads "<!--" in a script from src[k], just past it: to
// its "-->" (ok false, the script goes on), or to an end tag of the
// script, which ends it unless a "<script" opened in the comment (ok
// true, at the end tag's '<').
func scriptCommentEnd(src []byte, k int) (end int, ok bool) {
	inScript := false
	for k < len(src) {
		if bytes.HasPrefix(src[k:], []byte("-->")) {
			return k + 3, false
		}
		if src[k] != '<' {
			k++
			continue
		}
		isEnd := k+1 < len(src) && src[k+1] == '/'
		tag := k
		k++
		if isEnd {
			k++
		}
		m := letters(src, k)
		if lowerIs(src[k:m], "script") {
			if !isEnd {
				inScript = true
			} else if !inScript {
				return tag, true
			} else {
				inScript = false
			}
		}
		k = m
	}
	return len(src), true
}

// letters returns where the run of ASCII letters from src[k] ends.
func letters(src []byte, k int) int {
	for k < len(src) && isLetter(src[k]) {
		k++
	}
	return k
}

// pastByte returns the index just past the first b in src from k, or
// len(src).
func pastByte(src []byte, k int, b byte) int {
	if p := bytes.IndexByte(src[k:], b); p >= 0 {
		return k + p + 1
	}
	return len(src)
}

// lowerIs reports whether s, with ASCII letters lowered (and no other
// case folding, as the lexer), is lower.
func lowerIs(s []byte, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i, c := range s {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
