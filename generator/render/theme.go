package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/output"
)

// Overlay is a file system that serves a site's own files over a theme's:
// a file at the same path in top wins.
type Overlay struct {
	Top, Base fs.FS
}

// Open opens name from Top, else from Base.
func (o Overlay) Open(name string) (fs.File, error) {
	if o.Top != nil {
		f, err := o.Top.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return o.Base.Open(name)
}

// overrides reports whether the top layer has the file name.
func (o Overlay) overrides(name string) bool {
	if o.Top == nil {
		return false
	}
	_, err := fs.Stat(o.Top, name)
	return err == nil
}

// files lists the regular files under dir in both layers, sorted.
func (o Overlay) files(dir string) []string {
	seen := map[string]bool{}
	for _, layer := range []fs.FS{o.Top, o.Base} {
		if layer == nil {
			continue
		}
		_ = fs.WalkDir(layer, dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
				seen[p] = true
			}
			return nil
		})
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// strings loads i18n/<lang>.toml: flat keys to UI strings.
func loadStrings(theme Overlay, lang string) (map[string]string, diag.List) {
	var diags diag.List
	p := "i18n/" + lang + ".toml"
	data, err := fs.ReadFile(theme, p)
	if err != nil {
		diags.Errorf(diag.Pos{File: "themes/default/" + p}, diag.IO, "no UI strings for language %q: %v", lang, err).
			WithHint("add %s to the site's i18n/ folder, or set language = \"fr\"", p)
		return nil, diags
	}
	m := map[string]string{}
	if _, err := toml.Decode(string(data), &m); err != nil {
		var pe toml.ParseError
		pos := diag.Pos{File: p}
		if errors.As(err, &pe) {
			pos.Line, pos.Col = pe.Position.Line, pe.Position.Col
		}
		diags.Errorf(pos, diag.Syntax, "UI strings: %v", err)
	}
	return m, diags
}

// templates holds one parsed template set per page layout, each made of
// baseof.html, the partials and the layout itself.
type templates struct {
	base *template.Template            // baseof.html and the partials, for partialCached
	sets map[string]*template.Template // by layout, each with a copy of base
	// overridden holds the partials the site's own layouts replace
	// ("partials/footer.html"), read once instead of at every call.
	overridden map[string]bool
	funcs      template.FuncMap
	first      map[string]*firstPage // by layout
	// squeeze has the text of each layout squeezed after its first page
	// (output.SqueezeHTML).
	squeeze bool
	// ids are the ids the theme's templates give elements ("membres"),
	// which headings of Markdown bodies must not take (markup.Options).
	ids []string
	// fold has constant actions folded after each layout's first page; it
	// is off for a build of a few pages (Options.Only), which it would not
	// repay.
	fold bool
	// folds keeps what constant actions fold to (foldConstants).
	folds sync.Map
}

// firstPage is the first execution of a layout, which escapes it, then
// folds its constants and squeezes its text. squeezed is written within
// once, and read by the pages after it: each layout has its own, so that
// the first pages of two layouts may run at the same time.
type firstPage struct {
	once     sync.Once
	squeezed bool
}

// loadTemplates parses every layout of the theme. Templates are named by
// their path in the theme ("layouts/cpts.html"), so errors say which file.
func loadTemplates(theme Overlay, funcs template.FuncMap, squeeze, fold bool) (*templates, diag.List) {
	var diags diag.List
	all := theme.files("layouts")
	var partials, pages []string
	for _, p := range all {
		switch {
		case strings.HasPrefix(p, "layouts/partials/"):
			partials = append(partials, p)
		case p == "layouts/baseof.html":
		case path.Ext(p) == ".html":
			pages = append(pages, p)
		}
	}
	base := template.New("baseof.html").Funcs(funcs)
	ids := map[string]bool{}
	for _, p := range append([]string{"layouts/baseof.html"}, partials...) {
		if err := parseInto(base, theme, p, ids); err != nil {
			diags.Append(templateDiag(err, p))
		}
	}
	t := &templates{base: base, sets: map[string]*template.Template{}, overridden: map[string]bool{}, funcs: funcs, first: map[string]*firstPage{},
		squeeze: squeeze, fold: fold}
	for _, p := range partials {
		if theme.overrides(p) {
			t.overridden[strings.TrimPrefix(p, "layouts/")] = true
		}
	}
	if diags.HasErrors() {
		return t, diags
	}
	for _, p := range pages {
		set, err := base.Clone()
		if err == nil {
			err = parseInto(set, theme, p, ids)
		}
		if err != nil {
			diags.Append(templateDiag(err, p))
			continue
		}
		name := strings.TrimSuffix(strings.TrimPrefix(p, "layouts/"), ".html")
		if d := checkLayoutFields(name, set); d.HasErrors() {
			diags.Append(d)
			continue
		}
		t.sets[name], t.first[name] = set, new(firstPage)
	}
	for id := range ids {
		t.ids = append(t.ids, id)
	}
	sort.Strings(t.ids)
	return t, diags
}

// parseInto parses the theme file p into t, under its name relative to
// layouts/ ("partials/footer.html"), which is how templates call it, and
// adds to ids the ids its text gives elements (id="membres").
func parseInto(t *template.Template, theme fs.FS, p string, ids map[string]bool) error {
	data, err := fs.ReadFile(theme, p)
	if err != nil {
		return err
	}
	for _, m := range literalID.FindAllSubmatch(data, -1) {
		ids[string(m[1])] = true
	}
	name := strings.TrimPrefix(p, "layouts/")
	target := t
	if t.Name() != name {
		target = t.New(name)
	}
	_, err = target.Parse(string(data))
	return err
}

// literalID finds an id written in a template's text, not made by an action.
var literalID = regexp.MustCompile(`\sid="([^"{}]+)"`)

var templateErrRE = regexp.MustCompile(`template: (?:html/template:)?([^:\s]+):(\d+)(?::(\d+))?: `)

// templateDiag turns an html/template error into a positioned diagnostic
// naming the theme file and line.
func templateDiag(err error, fallback string) diag.List {
	var l diag.List
	msg := err.Error()
	pos := diag.Pos{File: fallback}
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		pos.File = "layouts/" + m[1]
		pos.Line, _ = strconv.Atoi(m[2])
		if m[3] != "" {
			pos.Col, _ = strconv.Atoi(m[3])
		}
		msg = msg[len(m[0])+strings.Index(msg, m[0]):]
	}
	l.Errorf(pos, diag.Template, "template: %s", msg)
	return l
}

// execute runs the layout name with data into a buffer of the output's
// pool (output.GetBuffer), which the caller gives back once it has added
// the page. squeezed reports that the layout's text is squeezed: the page
// needs no minifier, if what it inserts is squeezed too.
func (t *templates) execute(name string, data any) (b *bytes.Buffer, squeezed bool, err error) {
	set, ok := t.sets[name]
	if !ok {
		return nil, false, fmt.Errorf("template: layouts/%s.html: no such layout", name)
	}
	b = output.GetBuffer()
	made := false // the page is in b
	first := t.first[name]
	first.once.Do(func() {
		// The first page escapes the layout (html/template does it at the
		// first execution); its constants are folded (the same bytes) and
		// its text squeezed before the next page. A squeezed layout makes
		// the first page again, so that no page depends on which came
		// first.
		made = true
		if err = set.ExecuteTemplate(b, "baseof.html", data); err != nil {
			return
		}
		if t.fold {
			foldConstants(set, "baseof.html", t.funcs, &t.folds)
		}
		if t.squeeze && squeezeText(set, "baseof.html") {
			first.squeezed = true
			made = false
			b.Reset()
		}
	})
	if !made && err == nil {
		err = set.ExecuteTemplate(b, "baseof.html", data)
	}
	if err != nil {
		output.PutBuffer(b)
		return nil, false, err
	}
	return b, first.squeezed, nil
}
