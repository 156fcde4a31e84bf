package plan_test

import (
	"slices"
	"testing"
	"time"

	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// TestFeedsAndCalendars checks the feeds and calendars the plan lists:
// the site's feed and one per CPTS, each with the FeedSize latest of the
// news the plan publishes; the site's calendar with every event by date,
// and one per CPTS with events.
func TestFeedsAndCalendars(t *testing.T) {
	site := sample(t)
	// Enough published news for a feed to be cut, a draft and a
	// scheduled item (test constructions).
	c := site.CPTS[0]
	for i := range plan.FeedSize + 3 {
		n := &model.News{Slug: "n" + string(rune('a'+i)), CPTS: c, Date: date("2020-01-01")}
		n.Draft = i == 0
		if i == 1 {
			n.Date = date("2030-01-01")
		}
		site.News = append(site.News, n)
		c.News = append(c.News, n)
	}
	d := site.CPTS[1]
	c.Events = []*model.Event{{Title: "a", Date: date("2026-03-02"), CPTS: c}}
	d.Events = []*model.Event{{Title: "b", Date: date("2026-05-01"), CPTS: d}, {Title: "c", Date: date("2026-01-15"), CPTS: d}}
	p := plan.Build(site, plan.Options{Now: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)})
	feeds := p.Feeds()
	if len(feeds) != 1+len(site.CPTS) || feeds[0].CPTS != nil || feeds[0].Dir != plan.NewsList || feeds[0].Home != plan.NewsList {
		t.Fatalf("%d feeds, the first of %v", len(feeds), feeds[0].CPTS)
	}
	if atom, json := feeds[0].Paths(); atom != "/actualites/atom.xml" || json != "/actualites/feed.json" {
		t.Errorf("site feed paths %s %s", atom, json)
	}
	for _, f := range feeds {
		want := p.News
		if f.CPTS != nil {
			want = p.CPTSNews(f.CPTS)
		}
		want = want[:min(plan.FeedSize, len(want))]
		if !slices.Equal(f.News, want) {
			t.Errorf("feed of %s: %d items, want the %d latest published", f.Dir, len(f.News), len(want))
		}
		for _, n := range f.News {
			if !p.Published(n) {
				t.Errorf("%s: in a feed, not published", n.Slug)
			}
		}
	}
	if got := p.FeedOf(c); len(got.News) != plan.FeedSize || got.Dir != plan.CPTSNewsList(c) || got.Home != plan.CPTSPage(c) {
		t.Errorf("feed of %s: %d items in %s for %s", c.Slug, len(got.News), got.Dir, got.Home)
	}
	cals := p.Calendars()
	if cals[0].Path != "/evenements.ics" || cals[0].CPTS != nil {
		t.Fatalf("first calendar %s", cals[0].Path)
	}
	withEvents := 0
	for _, c := range site.CPTS {
		if len(c.Events) > 0 {
			withEvents++
		}
	}
	if len(cals) != 1+withEvents || withEvents != 2 {
		t.Errorf("%d calendars, %d CPTS with events", len(cals), withEvents)
	}
	all := p.Events()
	if len(all) != 3 {
		t.Errorf("%d events on the site's calendar, want 3", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i].Date.Before(all[i-1].Date) {
			t.Errorf("event %d (%s) before event %d (%s)", i, all[i].Date, i-1, all[i-1].Date)
		}
	}
	for _, cal := range cals[1:] {
		if cal.Path != plan.CPTSPage(cal.CPTS)+"evenements.ics" || !slices.Equal(cal.Events, cal.CPTS.Events) || len(cal.Events) == 0 {
			t.Errorf("calendar %s: %d events", cal.Path, len(cal.Events))
		}
	}
}
