package render

import (
	"bytes"
	"html/template"
	"strings"
	"sync"
	"testing"
)

// TestFoldConstantsPrintsWhatTheActionsPrinted executes a layout whose
// constant actions stand in every context html/template knows, folds it,
// and checks that every page prints what it printed unfolded, while the
// actions that depend on the page stay actions.
func TestFoldConstantsPrintsWhatTheActionsPrinted(t *testing.T) {
	tricky := `a<b & "c" 'd' javascript:alert(1) é`
	funcs := template.FuncMap{
		"t":        func(key string, args ...any) string { return key + ": " + tricky },
		"url":      func(p string) string { return p + "?q=<x>&r=\"y\"" },
		"asset":    func(p string) (string, error) { return "/" + p, nil },
		"lower":    strings.ToLower,
		"upper":    strings.ToUpper,
		"sitePath": func(name string) string { return "/" + name + "/" },
	}
	src := `{{define "partials/p.html"}}<span title="{{t "in_partial"}}">{{t "in_partial"}}</span>{{end}}` +
		`<html><head><title>{{t "title"}}</title>` +
		`<script type="application/ld+json">{"name": {{t "json"}}}</script>` +
		`<script>var s = "{{t "js_string"}}";</script>` +
		`<style>p::before { content: "{{t "css"}}" }</style></head>` +
		`<body><p>{{t "text"}}</p><a href="{{url "/cpts/"}}" title='{{t "single"}}' data-x={{t "unquoted"}}>{{t "link"}}</a>` +
		`<a href="{{t "as_url"}}">x</a><a href="{{url (sitePath "glossaire")}}">{{upper (sitePath "x")}}</a><img src="{{asset "img/logo.png"}}" alt="{{t "alt"}}" style="color: {{t "style"}}">` +
		`<p onclick="f({{t "handler"}})">{{t "text" | upper}} {{t "text" "arg" | lower}}</p>` +
		`{{if .}}<p>{{t "in_if"}} {{.}}</p>{{end}}{{range $i, $c := .}}<i>{{t "in_range"}}{{$c}}</i>{{end}}` +
		`{{template "partials/p.html" .}}<p title="{{t (print .)}}">{{t (print .)}}</p>{{$v := t "declared"}}{{$v}}</body></html>`
	set := template.Must(template.New("page").Funcs(funcs).Parse(src))
	exec := func(data []string) string {
		var b bytes.Buffer
		if err := set.Execute(&b, data); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	pages := map[string][]string{"one": {"a"}, "two": {"b", "c"}}
	before := map[string]string{}
	for name, data := range pages {
		before[name] = exec(data)
	}
	n := foldConstants(set, "page", funcs, new(sync.Map))
	if n < 14 {
		t.Errorf("folded %d actions, want at least the 14 constant ones outside scripts", n)
	}
	for name, want := range before {
		if got := exec(pages[name]); got != want {
			t.Errorf("page %q after folding:\n%s\nwant:\n%s", name, got, want)
		}
	}
	if again := foldConstants(set, "page", funcs, new(sync.Map)); again != 0 {
		t.Errorf("a second fold folded %d more actions", again)
	}
}

// TestFoldLeavesErrorsToThePage: an action that fails (a missing asset)
// is not folded, so that each page still reports it.
func TestFoldLeavesErrorsToThePage(t *testing.T) {
	missing := false
	funcs := template.FuncMap{"asset": func(p string) (string, error) {
		if missing {
			return "", errMissing
		}
		return "/" + p, nil
	}}
	set := template.Must(template.New("page").Funcs(funcs).Parse(`<link href="{{asset "a.css"}}">`))
	var b bytes.Buffer
	if err := set.Execute(&b, nil); err != nil {
		t.Fatal(err)
	}
	missing = true
	if n := foldConstants(set, "page", funcs, new(sync.Map)); n != 0 {
		t.Errorf("folded %d failing actions", n)
	}
	if err := set.Execute(&b, nil); err == nil {
		t.Error("the page no longer reports the missing asset")
	}
}

var errMissing = errorString("no asset")

type errorString string

func (e errorString) Error() string { return string(e) }
