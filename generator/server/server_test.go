package server

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/catalog"
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/output"
)

// fakeBuilder returns a site, or errors when fail is set.
type fakeBuilder struct{ fail bool }

func (f *fakeBuilder) build([]string) (*build.Result, diag.List) {
	if f.fail {
		var l diag.List
		l.Errorf(diag.Pos{File: "content/cpts/a/index.md", Line: 3, Col: 10}, diag.Value, "status: %q is not one of the allowed values", "signe").WithHint("did you mean \"aci-signe\"?")
		return nil, l
	}
	set := output.NewSet()
	_ = set.Add("index.html", []byte("<html><body><h1>Accueil</h1></body></html>"))
	_ = set.Add("cpts/a/index.html", []byte("<html><body>A</body></html>"))
	_ = set.Add("css/site.1.css", []byte("body{}"))
	_ = set.Add("404.html", []byte("<html><body>introuvable</body></html>"))
	return &build.Result{Files: set}, nil
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", target, nil)
	req.Host = "localhost:1313"
	h.ServeHTTP(rec, req)
	return rec
}

func TestServeFromMemory(t *testing.T) {
	fb := &fakeBuilder{}
	s := New(fb.build)
	s.Rebuild(nil)
	tests := []struct {
		target   string
		code     int
		contains string
	}{
		{"/", 200, "Accueil"},
		{"/cpts/a/", 200, "A<script src=\"/__cpts/livereload.js\" defer></script></body>"},
		{"/cpts/a", 301, ""},
		{"/css/site.1.css", 200, "body{}"},
		{"/nope/", 404, "introuvable"},
		{"/../../etc/passwd", 404, "introuvable"},
		{"/%2e%2e/%2e%2e/etc/passwd", 404, "introuvable"},
		{"/cpts/", 404, "introuvable"}, // no listing of folders
		{"/__cpts/livereload.js", 200, "EventSource"},
	}
	for _, tt := range tests {
		rec := get(t, s, tt.target)
		if rec.Code != tt.code || !strings.Contains(rec.Body.String(), tt.contains) {
			t.Errorf("GET %s = %d %q, want %d containing %q", tt.target, rec.Code, rec.Body.String(), tt.code, tt.contains)
		}
	}
	if rec := get(t, s, "/cpts/a/"); rec.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("Content-Type = %q", rec.Header().Get("Content-Type"))
	}
}

// TestErrorPageSpeaksTheSiteLanguage: with a French catalogue, the error
// page is in French, from its lang attribute to the hints.
func TestErrorPageSpeaksTheSiteLanguage(t *testing.T) {
	fb := &fakeBuilder{fail: true}
	s := New(fb.build)
	fr, _ := catalog.For("fr")
	s.Speak(func() *catalog.Catalog { return fr })
	s.Rebuild(nil)
	body := get(t, s, "/").Body.String()
	for _, want := range []string{`<html lang="fr"`, "La construction a échoué", "1 erreur, 0 avertissement.",
		`<li class="error"><code>content/cpts/a/index.md:3:10</code>: erreur: status : &#34;signe&#34; ne fait pas partie des valeurs permises [value]`,
		"conseil: vouliez-vous dire &#34;aci-signe&#34; ?"} {
		if !strings.Contains(body, want) {
			t.Errorf("error page lacks %q:\n%s", want, body)
		}
	}
}

func TestErrorPageThenRecovery(t *testing.T) {
	fb := &fakeBuilder{}
	s := New(fb.build)
	s.Rebuild(nil)
	fb.fail = true
	s.Rebuild(nil)
	rec := get(t, s, "/cpts/a/")
	body := rec.Body.String()
	if rec.Code != 500 || !strings.Contains(body, "content/cpts/a/index.md:3:10") || !strings.Contains(body, "hint: did you mean") {
		t.Fatalf("error page = %d %s", rec.Code, body)
	}
	if strings.Contains(body, "<style") || strings.Contains(body, "style=") || !strings.Contains(rec.Header().Get("Content-Security-Policy"), "style-src 'self'") {
		t.Errorf("the error page must keep a strict CSP: no inline style, got %q", rec.Header().Get("Content-Security-Policy"))
	}
	if rec := get(t, s, "/__cpts/error.css"); rec.Code != 200 || !strings.Contains(rec.Body.String(), ".hint") {
		t.Errorf("GET /__cpts/error.css = %d", rec.Code)
	}
	if rec := get(t, s, "/css/site.1.css"); rec.Code != 200 {
		t.Errorf("assets of the last good build must stay served, got %d", rec.Code)
	}
	fb.fail = false
	s.Rebuild(nil)
	if rec := get(t, s, "/cpts/a/"); rec.Code != 200 {
		t.Errorf("after the fix, GET = %d", rec.Code)
	}
}

func TestReloadEvent(t *testing.T) {
	fb := &fakeBuilder{}
	s := New(fb.build)
	s.Rebuild(nil)
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var r *bufio.Reader
	for _, page := range []string{"/cpts/a/index.html", "/cpts/a/", "../etc/passwd", ""} { // as livereload.js sends it
		req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/__cpts/events?page="+url.QueryEscape(page), nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		r = bufio.NewReader(resp.Body)
		if line, _ := r.ReadString('\n'); !strings.HasPrefix(line, "retry:") {
			t.Fatalf("first line %q", line)
		}
		_, _ = r.ReadString('\n')
	}
	if open := s.Open(); !slices.Equal(open, []string{"/cpts/a/"}) {
		t.Errorf("open pages %q, want the one page two clients show", open)
	}
	go func() {
		time.Sleep(50 * time.Millisecond)
		s.Rebuild(nil)
	}()
	line, err := r.ReadString('\n')
	if err != nil && err != io.EOF || line != "event: reload\n" {
		t.Fatalf("got %q, %v; want a reload event", line, err)
	}
}
