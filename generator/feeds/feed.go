// Package feeds writes the site's subscription files: Atom (RFC 4287)
// and JSON Feed (version 1.1) for news, iCalendar (RFC 5545) for events.
// The plan decides which feeds and calendars the site has and their
// items (plan.Feeds, plan.Calendars); Site makes the files' values of
// them (FeedOf, CalendarOf), which Atom, JSON and ICS write; render gives
// the URLs and the HTML of the news bodies.
package feeds

import (
	"bytes"
	"encoding/json"
)

// Feed is a list of news items, newest first.
type Feed struct {
	Lang    string // the site's language tag
	ID      string // absolute URL of the list the feed follows
	Title   string
	Updated string // RFC 3339: the newest item's date
	AtomURL string // absolute URLs of the two feed files and of the page
	JSONURL string
	HomeURL string
	Author  string // the site's title
	Items   []Item
}

// Item is one news item of a feed.
type Item struct {
	URL     string // absolute; also the item's id
	Title   string
	Date    string // RFC 3339: published, and updated
	Summary string // text; none if empty
	HTML    string // the content
	Tags    []string
	Author  string // none if empty
}

// Atom writes the feed as Atom, indented for reading, or compact: as the
// XML minifier would write it, so that a squeezed build adds it without
// minifying it.
func Atom(f Feed, compact bool) []byte {
	w := &xmlWriter{indent: !compact}
	w.b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>`)
	w.open("feed", "xmlns", "http://www.w3.org/2005/Atom", "xml:lang", f.Lang)
	w.leaf("id", f.ID)
	w.leaf("title", f.Title)
	w.leaf("updated", f.Updated)
	w.link("self", "application/atom+xml", f.AtomURL)
	w.link("alternate", "text/html", f.HomeURL)
	w.open("author")
	w.leaf("name", f.Author)
	w.close("author")
	for _, e := range f.Items {
		w.open("entry")
		w.leaf("id", e.URL)
		w.leaf("title", e.Title)
		w.leaf("updated", e.Date)
		w.leaf("published", e.Date)
		w.link("alternate", "text/html", e.URL)
		if e.Summary != "" {
			w.leaf("summary", e.Summary, "type", "text")
		}
		w.leaf("content", e.HTML, "type", "html")
		for _, c := range e.Tags {
			w.leaf("category", "", "term", c)
		}
		if e.Author != "" {
			w.open("author")
			w.leaf("name", e.Author)
			w.close("author")
		}
		w.close("entry")
	}
	w.close("feed")
	if w.indent {
		w.b.WriteByte('\n')
	}
	return w.b.Bytes()
}

func (w *xmlWriter) link(rel, typ, href string) {
	w.leaf("link", "", "rel", rel, "type", typ, "href", href)
}

type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	FeedURL     string     `json:"feed_url"`
	Language    string     `json:"language"`
	Items       []jsonItem `json:"items"`
}

type jsonItem struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	ContentHTML   string   `json:"content_html"`
	Summary       string   `json:"summary,omitempty"`
	DatePublished string   `json:"date_published"`
	Tags          []string `json:"tags,omitempty"`
}

// JSON writes the feed as a JSON Feed, indented for reading, or compact.
// HTML is not escaped (\u003c for <): a feed is no HTML page, and its
// content_html is mostly tags.
func JSON(f Feed, compact bool) []byte {
	j := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: f.Title, HomePageURL: f.HomeURL, FeedURL: f.JSONURL, Language: f.Lang, Items: []jsonItem{}}
	for _, e := range f.Items {
		j.Items = append(j.Items, jsonItem{ID: e.URL, URL: e.URL, Title: e.Title, ContentHTML: e.HTML, Summary: e.Summary, DatePublished: e.Date, Tags: e.Tags})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if !compact {
		enc.SetIndent("", " ")
	}
	if err := enc.Encode(j); err != nil {
		panic(err) // strings and slices of strings always encode
	}
	if compact {
		b.Truncate(b.Len() - 1) // Encode's line break
	}
	return b.Bytes()
}
