package search

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/model"
)

// shardJSON is a shard file: its key, whether it is split, the CPTS its
// records refer to (x), the name records (d), and the prose postings (w:
// stem, then the ids of its documents, the first in full and the others
// as the difference with the previous one).
type shardJSON struct {
	Version int     `json:"v"`
	Key     string  `json:"k"`
	Split   int     `json:"p,omitempty"`
	X       [][]any `json:"x"`
	D       [][]any `json:"d"`
	I       []int   `json:"i"` // the global order of the records of d, as differences
	W       [][]any `json:"w"`
}

// chunkJSON is a chunk of prose records and the CPTS they refer to.
type chunkJSON struct {
	Version int     `json:"v"`
	X       [][]any `json:"x"`
	D       [][]any `json:"d"`
}

// table numbers the CPTS rows of one file. A row is short (slug and
// name, all a commune shows) until a record needs it full.
type table struct {
	rows [][]any
	n    map[*model.CPTS]int
	memo rowMemo
}

// rowMemo holds the rows of each CPTS, short and full, made once per
// index: a CPTS is named in most shards, and its row lists its
// départements, read from its territory.
type rowMemo map[*model.CPTS]*[2][]any

// row returns cptsRow(x, full), made the first time only.
func (m rowMemo) row(x *model.CPTS, full bool) []any {
	r := m[x]
	if r == nil {
		r = &[2][]any{}
		m[x] = r
	}
	i := 0
	if full {
		i = 1
	}
	if r[i] == nil {
		r[i] = cptsRow(x, full)
	}
	return r[i]
}

func (t *table) ref(x *model.CPTS, full bool) int {
	n, ok := t.n[x]
	if !ok {
		if t.n == nil {
			t.n = map[*model.CPTS]int{}
		}
		n = len(t.rows)
		t.n[x] = n
		t.rows = append(t.rows, nil)
	}
	if t.rows[n] == nil || full && len(t.rows[n]) < 5 {
		t.rows[n] = t.memo.row(x, full)
	}
	return n
}

// fullRows is 1 when the CPTS rows of d must be full, 0 when short.
func fullRows(d *doc) int {
	if d.kind == KindCommune {
		return 0
	}
	return 1
}

// emit encodes a shard: the records of the name documents ids, the CPTS
// rows they refer to, their ids, and the postings of stems.
func (b *builder) emit(key string, split bool, ids []int32, stems []*entry) {
	t := table{memo: b.rows}
	b.encodeRecords(len(ids), func(i int) *doc { return b.docs[ids[i]] }, &t)
	out := append(b.scratch[:0], `{"v":`...)
	out = strconv.AppendInt(out, FormatVersion, 10)
	out = append(out, `,"k":`...)
	out = appendValue(out, key)
	if split {
		out = append(out, `,"p":1`...)
	}
	out = append(out, `,"x":`...)
	out = appendRows(out, t.rows)
	out = append(out, `,"d":`...)
	out = append(out, b.records...)
	out = append(out, `,"i":`...)
	out = appendDeltas(out, ids)
	out = append(out, `,"w":[`...)
	for i, e := range stems {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, '[')
		out = appendValue(out, strings.TrimPrefix(e.term, ProseMark))
		out = append(out, ',')
		out = appendDeltas(out, e.prose)
		out = append(out, ']')
	}
	b.scratch = append(out, "]}"...)
	b.shards = append(b.shards, shard{key: key, split: split, data: bytes.Clone(b.scratch)})
}

// chunks encodes the prose records, ChunkSize a file: those of missions
// in id order, and those of news from the last id back (oldest first),
// as docsRef.place finds them.
func (b *builder) chunks() (missions, news [][]byte) {
	var m, n []*doc
	for _, d := range b.docs {
		switch {
		case d.prose && d.kind == KindNews:
			n = append(n, d)
		case d.prose:
			m = append(m, d)
		}
	}
	return b.series(m), b.series(n)
}

// series encodes docs, ChunkSize a chunk, in their order.
func (b *builder) series(docs []*doc) [][]byte {
	var out [][]byte
	for lo := 0; lo < len(docs); lo += ChunkSize {
		t := table{memo: b.rows}
		chunk := docs[lo:min(lo+ChunkSize, len(docs))]
		b.encodeRecords(len(chunk), func(i int) *doc { return chunk[i] }, &t)
		c := append(b.scratch[:0], `{"v":`...)
		c = strconv.AppendInt(c, FormatVersion, 10)
		c = append(c, `,"x":`...)
		c = appendRows(c, t.rows)
		c = append(c, `,"d":`...)
		c = append(c, b.records...)
		b.scratch = append(c, '}')
		out = append(out, bytes.Clone(b.scratch))
	}
	return out
}

// encodeRecords sets b.records to the JSON list of the records of n
// documents, their CPTS numbered in t.
func (b *builder) encodeRecords(n int, doc func(i int) *doc, t *table) {
	recs := append(b.records[:0], '[')
	for i := range n {
		if i > 0 {
			recs = append(recs, ',')
		}
		recs = doc(i).appendRecord(recs, t.ref)
	}
	b.records = append(recs, ']')
}

// appendDeltas appends sorted ids as a JSON list of the first and the
// differences.
func appendDeltas(b []byte, ids []int32) []byte {
	b = append(b, '[')
	prev := int32(0)
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(id-prev), 10)
		prev = id
	}
	return append(b, ']')
}

// appendRows appends the CPTS rows of a file, [] when it has none.
func appendRows(b []byte, rows [][]any) []byte {
	if rows == nil {
		return append(b, "[]"...)
	}
	return appendValue(b, rows)
}

// refNumber numbers a CPTS row in the file being written (table.ref).
type refNumber func(x *model.CPTS, full bool) int

// hasRefs reports whether d's record holds CPTS references at refAt: a
// list (maybe empty) or one number.
func (d *doc) hasRefs() bool { return d.refAt >= 0 && (d.many || len(d.refs) > 0) }

// appendRecord appends d's record to b, its CPTS references numbered by
// ref.
func (d *doc) appendRecord(b []byte, ref refNumber) []byte {
	if d.json == nil {
		b, _ = d.appendFields(b, ref) // prose: one chunk holds it
		return b
	}
	if d.cut < 0 {
		return append(b, d.json...)
	}
	b = append(b, d.json[:d.cut]...)
	b = d.appendRefs(b, ref)
	return append(b, d.json[d.cut:]...)
}

// appendFields appends the JSON of d's record to b, its CPTS references
// numbered by ref, or left out when ref is nil, and returns where they
// are in b (-1 when the record has none).
func (d *doc) appendFields(b []byte, ref refNumber) ([]byte, int) {
	cut := -1
	b = append(b, '[')
	for i, v := range d.record() {
		if i > 0 {
			b = append(b, ',')
		}
		if i == d.refAt && d.hasRefs() {
			cut = len(b)
			if ref != nil {
				b = d.appendRefs(b, ref)
			}
			continue
		}
		b = appendValue(b, v)
	}
	return append(b, ']'), cut
}

// appendRefs appends d's CPTS references numbered by ref: a list, or one
// number.
func (d *doc) appendRefs(b []byte, ref refNumber) []byte {
	full := fullRows(d) == 1
	if !d.many {
		return strconv.AppendInt(b, int64(ref(d.refs[0], full)), 10)
	}
	b = append(b, '[')
	for i, x := range d.refs {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(ref(x, full)), 10)
	}
	return append(b, ']')
}

// marshal encodes v as compact JSON without HTML escaping.
func marshal(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic("search: " + err.Error()) // only plain data is encoded
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}
