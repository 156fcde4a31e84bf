package render_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestFeedsFollowTheirSpecifications checks what RFC 4287 requires of an
// Atom feed and JSON Feed 1.1 of its items, on the test site.
func TestFeedsFollowTheirSpecifications(t *testing.T) {
	res, _ := renderArchive(t, "site.txtar", nil)
	for _, dir := range []string{"actualites/", "cpts/lunel/actualites/", "cpts/petite-camargue/actualites/"} {
		data, ok := res.Files.Get(dir + "atom.xml")
		if !ok {
			t.Fatalf("no %satom.xml", dir)
		}
		var feed struct {
			XMLName xml.Name
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Author  []struct {
				Name string `xml:"name"`
			} `xml:"author"`
			Links []struct {
				Rel  string `xml:"rel,attr"`
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Entries []struct {
				ID      string `xml:"id"`
				Title   string `xml:"title"`
				Updated string `xml:"updated"`
				Content struct {
					Type string `xml:"type,attr"`
				} `xml:"content"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(data, &feed); err != nil {
			t.Fatalf("%satom.xml: %v", dir, err)
		}
		if feed.XMLName.Space != "http://www.w3.org/2005/Atom" || feed.XMLName.Local != "feed" {
			t.Errorf("%satom.xml: root %v", dir, feed.XMLName)
		}
		if feed.ID == "" || feed.Title == "" || len(feed.Author) == 0 || feed.Author[0].Name == "" {
			t.Errorf("%satom.xml lacks id, title or author", dir)
		}
		if _, err := time.Parse(time.RFC3339, feed.Updated); err != nil {
			t.Errorf("%satom.xml: updated %q is not RFC 3339", dir, feed.Updated)
		}
		self := false
		for _, l := range feed.Links {
			self = self || l.Rel == "self" && strings.HasSuffix(l.Href, dir+"atom.xml")
		}
		if !self {
			t.Errorf("%satom.xml has no rel=self link", dir)
		}
		home := strings.TrimSuffix(dir, "actualites/") // the page of a CPTS's feed; the site's is its news list
		if home == "" {
			home = dir
		}
		alternate := false
		for _, l := range feed.Links {
			alternate = alternate || l.Rel == "alternate" && strings.HasSuffix(l.Href, "/annuaire/"+home)
		}
		if !alternate {
			t.Errorf("%satom.xml has no rel=alternate link to %s: %+v", dir, home, feed.Links)
		}
		for _, e := range feed.Entries {
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.ID == "" || e.Title == "" || e.Content.Type != "html" {
				t.Errorf("%satom.xml: bad entry %+v", dir, e)
			}
		}

		data, _ = res.Files.Get(dir + "feed.json")
		var jf struct {
			Version, Title, HomePageURL, FeedURL string
			Items                                []map[string]any
		}
		if err := json.Unmarshal(data, &jf); err != nil {
			t.Fatalf("%sfeed.json: %v", dir, err)
		}
		if jf.Version != "https://jsonfeed.org/version/1.1" || jf.Title == "" || jf.Items == nil {
			t.Errorf("%sfeed.json: version %q title %q", dir, jf.Version, jf.Title)
		}
		for _, it := range jf.Items {
			if it["id"] == nil || (it["content_html"] == nil && it["content_text"] == nil) {
				t.Errorf("%sfeed.json: item without id or content: %v", dir, it)
			}
		}
	}
	lunel, _ := res.Files.Get("cpts/lunel/actualites/atom.xml")
	if !strings.Contains(string(lunel), "Signature de l&#39;ACI") && !strings.Contains(string(lunel), "Signature de l'ACI") {
		t.Errorf("the Lunel feed lacks its news item:\n%s", lunel)
	}
	if strings.Contains(string(lunel), "Brouillon") {
		t.Error("a draft is in the feed")
	}
}

// TestCPTSPageShowsLatestNews checks that a CPTS's page shows its latest
// news and links to its news list, which has them all, newest first.
func TestCPTSPageShowsLatestNews(t *testing.T) {
	extra := map[string]string{}
	for i := 1; i <= 11; i++ {
		name := fmt.Sprintf("content/cpts/lunel/news/2024-01-%02d-essai-%d.md", i, i)
		extra[name] = fmt.Sprintf("+++\ntitle = \"Essai %d\"\ndate = 2024-01-%02d\n+++\nTexte.\n", i, i)
	}
	res, diags := renderArchive(t, "site.txtar", extra)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	page, _ := res.Files.Get("cpts/lunel/index.html")
	for i := 9; i <= 11; i++ {
		if !strings.Contains(string(page), fmt.Sprintf(">Essai %d<", i)) {
			t.Errorf("the CPTS page lacks its news item %d", i)
		}
	}
	if strings.Contains(string(page), ">Essai 8<") || strings.Contains(string(page), "actualites/signature/") {
		t.Error("the CPTS page shows more than its 3 latest news")
	}
	if !strings.Contains(string(page), `cpts/lunel/actualites/">Toutes les actualités de la CPTS (12)</a>`) {
		t.Error("the CPTS page does not link to its news list")
	}
	first, _ := res.Files.Get("cpts/lunel/actualites/index.html")
	second, ok := res.Files.Get("cpts/lunel/actualites/page/2/index.html")
	if !ok || !strings.Contains(string(first), ">Essai 11<") || !strings.Contains(string(first), ">Essai 2<") ||
		!strings.Contains(string(second), ">Essai 1<") || !strings.Contains(string(second), "actualites/signature/") {
		t.Errorf("the CPTS's news list does not hold its 12 news, 10 a page")
	}
	if _, ok := res.Files.Get("cpts/petite-camargue/actualites/index.html"); ok {
		t.Error("a CPTS without news has a news list")
	}
}
