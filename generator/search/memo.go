package search

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/cpts-fr/cpts/generator/model"
)

// Memo keeps the terms of news items from one index of a site to the
// next, for `cpts serve`: an incremental rebuild replaces the items it
// reloads and keeps the others, so that only the new items' text is read
// again. Reading every item's text is most of the time an index takes on
// a national directory. A Memo is safe for concurrent use; the zero
// value is ready.
type Memo struct {
	mu    sync.Mutex
	terms map[*model.News]memoTerms
	next  map[*model.News]memoTerms // what this index used, kept for the next
}

// memoTerms are the terms of an item, with the text they were read from:
// a memo entry is used only if the item still holds that text.
type memoTerms struct {
	title, summary string
	body           []byte
	tags           []string
	terms          []string
}

// newsTerms returns the terms of n's text, from the memo when it holds
// them for the same text.
func (m *Memo) newsTerms(n *model.News) []string {
	read := func() []string {
		return Terms(n.Title, n.Summary, strings.Join(n.Tags, " "), withoutNoise(n.Body.Source))
	}
	if m == nil {
		return read()
	}
	m.mu.Lock()
	e, ok := m.terms[n]
	m.mu.Unlock()
	if !ok || e.title != n.Title || e.summary != n.Summary || !bytes.Equal(e.body, n.Body.Source) || !slices.Equal(e.tags, n.Tags) {
		e = memoTerms{title: n.Title, summary: n.Summary, body: n.Body.Source, tags: n.Tags, terms: read()}
	}
	m.mu.Lock()
	if m.next == nil {
		m.next = map[*model.News]memoTerms{}
	}
	m.next[n] = e
	m.mu.Unlock()
	return e.terms
}

// done ends an index: the memo keeps the entries it used, so that items
// deleted or replaced are let go.
func (m *Memo) done() {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.terms, m.next = m.next, nil
	m.mu.Unlock()
}
