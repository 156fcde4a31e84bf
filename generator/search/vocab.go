package search

import (
	"strings"
	"sync"
)

// vocab numbers the stems of prose documents. An index holds the stems
// of every news item until it is made, while the pages are rendered: as
// numbers, each is a quarter of a string's header, and the letters of a
// stem are kept once for all items. A vocab is safe for concurrent use;
// numbers are never reused, so that a Memo's numbers stay valid.
type vocab struct {
	mu    sync.Mutex
	ids   map[string]uint32
	stems []string
}

func newVocab() *vocab { return &vocab{ids: map[string]uint32{}} }

// numbers returns the numbers of terms, giving the new ones the next.
func (v *vocab) numbers(terms []string) []uint32 {
	if len(terms) == 0 {
		return nil
	}
	out := make([]uint32, len(terms))
	v.mu.Lock()
	defer v.mu.Unlock()
	for i, t := range terms {
		id, ok := v.ids[t]
		if !ok {
			id = uint32(len(v.stems))
			t = strings.Clone(t) // a slice of a folded text, which goes
			v.ids[t] = id
			v.stems = append(v.stems, t)
		}
		out[i] = id
	}
	return out
}

// all returns the stems by number, as numbered so far: a later number
// is past its end.
func (v *vocab) all() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.stems[:len(v.stems):len(v.stems)]
}
