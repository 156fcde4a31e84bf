package server

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
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

// BenchmarkServeNewsEdit measures what an author waits for in `cpts serve`
// after saving one news file of a generated corpus written to a temporary
// folder: the write, the fsnotify event, the quiet time of Debounce, the
// incremental rebuild, the reload event on the Server-Sent Events stream,
// and the GET of the edited page (what the browser reloads), which must
// show the new title. It reports the median and the largest of these
// times and the median of the rebuild alone (without the debounce).
// Edits are editPause apart, as an author saves, which leaves the server
// the idle time in which it collects its garbage (see Server.Rebuild):
//
//	go test ./generator/server -run '^$' -bench 'ServeNewsEdit/national$' -benchtime 20x -count 5
//
// The corpus and the first full build take about a minute at national
// scale, before the timer starts.
func BenchmarkServeNewsEdit(b *testing.B) {
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
			file, page := editedNews(b, c)
			fsys := os.DirFS(dir)
			srv := New(IncrementalBuilder(func() build.Options {
				return build.Options{Source: fsys, Theme: themes.Default(), Geo: table, NoMinify: true, Drafts: true, Now: time.Now().UTC()}
			}))
			if diags := srv.Rebuild(nil); diags.HasErrors() {
				b.Fatal(diags)
			}
			ts := httptest.NewServer(srv)
			defer ts.Close()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			reloads := reloadEvents(b, ctx, ts.URL)
			go func() { _ = Watch(ctx, dir, "config.toml", Debounce, func(batch Batch) { srv.Rebuild(batch.Paths) }) }()
			time.Sleep(editPause) // let the watcher start, and the server collect the first build's garbage

			original, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				b.Fatal(err)
			}
			i := strings.Index(string(original), "\ntitle = ")
			j := i + 1 + strings.Index(string(original[i+1:]), "\n")
			if i < 0 || j <= i {
				b.Fatalf("%s has no title line", file)
			}
			var waits, rebuilds []time.Duration
			n := 0
			for b.Loop() {
				n++
				title := "Titre modifié " + strconv.Itoa(n)
				edited := string(original[:i]) + "\ntitle = \"" + title + "\"" + string(original[j:])
				start := time.Now()
				if err := os.WriteFile(filepath.Join(dir, file), []byte(edited), 0o644); err != nil {
					b.Fatal(err)
				}
				select {
				case <-reloads:
				case <-time.After(30 * time.Second):
					b.Fatal("no reload event")
				}
				body := getBody(b, ts.URL+page)
				waits = append(waits, time.Since(start))
				if !strings.Contains(body, title) {
					b.Fatalf("%s does not show %q after the reload", page, title)
				}
				_, failed, took := srv.Stats()
				if failed {
					b.Fatal("the rebuild failed")
				}
				rebuilds = append(rebuilds, took)
				b.StopTimer()
				time.Sleep(editPause)
				b.StartTimer()
			}
			b.ReportMetric(ms(median(waits)), "save-to-page-p50-ms")
			b.ReportMetric(ms(slices.Max(waits)), "save-to-page-max-ms")
			b.ReportMetric(ms(median(rebuilds)), "rebuild-p50-ms")
		})
	}
}

// editPause is the time between two saves in BenchmarkServeNewsEdit:
// time for the server to see that it is idle and collect its garbage.
const editPause = 3 * IdleGCDelay

// editedNews picks a news file of a CPTS in the middle of the corpus, and
// returns it with the path of its page.
func editedNews(b *testing.B, c *corpus.Corpus) (file, page string) {
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
func reloadEvents(b *testing.B, ctx context.Context, base string) <-chan struct{} {
	req, _ := http.NewRequestWithContext(ctx, "GET", base+eventsPath, nil)
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
