package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// TestNewsAddedKeepsOtherShards adds the newest news item to a site of
// 300: the ids of the others stay as they were (the oldest first), so the
// only shards renamed are those of its own stems, and the only chunks of
// records those named with its own (ChunkGroup to a name); queries still show the newest item first, and
// the stems found in more than MaxPostings items keep the newest.
func TestNewsAddedKeepsOtherShards(t *testing.T) {
	site := testSite(t)
	lunel := site.CPTS[3]
	var news []*model.News
	for i := 300; i > 0; i-- { // newest first, as the loader sorts them
		news = append(news, &model.News{Slug: fmt.Sprintf("reunion-%d", i), Title: fmt.Sprintf("Réunion numéro %d", i), CPTS: lunel,
			Date: model.Date{Year: 2024, Month: int8(1 + i/28%12), Day: int8(1 + i%28), Precision: model.Day}, Summary: "Soins et prévention autour de Lunel.",
			Body: model.NewMarkdown([]byte("Une réunion des professionnels sur la vaccination et les soins non programmés."), diag.Pos{})})
	}
	site.News = news
	opts := Options{Label: themeLabels(t), Communes: func(c *geo.Commune) bool { return c.Departement == "34" }}
	before := indexFiles(site, opts)
	newest := &model.News{Slug: "zythum", Title: "Zythum", CPTS: lunel, Date: model.Date{Year: 2025, Month: 1, Day: 1, Precision: model.Day},
		Body: model.NewMarkdown([]byte("Le zythum des soins."), diag.Pos{})}
	site.News = append([]*model.News{newest}, news...)
	after := indexFiles(site, opts)

	had := map[string]bool{}
	for _, f := range before {
		had[f.Path] = true
	}
	var shards, chunks []string
	for _, f := range after {
		switch {
		case had[f.Path]:
		case strings.HasPrefix(f.Path, "search/s/"):
			shards = append(shards, f.Path)
		case strings.HasPrefix(f.Path, "search/d/"):
			chunks = append(chunks, f.Path)
		}
	}
	// "zythum" and "soin", each in the trie of words and in that of prose.
	if len(shards) > 4 {
		t.Errorf("%d shards renamed, want those of the new item's 2 stems (4 at most): %v", len(shards), shards)
	}
	last := len(site.News) / ChunkSize // the new item's chunk: 301 items, 8 to a chunk
	for _, c := range chunks {
		var n int
		if _, err := fmt.Sscanf(c, "search/d/n%d.", &n); err != nil || n/ChunkGroup != last/ChunkGroup {
			t.Errorf("%s renamed: want only the chunks of news named with the new item's (n%d to n%d)", c, last/ChunkGroup*ChunkGroup, last)
		}
	}
	if len(chunks) == 0 {
		t.Error("no chunk of news renamed: the new item's record is in none")
	}

	s := searcher(t, after)
	res, err := s.Search("soins")
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, r := range res {
		if r.Kind == KindNews {
			titles = append(titles, r.Name)
		}
	}
	if len(titles) < 2 || titles[0] != "Zythum" || titles[1] != "Réunion numéro 300" {
		t.Errorf("news found by \"soins\": %q, want the newest first (Zythum, Réunion numéro 300…)", titles)
	}
}

// TestBestPostings: a list of prose postings cut to n keeps the missions
// first, then the newest news (the largest ids), sorted by id.
func TestBestPostings(t *testing.T) {
	b := &builder{news: 10} // missions 0-9, news from 10
	for _, tc := range []struct {
		ids  []int32
		n    int
		want []int32
	}{
		{[]int32{1, 5, 12}, 3, []int32{1, 5, 12}},
		{[]int32{1, 5, 12, 13, 20}, 3, []int32{1, 5, 20}},
		{[]int32{1, 2, 3, 5, 12}, 3, []int32{1, 2, 3}},
		{[]int32{11, 12, 13, 14}, 2, []int32{13, 14}},
		{[]int32{1, 2, 10}, 2, []int32{1, 2}},
	} {
		if got := b.bestPostings(tc.ids, tc.n); !slices.Equal(got, tc.want) {
			t.Errorf("bestPostings(%v, %d) = %v, want %v", tc.ids, tc.n, got, tc.want)
		}
	}
}

// TestPostingsKeepTheNewest: a stem found in more than MaxPostings prose
// documents keeps its missions, then the newest news, however many
// there are (they are cut as they come, so that no list grows past twice
// the limit).
func TestPostingsKeepTheNewest(t *testing.T) {
	const missions, news = 3, 2*MaxPostings + 500
	var docs []*doc
	for i := range missions + news {
		kind := KindNews
		if i < missions {
			kind = KindMission
		}
		docs = append(docs, &doc{id: i, kind: kind, prose: true, terms: []uint32{0}})
	}
	b := &builder{docs: docs, news: missions, stems: []string{"soin"}, rowSize: map[*model.CPTS][2]int{}, rows: rowMemo{}}
	b.index()
	var want []int32
	for i := range missions {
		want = append(want, int32(i))
	}
	for i := missions + news - (MaxPostings - missions); i < missions+news; i++ {
		want = append(want, int32(i))
	}
	if len(b.entries) != 1 || !slices.Equal(b.entries[0].prose, want) {
		got := b.entries[0].prose
		t.Errorf("postings of soin: %d, from %v to %v; want %d, the missions then the newest news (%v to %v)",
			len(got), got[:5], got[len(got)-2:], len(want), want[:5], want[len(want)-2:])
	}
}
