package search

import (
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
	stems *vocab                    // numbers the terms of every index
}

// memoTerms are the terms of an item, with the text they were read from:
// a memo entry is used only if the item still holds that text.
type memoTerms struct {
	title, summary string
	body           model.Markdown // its fingerprint, when left in its file
	tags           []string
	terms          []uint32 // numbered by the memo's vocab
}

// vocab returns the vocab of an index: the memo's, which numbers the
// terms it keeps; a new one without a memo.
func (m *Memo) vocab() *vocab {
	if m == nil {
		return newVocab()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.stems == nil {
		m.stems = newVocab()
	}
	return m.stems
}

// newsTerms returns the terms of n's text numbered by v (m.vocab()), from
// the memo when it holds them for the same text. The error is that of
// reading the text again (model.Markdown.Text).
func (m *Memo) newsTerms(n *model.News, v *vocab) ([]uint32, error) {
	read := func() ([]uint32, error) {
		text, err := n.Body.Text()
		if err != nil {
			return nil, err
		}
		return v.numbers(Terms(n.Title, n.Summary, strings.Join(n.Tags, " "), withoutNoise(text))), nil
	}
	if m == nil {
		return read()
	}
	m.mu.Lock()
	e, ok := m.terms[n]
	m.mu.Unlock()
	if !ok || e.title != n.Title || e.summary != n.Summary || !e.body.Same(n.Body) || !slices.Equal(e.tags, n.Tags) {
		terms, err := read()
		if err != nil {
			return nil, err
		}
		e = memoTerms{title: n.Title, summary: n.Summary, body: n.Body, tags: n.Tags, terms: terms}
	}
	m.mu.Lock()
	if m.next == nil {
		m.next = map[*model.News]memoTerms{}
	}
	m.next[n] = e
	m.mu.Unlock()
	return e.terms, nil
}

// retain ends an index that reused a trie, whose items' terms were not
// looked up: the memo keeps the entries of the items still indexed, so
// that items deleted or replaced are let go.
func (m *Memo) retain(docs []*doc) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	kept := map[*model.News]memoTerms{}
	for _, d := range docs {
		if e, ok := m.terms[d.news]; ok && d.news != nil {
			kept[d.news] = e
		}
	}
	m.terms, m.next = kept, nil
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
