package output

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2/buffer"
)

// Minifier minifies files by their extension.
type Minifier struct {
	m *minify.M
}

// NewMinifier returns a Minifier for HTML, CSS, JS, SVG, JSON and XML
// (Atom, sitemap). HTML keeps its document and end tags, as Zola does, so
// the output stays readable by every validator.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", minifySVG)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	// Numbers keep their spelling: the minifier would write 1000 as 1e3,
	// which a reader of integers (Go's, the open data's users') refuses,
	// and the search index's names hash its bytes.
	m.AddRegexp(regexp.MustCompile(`[/+]json$`), &json.Minifier{KeepNumbers: true})
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &Minifier{m: m}
}

// minifySVG minifies SVG files, but copies SVG inline in HTML as it is:
// there it is the maps of package carto, written compact already (integer
// relative path data), which the SVG minifier would spend most of a
// build's minification time re-parsing for nothing.
func minifySVG(m *minify.M, w io.Writer, r io.Reader, params map[string]string) error {
	if params["inline"] == "1" {
		if b, ok := r.(interface{ Bytes() []byte }); ok { // the minifier's reader over the page: no copy buffer
			_, err := w.Write(b.Bytes())
			return err
		}
		_, err := io.Copy(w, r)
		return err
	}
	return svg.Minify(m, w, r, params)
}

var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".svg": "image/svg+xml", ".json": "application/json", ".xml": "application/xml",
	".webmanifest": "application/json",
}

// MinifyError is the error of a file the minifier cannot read (a syntax
// error in a script, say).
type MinifyError struct {
	Path string
	Err  error
}

func (e *MinifyError) Error() string { return fmt.Sprintf("minify %s: %v", e.Path, e.Err) }

// Unwrap returns the minifier's error.
func (e *MinifyError) Unwrap() error { return e.Err }

// MinifyTo writes data into w, minified according to the extension of
// p; files of other types are copied as they are. data needs one byte of
// spare capacity, or the minifier copies it.
func (mf *Minifier) MinifyTo(w *bytes.Buffer, p string, data []byte) error {
	mt, ok := mediaTypes[path.Ext(p)]
	if !ok {
		w.Write(data)
		return nil
	}
	w.Grow(len(data))
	if err := mf.m.Minify(mt, w, buffer.NewReader(data)); err != nil {
		return &MinifyError{Path: p, Err: err}
	}
	return nil
}

// Minify returns data minified according to the extension of p; files of
// other types are returned as they are. The minifier reads data in place,
// and the result is no larger than it needs to be, since a build may keep
// it in memory.
func (mf *Minifier) Minify(p string, data []byte) ([]byte, error) {
	if _, ok := mediaTypes[path.Ext(p)]; !ok {
		return data, nil
	}
	var b bytes.Buffer
	if err := mf.MinifyTo(&b, p, data); err != nil {
		return nil, err
	}
	out := b.Bytes()
	if cap(out)-len(out) > len(out)/8 {
		out = bytes.Clone(out)
	}
	return out, nil
}
