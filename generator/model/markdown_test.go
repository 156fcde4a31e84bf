package model

import (
	"errors"
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
)

// TestLazyMarkdown: a lazy body gives the tail of its file's text as long
// as the file holds the text it was made from, and ErrChanged (reported
// at its file, as an error) once it holds another; Same tells two bodies
// apart without reading them when both are lazy.
func TestLazyMarkdown(t *testing.T) {
	file := []byte("+++\ntitle = \"t\"\n+++\nLe texte.\n")
	body := file[len(file)-len("Le texte.\n"):]
	current := file
	read := func(string) ([]byte, error) { return current, nil }
	pos := diag.Pos{File: "content/news/2024-01-01-a.md", Line: 4, Col: 1}
	m := LazyMarkdown(pos, file, body, read)

	if got, err := m.Text(); err != nil || string(got) != "Le texte.\n" {
		t.Fatalf("Text = %q, %v", got, err)
	}
	if m.Blank() {
		t.Error("Blank = true for a text")
	}
	if !m.Same(LazyMarkdown(pos, file, body, read)) {
		t.Error("two lazy bodies of one text are not the same")
	}
	other := []byte("+++\ntitle = \"t\"\n+++\nUn autre.\n")
	if m.Same(LazyMarkdown(pos, other, other[len(other)-10:], read)) {
		t.Error("lazy bodies of two texts are the same")
	}
	if !m.Same(NewMarkdown([]byte("Le texte.\n"), pos)) || m.Same(NewMarkdown([]byte("Un autre.\n"), pos)) {
		t.Error("a lazy body and a held one are compared by their texts")
	}

	for _, edit := range [][]byte{
		[]byte("+++\ntitle = \"t\"\n+++\nLe texte!\n"), // same length
		[]byte("x"), // shorter than the body
	} {
		current = edit
		if _, err := m.Text(); !errors.Is(err, ErrChanged) {
			t.Errorf("after the file became %q: err = %v, want ErrChanged", edit, err)
		}
		var diags diag.List
		if _, ok := m.Read(&diags); ok || len(diags) != 1 || diags[0].Pos.File != pos.File || diags[0].Severity != diag.Error {
			t.Errorf("Read after a change: ok = %v, diags %v", ok, diags)
		}
	}
	if !NewMarkdown([]byte(" \n\t"), pos).Blank() || NewMarkdown([]byte("x"), pos).Blank() {
		t.Error("Blank of a held text")
	}
}
