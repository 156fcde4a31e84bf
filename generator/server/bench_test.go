package server

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/corpus"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/themes"
)

// newsFileName splits a news file name into its date and slug.
var newsFileName = regexp.MustCompile(`^content/cpts/([^/]+)/news/\d{4}(?:-\d{2}){0,2}-(.+)\.md$`)

// BenchmarkServeEdit measures what an author waits for in `cpts serve`
// after saving a file of a generated corpus written to a temporary
// folder, for each kind of edit: the write, the fsnotify event, the quiet
// time of Debounce, the rebuild, the reload event on the Server-Sent
// Events stream, and the GET of the page the author looks at, which must
// have changed. It reports the median and the largest of these times, the
// median of the rebuild alone (without the debounce), and the median time
// the server then takes to complete the rebuild (search index, open data,
// sitemap: build.Result.Complete) before it can take the next save.
// Saves are editPause apart, after the last one is complete, as an author
// saves, which leaves the server the idle time in which it collects its
// garbage (see Server.Rebuild). The kinds (serveEdits): news (a title),
// index (a CPTS's text), members, contacts, events (an events.toml added
// and edited), page (a free page's text), news-added (a new item, added
// then deleted in turn), static (a stylesheet of the site), layout (the
// site's layouts/cpts.html), partial (the site's footer), partial-again
// (the footer saved again a second after its page reloaded, during the
// completion, which the second save stops: that save is timed), strings (a UI
// string of i18n/), page-title (a free page's title, in the menu), and
// communes (a CPTS's territory loses its last commune, then gets it back).
// The event stream of each kind says it shows the page of that kind
// (build.Options.Open):
//
//	go test ./generator/server -run '^$' -bench 'ServeEdit/national/news$' -benchtime 20x -count 5
//
// The corpus and the first full build take about a minute at national
// scale, before the timer starts.
func BenchmarkServeEdit(b *testing.B) {
	for _, name := range []string{"small", "national"} {
		b.Run(name, func(b *testing.B) {
			scale, _ := corpus.ScaleByName(name)
			table, err := geo.Load()
			if err != nil {
				b.Fatal(err)
			}
			c, err := corpus.Generate(table, scale)
			if err != nil {
				b.Fatal(err)
			}
			dir := filepath.Join(b.TempDir(), "site")
			if err := c.WriteDir(dir); err != nil {
				b.Fatal(err)
			}
			fsys := os.DirFS(dir)
			var srv *Server
			srv = New(IncrementalBuilder(func() build.Options {
				return build.Options{Source: fsys, Theme: themes.Default(), Geo: table, NoMinify: true, StableAssets: true, DeferIndex: true,
					Drafts: true, Now: time.Now().UTC(), Open: srv.Open()}
			}))
			if diags := srv.Rebuild(nil); diags.HasErrors() {
				b.Fatal(diags)
			}
			ts := httptest.NewServer(srv)
			defer ts.Close()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			built := make(chan struct{}, 16) // a Rebuild returned: complete
			go func() {
				_ = Watch(ctx, dir, "config.toml", Debounce, func(batch Batch) {
					srv.Rebuild(batch.Paths)
					built <- struct{}{}
				}, srv.Interrupt)
			}()
			time.Sleep(editPause) // let the watcher start, and the server collect the first build's garbage
			for _, e := range serveEdits(b, c) {
				b.Run(e.kind, func(b *testing.B) {
					ctx, cancel := context.WithCancel(ctx)
					defer cancel()
					reloads := reloadEvents(b, ctx, ts.URL, e.page) // the author's browser shows e.page
					full := filepath.Join(dir, filepath.FromSlash(e.file))
					original, err := os.ReadFile(full)
					if err != nil && !os.IsNotExist(err) {
						b.Fatal(err)
					}
					save := func(data []byte) {
						if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
							b.Fatal(err)
						}
						if data == nil {
							if err = os.Remove(full); err == nil {
								_ = os.Remove(filepath.Dir(full)) // and its folder, left empty (a CPTS deleted)
							}
						} else {
							err = os.WriteFile(full, data, 0o644)
						}
						if err != nil {
							b.Fatal(err)
						}
					}
					wait := func(ch <-chan struct{}, what string) {
						select {
						case <-ch:
						case <-time.After(60 * time.Second):
							b.Fatal("no " + what)
						}
					}
					settle := func() { // the rebuild is complete: no event of it left
						wait(built, "end of the rebuild")
						time.Sleep(editPause)
						for len(reloads) > 0 {
							<-reloads
						}
					}
					before := getBody(b, ts.URL+e.page)
					var waits, rebuilds, completions []time.Duration
					n := 0
					for b.Loop() {
						n++
						start := time.Now()
						save(e.edit(original, n))
						wait(reloads, "reload event")
						if e.again > 0 { // saved again during the completion: that save is timed
							time.Sleep(e.again)
							start = time.Now()
							save(e.edit(original, n+againN))
							wait(reloads, "reload event of the second save")
							wait(built, "end of the first rebuild")
						}
						body := getBody(b, ts.URL+e.page)
						waits = append(waits, time.Since(start))
						if body == before {
							b.Fatalf("%s: %s did not change after the save", e.kind, e.page)
						}
						before = body
						_, failed, took := srv.Stats()
						if failed {
							b.Fatal("the rebuild failed")
						}
						rebuilds = append(rebuilds, took)
						b.StopTimer()
						wait(built, "end of the rebuild")
						completions = append(completions, time.Since(start)-waits[len(waits)-1])
						time.Sleep(editPause)
						for len(reloads) > 0 {
							<-reloads
						}
						b.StartTimer()
					}
					b.StopTimer()
					if now, err := os.ReadFile(full); err == nil && !bytes.Equal(now, original) || err == nil && original == nil || err != nil && original != nil {
						save(original) // back as it was, for the next kind
						settle()
					}
					b.ReportMetric(ms(median(waits)), "save-to-page-p50-ms")
					b.ReportMetric(ms(slices.Max(waits)), "save-to-page-max-ms")
					b.ReportMetric(ms(median(rebuilds)), "rebuild-p50-ms")
					b.ReportMetric(ms(median(completions)), "complete-p50-ms")
				})
			}
		})
	}
}

// serveEdit is one kind of edit of BenchmarkServeEdit: the file saved
// (relative to the site folder), the page the author looks at, and the
// file's content at the nth save, from its original content (nil when it
// does not exist); a nil content deletes the file, and its folder when
// that is left empty.
type serveEdit struct {
	kind, file, page string
	edit             func(original []byte, n int) []byte
	// again, when set, saves the file a second time (its content for
	// n+againN) this long after the first save's page has reloaded, during
	// its completion: the second save is the one timed.
	again time.Duration
}

// againN tells the second save of a serveEdit with again from the first.
const againN = 1 << 20

// serveEdits returns the kinds of edits, on the CPTS of a news item in
// the middle of the corpus.
func serveEdits(b *testing.B, c *corpus.Corpus) []serveEdit {
	file, page := editedNews(b, c)
	slug := newsFileName.FindStringSubmatch(file)[1]
	dir := "content/cpts/" + slug + "/"
	cptsPage := "/cpts/" + slug + "/"
	replace := func(from, to string) func([]byte, int) []byte {
		return func(original []byte, n int) []byte {
			text := string(original)
			if !strings.Contains(text, from) {
				b.Fatalf("no %q to replace", from)
			}
			return []byte(strings.Replace(text, from, fmt.Sprintf(to, n), 1))
		}
	}
	appended := func(format string) func([]byte, int) []byte {
		return func(original []byte, n int) []byte { return append(slices.Clip(original), fmt.Sprintf(format, n)...) }
	}
	toggled := func(text string) func([]byte, int) []byte { // added at odd saves, taken out at even ones
		return func(original []byte, n int) []byte {
			if n%2 == 0 {
				return original
			}
			return append(slices.Clip(original), text...)
		}
	}
	newsAdded := dir + "news/" + time.Now().UTC().Format("2006-01-02") + "-relu.md"
	return []serveEdit{
		{kind: "news", file: file, page: page, edit: replace("\ntitle = \"", "\ntitle = \"Modifié %d : ")},
		{kind: "index", file: dir + "index.md", page: cptsPage, edit: appended("\nParagraphe relu %d.\n")},
		{kind: "members", file: dir + "members.toml", page: cptsPage, edit: toggled("\n[[member]]\nprofession = \"sage-femme\"\nstructure = \"liberal\"\n")},
		{kind: "contacts", file: dir + "contacts.toml", page: cptsPage, edit: appended("\n[[contact]]\nlabel = \"Relecture\"\nemail = \"relu-%d@example.org\"\n")},
		{kind: "events", file: dir + "events.toml", page: cptsPage, edit: func(_ []byte, n int) []byte {
			return fmt.Appendf(nil, "[[event]]\ntitle = \"Réunion relue %d\"\ndate = %s\n", n, time.Now().UTC().AddDate(0, 1, 0).Format("2006-01-02"))
		}},
		{kind: "page", file: "content/pages/a-propos.md", page: "/pages/a-propos/", edit: appended("\nParagraphe relu %d.\n")},
		{kind: "news-added", file: newsAdded, page: "/actualites/", edit: func(_ []byte, n int) []byte {
			if n%2 == 0 {
				return nil
			}
			return fmt.Appendf(nil, "+++\ntitle = \"Nouvelle %d\"\ndate = %s\n+++\nTexte.\n", n, time.Now().UTC().Format("2006-01-02"))
		}},
		{kind: "static", file: "static/css/site.css", page: "/css/site.css", edit: func(_ []byte, n int) []byte {
			sheet, err := fs.ReadFile(themes.Default(), "static/css/site.css")
			if err != nil {
				b.Fatal(err)
			}
			return fmt.Appendf(sheet, "\n.relu-%d { color: #123456; }\n", n)
		}},
		{kind: "layout", file: "layouts/cpts.html", page: cptsPage, edit: func(_ []byte, n int) []byte {
			return themeFile(b, "layouts/cpts.html", `{{define "main"}}`, fmt.Sprintf(`{{define "main"}}<p>Relu %d</p>`, n))
		}},
		{kind: "partial", file: "layouts/partials/footer.html", page: cptsPage, edit: func(_ []byte, n int) []byte {
			return themeFile(b, "layouts/partials/footer.html", `<footer class="site-footer">`, fmt.Sprintf(`<footer class="site-footer"><p>Relu %d</p>`, n))
		}},
		{kind: "partial-again", file: "layouts/partials/footer.html", page: cptsPage, again: time.Second, edit: func(_ []byte, n int) []byte {
			return themeFile(b, "layouts/partials/footer.html", `<footer class="site-footer">`, fmt.Sprintf(`<footer class="site-footer"><p>Relu %d</p>`, n))
		}},
		{kind: "strings", file: "i18n/fr.toml", page: cptsPage, edit: func(_ []byte, n int) []byte {
			return themeFile(b, "i18n/fr.toml", `search_button = "Rechercher"`, fmt.Sprintf(`search_button = "Rechercher %d"`, n))
		}},
		{kind: "page-title", file: "content/pages/a-propos.md", page: cptsPage, edit: replace("\ntitle = \"", "\ntitle = \"Relu %d : ")},
		// A CPTS added then deleted in turn (a test construction): every
		// file made again from the model, the open page first; the site's
		// title: a full build, the open page first (build.RunOver).
		{kind: "cpts-added", file: "content/cpts/essai-banc/index.md", page: "/", edit: func(_ []byte, n int) []byte {
			if n%2 == 0 {
				return nil
			}
			return fmt.Appendf(nil, "+++\nname = \"CPTS d’essai %d\"\nstatus = \"projet\"\ndepartements = [\"46\"]\nsummary = \"Une CPTS d’essai.\"\nwebsite = \"https://example.org/\"\n+++\nTexte.\n", n)
		}},
		// A CPTS's départements (a département added at odd saves): the
		// CPTS read again whole, every file made again, the open page first.
		{kind: "departements", file: dir + "index.md", page: cptsPage, edit: func(original []byte, n int) []byte {
			if n%2 == 0 {
				return original
			}
			if !bytes.Contains(original, []byte(`departements = ["`)) {
				b.Fatalf("%s has no départements", dir+"index.md")
			}
			return bytes.Replace(original, []byte(`departements = ["`), []byte(`departements = ["2A", "`), 1)
		}},
		{kind: "config", file: "config.toml", page: cptsPage, edit: replace("\ntitle = \"", "\ntitle = \"Relu %d : ")},
		{kind: "communes", file: dir + "communes.toml", page: cptsPage, edit: func(original []byte, n int) []byte {
			lines := strings.SplitAfter(string(original), "\n")
			for i, l := range lines { // every other save, the territory loses its last commune
				if n%2 == 1 && strings.HasPrefix(strings.TrimSpace(l), "]") && i > 0 {
					return []byte(strings.Join(append(slices.Clone(lines[:i-1]), lines[i:]...), ""))
				}
			}
			return original
		}},
	}
}

// themeFile returns a file of the default theme with its first from
// replaced by to.
func themeFile(b *testing.B, name, from, to string) []byte {
	text, err := fs.ReadFile(themes.Default(), name)
	if err != nil || !strings.Contains(string(text), from) {
		b.Fatalf("%s: %v, or no %q", name, err, from)
	}
	return []byte(strings.Replace(string(text), from, to, 1))
}

// editPause is the time between two saves in BenchmarkServeEdit:
// time for the server to see that it is idle and collect its garbage.
const editPause = 3 * IdleGCDelay

// editedNews picks a news file of a CPTS in the middle of the corpus, and
// returns it with the path of its page.
func editedNews(b testing.TB, c *corpus.Corpus) (file, page string) {
	var news []string
	for _, p := range c.Paths() {
		if newsFileName.MatchString(p) {
			news = append(news, p)
		}
	}
	if len(news) == 0 {
		b.Fatal("the corpus has no news of a CPTS")
	}
	file = news[len(news)/2]
	m := newsFileName.FindStringSubmatch(file)
	return file, "/cpts/" + m[1] + "/actualites/" + m[2] + "/"
}

// reloadEvents follows the server's event stream and sends on the
// returned channel for each reload event.
func reloadEvents(b *testing.B, ctx context.Context, base, page string) <-chan struct{} {
	req, _ := http.NewRequestWithContext(ctx, "GET", base+eventsPath+"?page="+url.QueryEscape(page), nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	out := make(chan struct{}, 16)
	go func() {
		defer resp.Body.Close()
		r := bufio.NewReader(resp.Body)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			if line == "event: reload\n" {
				out <- struct{}{}
			}
		}
	}()
	return out
}

func getBody(b *testing.B, url string) string {
	resp, err := http.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	return string(data)
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
