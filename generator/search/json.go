package search

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The shards and chunks of the index (most of its bytes) are encoded by
// hand (builder.emit, builder.chunks; a name document's record once, see
// doc.encode): encoding/json reflects on every element of their records, a
// third of the time of an index. The output is encoding/json's, byte for byte
// (with HTML escaping off): a value of a type not listed here, or a
// string that needs escaping, is handed to encoding/json itself.

// appendValue appends the JSON of v to b, as marshal would write it.
func appendValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case string:
		if plainJSON(v) {
			b = append(b, '"')
			b = append(b, v...)
			return append(b, '"')
		}
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case int32:
		return strconv.AppendInt(b, int64(v), 10)
	case Kind:
		return strconv.AppendInt(b, int64(v), 10)
	case []int:
		return appendArray(b, v, appendInt)
	case []int32:
		return appendArray(b, v, appendInt)
	case []string:
		return appendArray(b, v, func(b []byte, s string) []byte { return appendValue(b, s) })
	case []any:
		return appendArray(b, v, appendValue)
	case [][]any:
		return appendArray(b, v, func(b []byte, r []any) []byte { return appendArray(b, r, appendValue) })
	}
	return append(b, marshal(v)...)
}

func appendInt[T int | int32](b []byte, n T) []byte { return strconv.AppendInt(b, int64(n), 10) }

// appendArray appends the JSON array of vs to b, each element by add; a
// nil slice is null, as encoding/json writes it.
func appendArray[T any](b []byte, vs []T, add func([]byte, T) []byte) []byte {
	if vs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		b = add(b, v)
	}
	return append(b, ']')
}

// plainJSON reports whether encoding/json writes s as it is between
// quotes: valid UTF-8 with no quote, backslash, control character, nor
// U+2028 or U+2029 (which it escapes).
func plainJSON(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == '"' || c == '\\':
			return false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return ascii || utf8.ValidString(s) && !strings.ContainsAny(s, "\u2028\u2029")
}
