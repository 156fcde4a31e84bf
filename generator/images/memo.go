package images

import (
	"slices"
	"sync"
	"time"
)

// Memo keeps the outcome of each image processed during one build, so
// that Check (which processes every image an author shows, to refuse one
// whose pixels do not decode) and Process (for the images the build
// publishes) do the work once, and the build summary counts it once. The
// zero value is not ready: use NewMemo. Safe for concurrent use.
type Memo struct {
	mu   sync.Mutex
	done map[job]outcome
	// cacheErr is the first failure to write the cache folder.
	cacheErr error
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{done: map[job]outcome{}} }

// outcome is what processing one image gave, and what it cost.
type outcome struct {
	p      *processed
	err    error
	cached bool          // read from the cache folder
	took   time.Duration // time spent
}

func (m *Memo) get(j job) (outcome, bool) {
	if m == nil {
		return outcome{}, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	o, ok := m.done[j]
	return o, ok
}

func (m *Memo) put(j job, o outcome) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.done[j] = o
}

// cacheFailure records a failure to write the cache, and returns the
// first one of the build (err, without a memo).
func (m *Memo) cacheFailure(err error) error {
	if m == nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cacheErr == nil {
		m.cacheErr = err
	}
	return m.cacheErr
}

// Forget drops what the memo holds of the images at paths, whose files
// changed: the next Check or Process reads them again.
func (m *Memo) Forget(paths ...string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for j := range m.done {
		if slices.Contains(paths, j.path) {
			delete(m.done, j)
		}
	}
}
