package search

import (
	"bytes"
	"encoding/json"
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

func (b *builder) emit(key string, split bool, ids []int32, stems []*entry) {
	s := shardJSON{Version: FormatVersion, Key: key, D: [][]any{}, W: [][]any{}}
	if split {
		s.Split = 1
	}
	t := table{memo: b.rows}
	prev := 0
	s.I = make([]int, 0, len(ids))
	for _, id := range ids {
		s.D = append(s.D, encodeRecord(b.docs[id], t.ref))
		s.I = append(s.I, int(id)-prev)
		prev = int(id)
	}
	s.X = t.rows
	if s.X == nil {
		s.X = [][]any{}
	}
	for _, e := range stems {
		s.W = append(s.W, []any{strings.TrimPrefix(e.term, ProseMark), deltas(e.prose)})
	}
	b.scratch = s.appendJSON(b.scratch[:0])
	b.shards = append(b.shards, shard{key: key, split: split, data: bytes.Clone(b.scratch)})
}

// chunks encodes the prose records, ChunkSize a file, in id order.
func (b *builder) chunks() [][]byte {
	var out [][]byte
	var prose []*doc
	for _, d := range b.docs {
		if d.prose {
			prose = append(prose, d)
		}
	}
	for lo := 0; lo < len(prose); lo += ChunkSize {
		c := chunkJSON{Version: FormatVersion, D: [][]any{}}
		t := table{memo: b.rows}
		for _, d := range prose[lo:min(lo+ChunkSize, len(prose))] {
			c.D = append(c.D, encodeRecord(d, t.ref))
		}
		c.X = t.rows
		if c.X == nil {
			c.X = [][]any{}
		}
		b.scratch = c.appendJSON(b.scratch[:0])
		out = append(out, bytes.Clone(b.scratch))
	}
	return out
}

// deltas returns sorted ids as the first and the differences.
func deltas(ids []int32) []int32 {
	out := make([]int32, len(ids))
	prev := int32(0)
	for i, id := range ids {
		out[i] = id - prev
		prev = id
	}
	return out
}

// encodeRecord returns d's record with its CPTS references numbered by ref.
func encodeRecord(d *doc, ref func(x *model.CPTS, full bool) int) []any {
	rec := append([]any(nil), d.rec...)
	full := fullRows(d) == 1
	if d.refAt >= 0 {
		if d.many {
			ns := make([]int, len(d.refs))
			for i, x := range d.refs {
				ns[i] = ref(x, full)
			}
			rec[d.refAt] = ns
		} else if len(d.refs) > 0 {
			rec[d.refAt] = ref(d.refs[0], full)
		}
	}
	return rec
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
