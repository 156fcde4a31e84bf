package search

import (
	"hash/maphash"
	"slices"
	"strconv"
	"sync"

	"github.com/cpts-fr/cpts/generator/model"
)

// built is what the trie makes of the documents: the shard files and the
// chunks of prose records. It is most of an index's time (sorting the
// terms, the deletion terms, packing the shards).
type built struct {
	shards         []shard
	missions, news [][]byte // chunks of prose records (builder.chunks)
}

// recentBuilt keeps the last tries this process made, newest first, each
// under the fingerprint of its documents (docsKey): an index of the same
// documents reuses it rather than building it again. That is the common
// case of `cpts serve` after an edit the search does not show (members,
// contacts, layouts, static files) or an edit undone, and of a build
// compared with the incremental one. At most keptTries are kept, while
// all hold keptBytes or less: the documents of a national directory make
// a trie of about 30 MB; those of a decade of news (400,000 items), 144
// MB, which a build would hold to its end for nothing.
var recentBuilt struct {
	sync.Mutex
	tries []keptTrie
}

const (
	keptTries = 4
	keptBytes = 64 << 20
)

// keptTrie is a trie recentBuilt keeps, with its key and size.
type keptTrie struct {
	key   docsKey
	built *built
	bytes int
}

// reuseOrBuild returns the trie of documents of fingerprint key, made by
// build unless one of the tries kept has the same key.
func reuseOrBuild(key docsKey, build func() *built) *built {
	recentBuilt.Lock()
	for i, k := range recentBuilt.tries {
		if k.key == key {
			copy(recentBuilt.tries[1:i+1], recentBuilt.tries[:i]) // newest first
			recentBuilt.tries[0] = k
			recentBuilt.Unlock()
			return k.built
		}
	}
	recentBuilt.Unlock()
	b := build()
	recentBuilt.Lock()
	kept := append([]keptTrie{{key, b, b.bytes()}}, recentBuilt.tries...)
	total := 0
	for i, k := range kept {
		total += k.bytes
		if i == keptTries || total > keptBytes {
			clear(kept[i:]) // the array must not hold the tries dropped
			kept = kept[:i]
			break
		}
	}
	recentBuilt.tries = kept
	recentBuilt.Unlock()
	return b
}

// forget drops the trie kept under key, if any.
func forget(key docsKey) {
	recentBuilt.Lock()
	defer recentBuilt.Unlock()
	recentBuilt.tries = slices.DeleteFunc(recentBuilt.tries, func(k keptTrie) bool { return k.key == key })
}

// bytes is the size of the files of b.
func (b *built) bytes() int {
	n := 0
	for _, s := range b.shards {
		n += len(s.data)
	}
	for _, series := range [][][]byte{b.missions, b.news} {
		for _, c := range series {
			n += len(c)
		}
	}
	return n
}

// docsKey is a 128-bit fingerprint of everything the trie reads from
// the documents: their kinds, words, records, references, stems (for a
// news item, the text they are read from) and sizes, the rows of the
// CPTS they refer to, and the shard size.
type docsKey [2]uint64

// seeds of docsKey's two hashes, random per process: a key is never
// stored or compared across processes.
var seeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// fingerprint returns the docsKey of docs, their stems numbered in
// stems, with the rows of rows and the shard size limit.
func fingerprint(docs []*doc, stems []string, rows rowMemo, limit int) docsKey {
	var h [2]maphash.Hash
	h[0].SetSeed(seeds[0])
	h[1].SetSeed(seeds[1])
	var buf []byte
	cpts := map[*model.CPTS]int{}
	var order []*model.CPTS
	flush := func() {
		h[0].Write(buf)
		h[1].Write(buf)
		buf = buf[:0]
	}
	str := func(s string) {
		buf = strconv.AppendInt(buf, int64(len(s)), 10)
		buf = append(buf, ':')
		buf = append(buf, s...)
	}
	num := func(n int) {
		buf = strconv.AppendInt(buf, int64(n), 10)
		buf = append(buf, ',')
	}
	num(limit)
	for _, d := range docs {
		num(int(d.kind))
		num(d.cut)
		num(d.refAt)
		num(d.size)
		num(boolInt(d.many))
		num(boolInt(d.prose))
		num(len(d.words))
		for _, w := range d.words {
			str(w)
		}
		num(len(d.terms))
		for _, t := range d.terms {
			str(stems[t])
		}
		if n := d.news; n != nil { // what its stems are read from
			str(n.Title)
			str(n.Summary)
			num(len(n.Tags))
			for _, t := range n.Tags {
				str(t)
			}
			buf = strconv.AppendUint(buf, n.Body.Fingerprint(), 10)
			buf = append(buf, ',')
		}
		num(len(d.refs))
		for _, x := range d.refs {
			n, ok := cpts[x]
			if !ok {
				n = len(order)
				cpts[x] = n
				order = append(order, x)
			}
			num(n)
		}
		if d.json != nil { // JSON arrays end where they end: no length needed
			buf = append(buf, d.json...)
		} else {
			buf, _ = d.appendFields(buf, nil)
		}
		if len(buf) > 32<<10 {
			flush()
		}
	}
	for _, x := range order {
		buf = appendValue(buf, rows.row(x, false))
		buf = appendValue(buf, rows.row(x, true))
	}
	flush()
	return docsKey{h[0].Sum64(), h[1].Sum64()}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
