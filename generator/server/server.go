// Package server is the development server of `cpts serve`: it builds the
// site in memory (never writing into public/), serves it on a loopback
// address, rebuilds when files change, and reloads open pages through
// Server-Sent Events and an external script (so the CSP stays strict).
// When a build fails, HTML pages show every diagnostic with its position,
// and the last good build keeps serving everything else; fixing the file
// clears the error page.
package server

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/catalog"
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/output"
)

// Builder runs one build; the server calls it on start (changed is nil)
// and on every batch of changes, with the changed paths relative to the
// site folder.
type Builder func(changed []string) (*build.Result, diag.List)

// Server serves the last good build and the last build's diagnostics.
type Server struct {
	build Builder

	mu       sync.RWMutex
	hosts    *hostPolicy // the Host headers answered; see Bind
	files    *output.Set // last good build
	diags    diag.List   // diagnostics of the last build
	failed   bool        // the last build failed
	builds   int         // number of builds run
	lastTime time.Duration

	clientsMu sync.Mutex
	clients   map[chan struct{}]string // each open page's site path (see Open)

	gc *idleGC

	// newer is set when a change arrives during a rebuild (Interrupt): the
	// rebuild stops its completion, which the next one takes over.
	newer atomic.Bool

	messages func() *catalog.Catalog // the language of the error page
}

// New returns a server that builds with b. Call Rebuild once before
// serving, and Bind with the listener's address.
func New(b Builder) *Server {
	en, _ := catalog.For("en")
	return &Server{build: b, hosts: defaultHosts, clients: map[chan struct{}]string{}, gc: newIdleGC(),
		messages: func() *catalog.Catalog { return en }}
}

// Speak sets the language of the error page: messages is called for each
// page, so that it follows the site's language as it changes. English
// until it is called.
func (s *Server) Speak(messages func() *catalog.Catalog) { s.messages = messages }

// Rebuild runs a build for the changed paths (nil: everything), keeps its
// output if it succeeded, and tells open pages to reload; then it
// completes a build that left its search index or sitemap to make
// (build.Result.Complete) and serves them too, or, when that fails, its
// errors (the pages reload to show them, as they do when the completion
// made every file again: build.RunOver); a change that arrives meanwhile
// (Interrupt) stops the completion, which the next rebuild takes over. It
// returns the
// diagnostics. Once it has been idle for IdleGCDelay after a build, the
// server collects its garbage if the runtime would soon do so itself,
// so that collections do not fall in the middle of a rebuild.
func (s *Server) Rebuild(changed []string) diag.List {
	s.gc.busy()
	defer s.gc.idle()
	defer s.newer.Store(false) // the changes seen until now make the next batch
	start := time.Now()
	res, diags := s.build(changed)
	s.mu.Lock()
	s.builds++
	s.diags = diags
	s.failed = res == nil
	s.lastTime = time.Since(start)
	if res != nil {
		s.files = res.Files
	}
	s.mu.Unlock()
	s.notify()
	if res != nil && res.Pending() {
		// The edited page is reloading; the search index and sitemap
		// follow, before the next build (build.Options.DeferIndex), unless
		// a newer change comes first: that build takes them over.
		provisional := res.Provisional() // every file is made again: the open pages reload then too
		more := res.CompleteUnless(s.newer.Load)
		if res.Pending() {
			return diags
		}
		s.mu.Lock()
		s.files = res.Files
		s.diags = append(s.diags, more...)
		s.failed = res.Broken() // the pages show the errors; the next build is a full one
		s.mu.Unlock()
		diags = append(diags, more...)
		if res.Broken() || provisional {
			s.notify()
		}
	}
	return diags
}

// Interrupt tells a running Rebuild that a newer change has arrived: it
// stops completing (build.Result.CompleteUnless), and the rebuild of that
// change takes the work over. Watch calls it for each change it sees
// during a rebuild.
func (s *Server) Interrupt() { s.newer.Store(true) }

// Stats returns the number of builds, whether the last failed, and how long it took.
func (s *Server) Stats() (builds int, failed bool, took time.Duration) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.builds, s.failed, s.lastTime
}

func (s *Server) notify() {
	s.clientsMu.Lock()
	defer s.clientsMu.Unlock()
	for c := range s.clients {
		select {
		case c <- struct{}{}:
		default: // a reload is already pending for this client
		}
	}
}

//go:embed livereload.js
var liveReloadJS []byte

//go:embed error.css
var errorCSS []byte

const (
	reloadScriptPath = "/__cpts/livereload.js"
	errorCSSPath     = "/__cpts/error.css"
	eventsPath       = "/__cpts/events"
)

// errorPagePolicy is the Content-Security-Policy of the error page: its
// stylesheet, the live-reload script and its event stream, nothing else.
const errorPagePolicy = "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'"

// ServeHTTP serves the site from memory. Requests for another host than
// the server's own get 421 Misdirected Request (see Bind). Paths are
// cleaned and looked up in the output set: nothing outside the site can be
// reached, and there are no directory listings.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	hosts := s.hosts
	s.mu.RUnlock()
	if !hosts.allows(r.Host) {
		hosts.misdirected(w)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case reloadScriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(liveReloadJS)
		return
	case errorCSSPath:
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(errorCSS)
		return
	case eventsPath:
		s.events(w, r)
		return
	}
	s.mu.RLock()
	files, failed, diags := s.files, s.failed, s.diags
	s.mu.RUnlock()
	p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if p == "" || strings.HasSuffix(r.URL.Path, "/") {
		p = path.Join(p, "index.html")
	}
	html := strings.HasSuffix(p, ".html")
	if failed && (html || !strings.Contains(path.Base(p), ".")) {
		s.errorPage(w, diags)
		return
	}
	if files == nil {
		s.errorPage(w, diags)
		return
	}
	data, ok := files.Get(p)
	if !ok && !strings.HasSuffix(r.URL.Path, "/") && files.Has(p+"/index.html") {
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusNotFound
		p = "404.html"
		if data, ok = files.Get(p); !ok {
			data = []byte("404 page not found")
			p = "404.txt"
		}
	}
	if strings.HasSuffix(p, ".html") {
		data = injectReload(data)
	}
	w.Header().Set("Content-Type", contentType(p))
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// injectReload adds the live-reload script before </body>.
func injectReload(page []byte) []byte {
	tag := []byte(`<script src="` + reloadScriptPath + `" defer></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte{}, page...), tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8", ".json": "application/json",
	".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
	".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
	".webp": "image/webp", ".ics": "text/calendar; charset=utf-8",
	".atom": "application/atom+xml", ".csv": "text/csv; charset=utf-8",
	".geojson": "application/geo+json",
}

func contentType(p string) string {
	if t, ok := contentTypes[path.Ext(p)]; ok {
		return t
	}
	return "application/octet-stream"
}

// Open returns the site paths of the pages open in browsers, sorted, as
// their live-reload connections give them (livereload.js sends its
// location's path): a rebuild renders them first (build.Options.Open).
func (s *Server) Open() []string {
	s.clientsMu.Lock()
	defer s.clientsMu.Unlock()
	var open []string
	for _, p := range s.clients {
		if p != "" && !slices.Contains(open, p) {
			open = append(open, p)
		}
	}
	slices.Sort(open)
	return open
}

// openPage returns the site path a live-reload connection says its page
// has, or "" when it is none: a page's path ("/cpts/x/"), of a sane
// length, for the build to look up among its pages, never to read.
func openPage(p string) string {
	if len(p) > 512 || !strings.HasPrefix(p, "/") || !strings.HasSuffix(p, "/") && !strings.HasSuffix(p, ".html") {
		return ""
	}
	return strings.TrimSuffix(p, "index.html")
}

// events streams a "reload" event after each build (Server-Sent Events).
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan struct{}, 1)
	s.clientsMu.Lock()
	s.clients[c] = openPage(r.URL.Query().Get("page"))
	s.clientsMu.Unlock()
	defer func() {
		s.clientsMu.Lock()
		delete(s.clients, c)
		s.clientsMu.Unlock()
	}()
	fmt.Fprint(w, "retry: 500\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-c:
			fmt.Fprint(w, "event: reload\ndata: reload\n\n")
			flusher.Flush()
		}
	}
}

var errorTemplate = template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}" data-cpts-error>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="` + errorPagePolicy + `">
<title>{{.Title}}</title>
<link rel="stylesheet" href="` + errorCSSPath + `"></head>
<body>
<main>
<h1>{{.Heading}}</h1>
<p>{{.Lead}}</p>
<ol>
{{range .Diags}}<li class="{{.Class}}"><code>{{.Pos}}</code>: {{.Severity}}: {{.Msg}}{{with .Code}} [{{.}}]{{end}}{{with .Hint}}<br><span class="hint">{{$.HintWord}}: {{.}}</span>{{end}}</li>
{{end}}</ol>
</main>
<script src="` + reloadScriptPath + `" defer></script>
</body>
</html>
`))

// errorData is what the error page shows, in the language of its catalogue.
type errorData struct {
	Lang, Title, Heading, Lead, HintWord string
	Diags                                []errorItem
}

// errorItem is one diagnostic of the error page.
type errorItem struct {
	Class    string // "error" or "warning", for the stylesheet
	Severity string // in the page's language
	Pos      diag.Pos
	Code     diag.Code
	Msg      string
	Hint     string
}

// errorPage lists the diagnostics of the failed build.
func (s *Server) errorPage(w http.ResponseWriter, diags diag.List) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Security-Policy", errorPagePolicy)
	w.WriteHeader(http.StatusInternalServerError)
	msgs := s.messages()
	words := msgs.Words()
	data := errorData{Lang: msgs.Lang(), Title: msgs.Text("Build failed – cpts serve"), Heading: msgs.Text("Build failed"),
		Lead: msgs.Sprintf("%s. Fix the files below: this page reloads by itself once the site builds again.", msgs.Summary(diags)), HintWord: words.Hint}
	for _, d := range msgs.List(diags) {
		data.Diags = append(data.Diags, errorItem{Class: d.Severity.String(), Severity: words.Severity(d.Severity),
			Pos: d.Pos, Code: d.Code, Msg: d.Msg, Hint: d.Hint})
	}
	_ = errorTemplate.Execute(w, data)
}
