package load

import (
	"bytes"
	"unicode/utf8"

	"github.com/cpts-fr/cpts/generator/diag"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// source is the text of one file, ready to be decoded: BOM removed, and
// known to be valid UTF-8.
type source struct {
	path string
	text []byte
}

// newSource strips a BOM and checks the encoding. It reports the first
// invalid byte with its position and returns ok=false.
func newSource(path string, raw []byte, diags *diag.List) (source, bool) {
	text := bytes.TrimPrefix(raw, bom)
	if !utf8.Valid(text) {
		off := 0
		for off < len(text) {
			r, size := utf8.DecodeRune(text[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		d := diags.Errorf(position(path, text, off, 1), diag.Encoding, "invalid UTF-8 byte 0x%02X", text[off])
		d.WithHint("save the file as UTF-8 (it looks like Latin-1 or Windows-1252)")
		return source{}, false
	}
	return source{path: path, text: text}, true
}

// position turns a byte offset into a file position; line counting starts
// at firstLine (the line of text[0] in the file), columns count runes.
func position(path string, text []byte, off, firstLine int) diag.Pos {
	off = max(0, min(off, len(text)))
	line := firstLine + bytes.Count(text[:off], []byte{'\n'})
	start := bytes.LastIndexByte(text[:off], '\n') + 1
	return diag.Pos{File: path, Line: line, Col: utf8.RuneCount(text[start:off]) + 1}
}
