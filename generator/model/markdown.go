package model

import (
	"bytes"
	"errors"
	"hash/maphash"

	"github.com/cpts-fr/cpts/generator/diag"
)

// Markdown is a Markdown body and the position of its first line, so the
// renderer can turn offsets into file positions. Its text is either held
// (NewMarkdown) or read again from its file when asked for (LazyMarkdown):
// a directory holds a decade of news, whose texts a build must not keep
// all at once. Text and Read give it either way.
type Markdown struct {
	Pos diag.Pos

	text   []byte
	reread Reader // set for a text left in its file, Pos.File
	sum    uint64 // of the whole file's text, for a text left in it
	n      int    // the length of the text, the tail of its file's
	blank  bool   // the text is only white space
}

// Reader reads the text of a file of the site again, by its path: what a
// lazy body (LazyMarkdown) is read from. One reader serves every body of
// a site, so that a body holds no function of its own (a decade of news
// is 400,000 of them).
type Reader func(file string) ([]byte, error)

// ErrChanged is the error of a text whose file changed, or went away,
// since the site was loaded.
var ErrChanged = errors.New("the file changed while the site was being built")

// NewMarkdown returns a body that holds its text.
func NewMarkdown(text []byte, pos diag.Pos) Markdown {
	return Markdown{Pos: pos, text: text, blank: len(bytes.TrimSpace(text)) == 0}
}

// LazyMarkdown returns a body that keeps only a fingerprint of its file,
// pos.File: file is the file's text as loaded, body its tail that is the
// Markdown text, and read reads the file's text again. Text calls read
// and returns the same tail if the file's text is still the one loaded,
// else ErrChanged: a build never mixes two versions of a file.
func LazyMarkdown(pos diag.Pos, file, body []byte, read Reader) Markdown {
	return Markdown{Pos: pos, sum: fingerprint(file), n: len(body), blank: len(bytes.TrimSpace(body)) == 0, reread: read}
}

// seed is this process's seed of fingerprints: they are compared within
// one process only, never written.
var seed = maphash.MakeSeed()

func fingerprint(b []byte) uint64 { return maphash.Bytes(seed, b) | 1 } // never 0

// Text returns the text, read again from its file for a lazy body.
func (m Markdown) Text() ([]byte, error) {
	if m.reread == nil {
		return m.text, nil
	}
	again, err := m.reread(m.Pos.File)
	if err != nil {
		return nil, err
	}
	if len(again) < m.n || fingerprint(again) != m.sum {
		return nil, ErrChanged
	}
	return again[len(again)-m.n:], nil
}

// Read is Text for a caller that reports problems: when the text cannot
// be read, it adds an error at the body's file to diags and returns false.
func (m Markdown) Read(diags *diag.List) ([]byte, bool) {
	text, err := m.Text()
	if err != nil {
		m.Report(diags, err)
		return nil, false
	}
	return text, true
}

// Report adds to diags the error of reading the text again (from Text).
func (m Markdown) Report(diags *diag.List, err error) {
	at := diag.Pos{File: m.Pos.File}
	if !errors.Is(err, ErrChanged) {
		diags.Errorf(at, diag.IO, "cannot read: %v", err)
		return
	}
	diags.Errorf(at, diag.IO, "the file changed while the site was being built").
		WithHint("build again once it is saved: a build reads a news item's text again when it needs it, and must find the text it loaded")
}

// Blank reports whether the text is empty or only white space, without
// reading it again.
func (m Markdown) Blank() bool { return m.blank }

// Fingerprint summarises the text without reading it again: for a lazy
// body, the fingerprint of its file's text as loaded; else that of the
// text. Two bodies with the same fingerprint hold the same text, within
// one process (a lazy body and one that holds its text never compare
// equal).
func (m Markdown) Fingerprint() uint64 {
	if m.sum != 0 {
		return m.sum
	}
	return fingerprint(m.text) &^ 1 // even: never a lazy body's
}

// Same reports whether m and o certainly hold the same text: for two lazy
// bodies, that their files' texts have the same fingerprint; else that
// their texts are equal.
func (m Markdown) Same(o Markdown) bool {
	if m.sum != 0 && o.sum != 0 {
		return m.sum == o.sum
	}
	a, errA := m.Text()
	b, errB := o.Text()
	return errA == nil && errB == nil && bytes.Equal(a, b)
}
