package catalog

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// format is a parsed fmt format: literal text between verbs.
type format struct {
	texts []string // len(verbs)+1 literal parts, %% already made %
	verbs []byte   // the verb letters, in order
	args  []int    // the argument each verb prints
}

// parseFormat reads the verbs of a fmt format: flags, an explicit
// argument index [n], width and precision, then the verb letter.
func parseFormat(s string) (format, error) {
	var f format
	var text strings.Builder
	next := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			text.WriteByte(s[i])
			continue
		}
		i++
		if i < len(s) && s[i] == '%' {
			text.WriteByte('%')
			continue
		}
		for i < len(s) && strings.IndexByte("+-# 0", s[i]) >= 0 {
			i++
		}
		if i < len(s) && s[i] == '[' {
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return f, errors.New("unclosed argument index")
			}
			n, err := strconv.Atoi(s[i+1 : i+end])
			if err != nil || n < 1 {
				return f, fmt.Errorf("bad argument index %q", s[i:i+end+1])
			}
			next = n - 1
			i += end + 1
		}
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			i++
		}
		if i >= len(s) {
			return f, errors.New("format ends inside a verb")
		}
		f.texts = append(f.texts, text.String())
		text.Reset()
		f.verbs = append(f.verbs, s[i])
		f.args = append(f.args, next)
		next++
	}
	f.texts = append(f.texts, text.String())
	return f, nil
}

// literal returns the text of a format without verbs.
func (f format) literal() string { return strings.Join(f.texts, "") }

// literalLen counts the literal bytes of a format: the more, the more
// specific its match.
func (f format) literalLen() int { return len(f.literal()) }

// longestText returns the longest piece of literal text of a format.
func (f format) longestText() string {
	longest := ""
	for _, t := range f.texts {
		if len(t) > len(longest) {
			longest = t
		}
	}
	return longest
}

// regexp matches a whole message rendered from the format, one group per verb.
func (f format) regexp() *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(?s)^`)
	for i, v := range f.verbs {
		b.WriteString(regexp.QuoteMeta(f.texts[i]))
		switch v {
		case 'd':
			b.WriteString(`([-+]?[0-9]+)`)
		case 'q':
			b.WriteString(`("(?:[^"\\]|\\.)*"|` + "`[^`]*`" + `|'(?:[^'\\]|\\.)*')`)
		default:
			b.WriteString(`(.*?)`)
		}
	}
	b.WriteString(regexp.QuoteMeta(f.texts[len(f.texts)-1]))
	b.WriteString(`$`)
	return regexp.MustCompile(b.String())
}

// pieces returns the translation as literal text and argument numbers.
func (f format) pieces() []piece {
	var out []piece
	for i, arg := range f.args {
		if f.texts[i] != "" {
			out = append(out, piece{text: f.texts[i], arg: -1})
		}
		out = append(out, piece{arg: arg})
	}
	if last := f.texts[len(f.texts)-1]; last != "" {
		out = append(out, piece{text: last, arg: -1})
	}
	return out
}

// sameArgs checks that a translation prints each argument of its source
// once, with the same verb.
func sameArgs(src, dst format) error {
	if len(src.verbs) != len(dst.verbs) {
		return fmt.Errorf("%d verbs, want %d", len(dst.verbs), len(src.verbs))
	}
	for _, a := range src.args {
		if a >= len(src.verbs) {
			return fmt.Errorf("argument %d out of range", a+1)
		}
	}
	seen := make([]bool, len(src.verbs))
	for i, a := range dst.args {
		if a >= len(src.verbs) || seen[a] {
			return fmt.Errorf("argument %d printed twice or out of range", a+1)
		}
		seen[a] = true
		if dst.verbs[i] != src.verbs[a] {
			return fmt.Errorf("argument %d is %%%c, want %%%c", a+1, dst.verbs[i], src.verbs[a])
		}
	}
	return nil
}
