package tomlpos

import "fmt"

// The bounds of a TOML document that Bounds enforces. A content record
// nests two or three levels and names keys of a few words; a decoder
// given a million nested inline tables or a key of a million parts
// allocates without end (BurntSushi/toml copies the key path at each
// level), so such a document is refused before it is decoded.
const (
	// MaxDepth is how deep arrays and inline tables may nest.
	MaxDepth = 32
	// MaxKeyParts is how many parts a dotted key may have (a.b.c has 3),
	// table headers included.
	MaxKeyParts = 32
	// MaxKeyBytes is the longest part of a key, in bytes.
	MaxKeyBytes = 256
)

// Exceeded says where a document first goes past a bound, and which.
type Exceeded struct {
	Pos     Pos
	Problem string // "arrays and inline tables nested more than 32 deep"
	Hint    string
}

// Bounds scans src once, in linear time and constant memory, and returns
// where it first exceeds MaxDepth, MaxKeyParts or MaxKeyBytes, or nil.
// It reads strings, comments, keys and brackets as TOML does, but is no
// validator: a document it passes may still be invalid, which the
// decoder then says.
func Bounds(src []byte) *Exceeded {
	b := &bounder{src: src}
	return b.run()
}

type bounder struct {
	src   []byte
	i     int
	stack []byte // open brackets of values: '[' or '{', at most MaxDepth
}

func (b *bounder) exceeded(off int, problem, hint string) *Exceeded {
	l := newLines(b.src)
	return &Exceeded{Pos: l.pos(off).Pos(), Problem: problem, Hint: hint}
}

func (b *bounder) run() *Exceeded {
	keyNext := true // a key (or a table header) comes next
	for b.i < len(b.src) {
		c := b.src[b.i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			b.i++
		case c == '\n':
			b.i++
			if len(b.stack) == 0 {
				keyNext = true
			}
		case c == '#':
			b.skipComment()
		case keyNext && len(b.stack) == 0 && c == '[':
			// A table header: [a.b] or [[a.b]].
			b.i++
			if b.i < len(b.src) && b.src[b.i] == '[' {
				b.i++
			}
			if e := b.key(); e != nil {
				return e
			}
			keyNext = false
		case keyNext && c != '}':
			if e := b.key(); e != nil {
				return e
			}
			keyNext = false
		case c == '"' || c == '\'':
			b.skipString()
		case c == '[' || c == '{':
			if len(b.stack) == MaxDepth {
				return b.exceeded(b.i, fmt.Sprintf("arrays and inline tables nested more than %d deep", MaxDepth),
					"a record needs two or three levels: write the inner tables as [table] or [[array]] sections")
			}
			b.stack = append(b.stack, c)
			b.i++
			keyNext = c == '{'
		case c == ']' || c == '}':
			if len(b.stack) > 0 {
				b.stack = b.stack[:len(b.stack)-1]
			}
			b.i++
		case c == ',':
			b.i++
			keyNext = len(b.stack) > 0 && b.stack[len(b.stack)-1] == '{'
		default:
			b.i++
		}
	}
	return nil
}

// key reads a key, bare, quoted or dotted, up to what follows it.
func (b *bounder) key() *Exceeded {
	parts := 0
	for {
		for b.i < len(b.src) && (b.src[b.i] == ' ' || b.src[b.i] == '\t') {
			b.i++
		}
		if b.i >= len(b.src) {
			return nil
		}
		start := b.i
		switch c := b.src[b.i]; {
		case c == '"' || c == '\'':
			b.skipString()
		case isBareByte(c):
			for b.i < len(b.src) && isBareByte(b.src[b.i]) {
				b.i++
			}
		default:
			return nil // not a key: the decoder will say so
		}
		parts++
		if b.i-start > MaxKeyBytes {
			return b.exceeded(start, fmt.Sprintf("a key of more than %d bytes", MaxKeyBytes), "shorten the key: keys are names such as name or phone")
		}
		if parts > MaxKeyParts {
			return b.exceeded(start, fmt.Sprintf("a dotted key of more than %d parts", MaxKeyParts), "a key names a field in one or a few parts, such as name or contact.email")
		}
		for b.i < len(b.src) && (b.src[b.i] == ' ' || b.src[b.i] == '\t') {
			b.i++
		}
		if b.i >= len(b.src) || b.src[b.i] != '.' {
			return nil
		}
		b.i++
	}
}

// skipComment moves to the end of the line.
func (b *bounder) skipComment() {
	for b.i < len(b.src) && b.src[b.i] != '\n' {
		b.i++
	}
}

// skipString moves past a basic or literal string, single-line or
// multi-line, that starts at b.i. An unclosed string ends with its line
// (single-line) or the document (multi-line).
func (b *bounder) skipString() {
	q := b.src[b.i]
	if b.i+2 < len(b.src) && b.src[b.i+1] == q && b.src[b.i+2] == q {
		b.i += 3
		for b.i < len(b.src) {
			switch {
			case q == '"' && b.src[b.i] == '\\':
				b.i += 2
			case b.src[b.i] == q && b.i+2 < len(b.src) && b.src[b.i+1] == q && b.src[b.i+2] == q:
				b.i += 3
				for b.i < len(b.src) && b.src[b.i] == q { // up to two more quotes belong to the string
					b.i++
				}
				return
			default:
				b.i++
			}
		}
		return
	}
	b.i++
	for b.i < len(b.src) && b.src[b.i] != '\n' {
		switch {
		case q == '"' && b.src[b.i] == '\\':
			b.i += 2
		case b.src[b.i] == q:
			b.i++
			return
		default:
			b.i++
		}
	}
}
