package hostfiles

import (
	"fmt"
	"strings"
	"testing"
)

// sitemaps returns the files Sitemaps makes of urls.
func sitemaps(urls []URL, size int, abs func(string) string) []File {
	var files []File
	Sitemaps(len(urls), size, func(i int) URL { return urls[i] }, abs, func(f File) { files = append(files, f) })
	return files
}

func TestSitemaps(t *testing.T) {
	abs := func(name string) string { return "https://example.org/" + name }
	urls := []URL{{Loc: "https://example.org/"}, {Loc: "https://example.org/a?b=1&c=2", LastMod: "2026-01-02"}, {Loc: "https://example.org/c/"}}
	for _, tc := range []struct {
		size  int
		names []string
	}{
		{3, []string{"sitemap.xml"}},
		{2, []string{"sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"}},
	} {
		files := sitemaps(urls, tc.size, abs)
		var names []string
		all := ""
		for _, f := range files {
			names = append(names, f.Name)
			all += string(f.Data)
		}
		if strings.Join(names, " ") != strings.Join(tc.names, " ") {
			t.Errorf("size %d: files %v, want %v", tc.size, names, tc.names)
		}
		for _, want := range []string{"<loc>https://example.org/a?b=1&amp;c=2</loc><lastmod>2026-01-02</lastmod>", "<loc>https://example.org/c/</loc></url>"} {
			if !strings.Contains(all, want) {
				t.Errorf("size %d: no %s in\n%s", tc.size, want, all)
			}
		}
		if tc.size == 2 && !strings.Contains(string(files[2].Data), "<sitemap><loc>https://example.org/sitemap-2.xml</loc></sitemap>") {
			t.Errorf("the index does not list sitemap-2.xml:\n%s", files[2].Data)
		}
	}
}

func TestHeadersCarryThePolicy(t *testing.T) {
	h := string(Headers("default-src 'self'"))
	if !strings.HasPrefix(h, "/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'self'\n") || !strings.Contains(h, "X-Content-Type-Options: nosniff") {
		t.Errorf("_headers:\n%s", h)
	}
}

// TestIsSitemapKnowsEveryFileSitemapsMakes: what an incremental rebuild
// removes before it writes the sitemap again.
func TestIsSitemapKnowsEveryFileSitemapsMakes(t *testing.T) {
	urls := make([]URL, 5)
	for i := range urls {
		urls[i] = URL{Loc: fmt.Sprintf("https://example.org/%d/", i)}
	}
	files := sitemaps(urls, 2, func(name string) string { return "https://example.org/" + name })
	if len(files) != 4 {
		t.Fatalf("%d files, want an index and 3 sitemaps", len(files))
	}
	for _, f := range files {
		if !IsSitemap(f.Name) {
			t.Errorf("IsSitemap(%q) = false", f.Name)
		}
	}
	for _, name := range []string{"sitemap-.xml", "sitemap-a.xml", "sitemap-1.json", "robots.txt", "plan-du-site/index.html", "sitemaps.xml"} {
		if IsSitemap(name) {
			t.Errorf("IsSitemap(%q) = true", name)
		}
	}
}
