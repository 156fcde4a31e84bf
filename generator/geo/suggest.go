package geo

import (
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/fold"
)

// SuggestCodes returns at most n current communes or arrondissements
// whose code is one edit away from a mistyped code of the same length: one
// character changed, or two neighbours swapped. Communes of the département
// the mistyped code points to come first, then the more populous, then by
// code. It is meant for did-you-mean hints; a known code gives no
// suggestion of itself.
func (t *Table) SuggestCodes(code string, n int) []*Commune {
	code = upper(code)
	if len(code) != 5 || n <= 0 {
		return nil
	}
	var out []*Commune
	add := func(b []byte) {
		n, ok := codeSlot(b)
		if !ok || t.slots[n] == 0 {
			return
		}
		if c := t.communes[t.slots[n]-1]; c.Code != code && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	b := []byte(code)
	for i := range b {
		orig := b[i]
		for _, r := range "0123456789AB" {
			if r >= 'A' && i != 1 {
				continue // only the second character holds letters (2A, 2B)
			}
			b[i] = byte(r)
			add(b)
		}
		b[i] = orig
	}
	for i := 0; i+1 < len(b); i++ {
		b[i], b[i+1] = b[i+1], b[i]
		add(b)
		b[i], b[i+1] = b[i+1], b[i]
	}
	dep := departementOf(code)
	slices.SortFunc(out, func(x, y *Commune) int {
		if xd, yd := x.Departement == dep, y.Departement == dep; xd != yd {
			if xd {
				return -1
			}
			return 1
		}
		return byPopulation(x, y)
	})
	return out[:min(n, len(out))]
}

// departementOf returns the département code an INSEE code starts with.
func departementOf(code string) string {
	if strings.HasPrefix(code, "97") || strings.HasPrefix(code, "98") {
		return code[:3]
	}
	return code[:2]
}

// SuggestNames returns at most n communes or arrondissements whose name is
// close to a misspelt name: the edit distance between the fold.Name forms
// (a swap of neighbours counting as one edit) is at most a quarter of the
// name's length, and at least 1, at most 3. Closer names come first, then
// the more populous communes, then by code. Exact matches (distance 0), if
// any, come first; use ByName for those.
func (t *Table) SuggestNames(name string, n int) []*Commune {
	key := fold.Name(name)
	if key == "" || n <= 0 {
		return nil
	}
	limit := min(max(1, len(key)/4), 3)
	type hit struct {
		c *Commune
		d int
	}
	var hits []hit
	var buf distBuf
	x := t.names()
	for l := max(1, len(key)-limit); l <= len(key)+limit && l < len(x.byLen); l++ {
		for _, id := range x.byLen[l] {
			if d := buf.distance(key, x.keys[id], limit); d <= limit {
				for _, c := range x.group(id) {
					hits = append(hits, hit{c, d})
				}
			}
		}
	}
	slices.SortFunc(hits, func(x, y hit) int {
		if x.d != y.d {
			return x.d - y.d
		}
		return byPopulation(x.c, y.c)
	})
	out := make([]*Commune, 0, min(n, len(hits)))
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, h.c)
	}
	return out
}

// distBuf holds the rows of distance, reused between calls.
type distBuf struct{ rows [3][]int }

// distance returns the optimal string alignment distance between a and b
// in bytes (Levenshtein plus swaps of neighbours), or limit+1 if it is more
// than limit. Only the diagonal band of width 2*limit+1 is computed.
func (buf *distBuf) distance(a, b string, limit int) int {
	n, m := len(a), len(b)
	far := limit + 1
	if n-m > limit || m-n > limit {
		return far
	}
	for i := range buf.rows {
		if len(buf.rows[i]) < m+2 {
			buf.rows[i] = make([]int, m+2)
		}
	}
	prev2, prev, cur := buf.rows[0], buf.rows[1], buf.rows[2]
	for j := 0; j <= m+1; j++ {
		prev[j] = far
		if j <= limit {
			prev[j] = j
		}
	}
	for i := 1; i <= n; i++ {
		lo, hi := max(1, i-limit), min(m, i+limit)
		cur[lo-1] = far
		if lo == 1 {
			cur[0] = i
		}
		cur[hi+1] = far
		best := far
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return far
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[m], far)
}
