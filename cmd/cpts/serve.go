package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/catalog"
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/server"
	"github.com/cpts-fr/cpts/themes"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var sf siteFlags
	sf.register(fl)
	bind := fl.String("bind", "127.0.0.1", "address to listen on (loopback unless you ask otherwise)")
	port := fl.Int("port", 1313, "port to listen on")
	fl.IntVar(port, "p", 1313, "shorthand for --port")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "cpts serve: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	if err := sf.checkLang(); err != nil {
		fmt.Fprintf(stderr, "cpts serve: %v\n", err)
		return exitUsage
	}
	fsys, prefix, err := sf.open(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "cpts serve: %v\n", err)
		return exitUsage
	}
	table, err := geo.Load()
	if err != nil {
		fmt.Fprintf(stderr, "cpts serve: commune reference data: %v\n", err)
		return exitContent
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "cpts serve: %v\n", err)
		return exitUsage
	}
	addr := "http://" + ln.Addr().String() + "/"
	config := filepath.ToSlash(sf.config)
	// The language of messages is read again at each build: a change of
	// the site's language shows in the next error page.
	var msgs atomic.Pointer[catalog.Catalog]
	msgs.Store(sf.messages(fsys, config))
	var srv *server.Server // its open pages are rendered first
	srv = server.New(server.IncrementalBuilder(func() build.Options {
		msgs.Store(sf.messages(fsys, config))
		return build.Options{Source: fsys, Theme: themes.Default(), Config: config, Geo: table, NoMinify: true, StableAssets: true, DeferIndex: true, BaseURL: addr, Now: time.Now().UTC(), Drafts: true, ImageCache: imageCacheDir(), Open: srv.Open()}
	}))
	srv.Speak(func() *catalog.Catalog { return msgs.Load() })
	report := func(diags diag.List) {
		m := msgs.Load()
		printDiagnostics(stderr, diags, prefix, m)
		builds, failed, took := srv.Stats()
		if failed {
			fmt.Fprintln(stdout, m.Sprintf("#%d build failed in %s (%s): the browser shows the errors, the last good site is still served", builds, took.Round(time.Millisecond), m.Summary(diags)))
			return
		}
		fmt.Fprintln(stdout, m.Sprintf("#%d built in %s", builds, took.Round(time.Millisecond)))
	}
	srv.Bind(*bind, ln.Addr()) // answer only requests for this address (DNS rebinding)
	report(srv.Rebuild(nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if root := sf.source; root != "" { // a folder, not the embedded sample
		cfg := load.ConfigFile(config)
		go func() {
			err := server.Watch(ctx, root, cfg, server.Debounce, func(b server.Batch) {
				paths := make([]string, len(b.Paths))
				for i, p := range b.Paths {
					paths[i] = diag.Escape(p) // file names reach the terminal
				}
				fmt.Fprintln(stdout, msgs.Load().Sprintf("changed (%s): %v", b.Kind, paths))
				report(srv.Rebuild(b.Paths))
			}, srv.Interrupt) // a save during a rebuild stops its completion
			if err != nil {
				fmt.Fprintf(stderr, "cpts serve: watching files: %v\n", err)
			}
		}()
	}
	fmt.Fprintln(stdout, msgs.Load().Sprintf("Serving at %s (Ctrl+C to stop)", addr))
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = hs.Shutdown(shutdown)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "cpts serve: %v\n", err)
		return exitContent
	}
	return exitOK
}
