package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
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
	srv := server.New(incrementalBuilder(fsys, func() build.Options {
		return build.Options{Source: fsys, Theme: themes.Default(), Config: config, Geo: table, NoMinify: true, BaseURL: addr, Now: time.Now().UTC(), Drafts: true, ImageCache: imageCacheDir()}
	}))
	report := func(diags diag.List) {
		printDiagnostics(stderr, userPaths(diags, prefix))
		builds, failed, took := srv.Stats()
		if failed {
			fmt.Fprintf(stdout, "#%d build failed in %s (%s): the browser shows the errors, the last good site is still served\n", builds, took.Round(time.Millisecond), diags.Summary())
			return
		}
		fmt.Fprintf(stdout, "#%d built in %s\n", builds, took.Round(time.Millisecond))
	}
	report(srv.Rebuild(nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if root := sf.source; root != "" { // a folder, not the embedded sample
		cfg := config
		if cfg == "" {
			cfg = "config.toml"
		}
		go func() {
			err := server.Watch(ctx, root, cfg, 30*time.Millisecond, func(b server.Batch) {
				fmt.Fprintf(stdout, "changed (%s): %v\n", b.Kind, b.Paths)
				report(srv.Rebuild(b.Paths))
			})
			if err != nil {
				fmt.Fprintf(stderr, "cpts serve: watching files: %v\n", err)
			}
		}()
	}
	fmt.Fprintf(stdout, "Serving at %s (Ctrl+C to stop)\n", addr)
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

// incrementalBuilder rebuilds only what an edit of news files touches
// (build.Incremental) when the last build succeeded, and the whole site
// otherwise. Paths that no longer exist and are not content records (an
// editor's temporary files) are dropped from a batch.
func incrementalBuilder(fsys fs.FS, options func() build.Options) server.Builder {
	var last *build.Result
	failed := true              // the last full build failed: the next one is full
	broken := map[string]bool{} // news files whose last incremental build failed
	return func(changed []string) (*build.Result, diag.List) {
		opts := options()
		var paths []string
		for _, p := range changed {
			p = filepath.ToSlash(p)
			if _, err := fs.Stat(fsys, p); err != nil && !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".toml") {
				continue
			}
			paths = append(paths, p)
		}
		if last != nil && !failed && changed != nil {
			if len(paths) == 0 && len(broken) == 0 {
				return last, nil
			}
			for p := range broken { // rebuilt with the change, so their errors stay shown until fixed
				if !slices.Contains(paths, p) {
					paths = append(paths, p)
				}
			}
			if res, diags, ok := build.Incremental(last, opts, paths); ok {
				clear(broken)
				if res == nil {
					for _, p := range paths {
						broken[p] = true
					}
					return nil, diags
				}
				last = res
				return res, diags
			}
		}
		clear(broken)
		res, diags := build.Run(opts)
		failed = res == nil
		if res != nil {
			last = res
		}
		return res, diags
	}
}
