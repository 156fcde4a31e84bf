package search

import (
	"maps"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// forgetBuilt drops the trie reuseOrBuild keeps, so that the next index
// makes its own.
func forgetBuilt() {
	recentBuilt.Lock()
	recentBuilt.tries = nil
	recentBuilt.Unlock()
}

// TestReusedTrieIsTheFreshOne edits, one after the other, each thing of
// the documents the trie reads (the rows of a CPTS, a record, the words
// and stems of a news item, the shard size): the index made after each
// edit, which reuses the last trie when its documents have the same
// fingerprint, must equal an index made from scratch, and differ from the
// one before.
func TestReusedTrieIsTheFreshOne(t *testing.T) {
	site := testSite(t)
	labels := themeLabels(t)
	pages := testPages(site)
	opts := Options{HasPage: pages, Label: labels, Communes: func(c *geo.Commune) bool { return c.Departement == "34" }}
	forgetBuilt()
	last := indexFiles(site, opts)
	check := func(step string, changes bool) {
		t.Helper()
		got := indexFiles(site, opts)
		forgetBuilt()
		fresh := indexFiles(site, opts)
		if d := firstDifference(got, fresh); d != "" {
			t.Errorf("%s: the index differs from one made from scratch at %s", step, d)
		}
		if d := firstDifference(fresh, last); (d != "") != changes {
			t.Errorf("%s: changes the index: %v, want %v", step, d != "", changes)
		}
		last = fresh
	}
	check("same site", false)
	lunel := site.CPTS[3]
	lunel.Name = "CPTS Lunel et alentours" // its rows, in every record that refers to it
	check("CPTS renamed", true)
	lunel.Association = "Association des professionnels du Lunellois" // its full rows alone
	check("association renamed", true)
	opts.HasPage = func(p string) bool { return p != "/communes/34145/" && pages(p) } // a record's link
	check("a commune without a page", true)
	site.News[0].Title = "Accord signé" // words and stems of prose
	check("news retitled", true)
	site.News[0].Summary = "Signée en 2020, l’ACI finance les missions." // its record and stems
	check("news summary", true)
	opts.ShardBytes = DefaultShardBytes / 2
	check("smaller shards", true)
}

// TestFingerprintReadsWhatTheTrieReads changes, one at a time, each field
// of a document the trie reads, and the rows of a CPTS: the fingerprint
// must change. A field added to doc fails the test until it is listed
// here, hashed or not.
func TestFingerprintReadsWhatTheTrieReads(t *testing.T) {
	site := testSite(t)
	opts := Options{HasPage: testPages(site), Label: themeLabels(t), Communes: func(c *geo.Commune) bool { return c.Departement == "34" }}
	docs, vocab := collect(site, opts)
	stems := vocab.all()
	base := fingerprint(docs, stems, rowMemo{}, DefaultShardBytes)
	var name, prose, news *doc
	for _, d := range docs {
		switch {
		case d.news != nil && news == nil:
			news = d
		case d.prose && prose == nil:
			prose = d
		case !d.prose && len(d.refs) > 0 && name == nil:
			name = d
		}
	}
	other := site.CPTS[0]
	for _, tc := range []struct {
		field string
		edit  func() func() // makes the change, returns its undoing
	}{
		{"kind", func() func() { name.kind++; return func() { name.kind-- } }},
		{"cut", func() func() { name.cut++; return func() { name.cut-- } }},
		{"refAt", func() func() { name.refAt++; return func() { name.refAt-- } }},
		{"size", func() func() { name.size++; return func() { name.size-- } }},
		{"many", func() func() { name.many = !name.many; return func() { name.many = !name.many } }},
		{"prose", func() func() { name.prose = !name.prose; return func() { name.prose = !name.prose } }},
		{"words", func() func() { w := name.words[0]; name.words[0] += "x"; return func() { name.words[0] = w } }},
		{"terms", func() func() {
			tm := prose.terms[0]
			prose.terms[0] = prose.terms[1]
			return func() { prose.terms[0] = tm }
		}},
		{"refs", func() func() { // two references swapped, after both CPTS were met
			a, b := swappable(docs)
			a.refs[0], b.refs[0] = b.refs[0], a.refs[0]
			return func() { a.refs[0], b.refs[0] = b.refs[0], a.refs[0] }
		}},
		{"json", func() func() {
			j := name.json
			name.json = append([]byte(nil), j...)
			name.json[1] ^= 1
			return func() { name.json = j }
		}},
		{"rec", func() func() { r := prose.rec[2]; prose.rec[2] = "autre"; return func() { prose.rec[2] = r } }},
		{"news title", func() func() { t := news.news.Title; news.news.Title += " "; return func() { news.news.Title = t } }},
		{"news summary", func() func() {
			t := news.news.Summary
			news.news.Summary += " "
			return func() { news.news.Summary = t }
		}},
		{"news tags", func() func() {
			t := news.news.Tags
			news.news.Tags = append(slices.Clip(t), "x")
			return func() { news.news.Tags = t }
		}},
		{"news body", func() func() {
			b := news.news.Body
			news.news.Body = model.NewMarkdown([]byte("Un autre texte."), b.Pos)
			return func() { news.news.Body = b }
		}},
		{"news path", func() func() { s := news.news.Slug; news.news.Slug += "-2"; return func() { news.news.Slug = s } }},
		{"rows", func() func() { n := other.Name; other.Name += " "; return func() { other.Name = n } }},
	} {
		undo := tc.edit()
		if fingerprint(docs, stems, rowMemo{}, DefaultShardBytes) == base {
			t.Errorf("a change of %s leaves the fingerprint as it was", tc.field)
		}
		undo()
	}
	if fingerprint(docs, stems, rowMemo{}, DefaultShardBytes/2) == base {
		t.Error("a change of the shard size leaves the fingerprint as it was")
	}
	if fingerprint(docs, stems, rowMemo{}, DefaultShardBytes) != base {
		t.Error("the fingerprint of the same documents changed")
	}
	// Fields the trie does not read: the order (id, rank, tie: docs are
	// hashed in order) and keys, made from rec and the rows.
	hashed := "kind cut refAt size many prose words terms refs json rec news"
	notRead := "id rank tie keys"
	var fields []string
	for f := range reflect.TypeFor[doc]().Fields() {
		fields = append(fields, f.Name)
	}
	if got, want := strings.Join(slices.Sorted(slices.Values(fields)), " "), strings.Join(slices.Sorted(slices.Values(strings.Fields(hashed+" "+notRead))), " "); got != want {
		t.Errorf("doc has the fields %s; the test knows %s: say whether the trie reads the new ones, and hash them if it does", got, want)
	}
}

// swappable returns two documents that refer to different CPTS, both
// met before the first of them.
func swappable(docs []*doc) (a, b *doc) {
	seen := map[*model.CPTS]bool{}
	var before map[*model.CPTS]bool
	for _, d := range docs {
		switch {
		case len(d.refs) == 0:
		case a == nil && seen[d.refs[0]] && len(seen) > 1:
			a, before = d, maps.Clone(seen)
		case a != nil && d.refs[0] != a.refs[0] && before[d.refs[0]]:
			return a, d
		}
		for _, x := range d.refs {
			seen[x] = true
		}
	}
	panic("no two documents to swap the references of")
}

// TestRecentTriesAreKept checks which tries reuseOrBuild keeps: the
// newest first, at most keptTries, while all hold keptBytes or less; a
// trie reused becomes the newest.
func TestRecentTriesAreKept(t *testing.T) {
	forgetBuilt()
	defer forgetBuilt()
	made := 0
	get := func(key uint64, size int) *built {
		return reuseOrBuild(docsKey{key, key}, func() *built {
			made++
			return &built{shards: []shard{{key: "ab", data: make([]byte, size)}}}
		})
	}
	kept := func() (keys []uint64) {
		for _, k := range recentBuilt.tries {
			keys = append(keys, k.key[0])
		}
		return keys
	}
	for k := uint64(1); k <= 5; k++ {
		get(k, 1<<20)
	}
	if got, want := kept(), []uint64{5, 4, 3, 2}; !slices.Equal(got, want) {
		t.Errorf("after five tries, kept %v, want %v", got, want)
	}
	first := get(3, 0)
	if made != 5 || !slices.Equal(kept(), []uint64{3, 5, 4, 2}) {
		t.Errorf("a kept trie asked again: %d made, kept %v; want 5 made, kept [3 5 4 2]", made, kept())
	}
	if get(3, 0) != first {
		t.Error("the same key gave another trie")
	}
	get(6, keptBytes-(1<<20)) // with 3 (1 MB), all the bytes allowed
	if got, want := kept(), []uint64{6, 3}; !slices.Equal(got, want) {
		t.Errorf("after a large trie, kept %v, want %v", got, want)
	}
	freed := make(chan uint64, 8)
	reuseOrBuild(docsKey{7, 7}, func() *built {
		b := &built{shards: []shard{{key: "ab", data: make([]byte, keptBytes+1)}}}
		runtime.AddCleanup(b, func(k uint64) { freed <- k }, 7)
		return b
	})
	if got := kept(); len(got) != 0 {
		t.Errorf("after a trie over the bytes allowed, kept %v, want none", got)
	}
	// Nothing holds the tries dropped, not even the array of those kept.
	for range 3 {
		runtime.GC()
		select {
		case k := <-freed:
			if k == 7 {
				return
			}
		case <-time.After(100 * time.Millisecond):
		}
	}
	t.Error("the trie over the bytes allowed is still held after it was dropped")
}

// TestTrieOfUnreadTextIsNotKept: an index that could not read a news
// item's text again (its file changed during the build) reports it and
// keeps no trie, whose fingerprint, made of the text as loaded, would be
// that of the next index once the file holds that text again.
func TestTrieOfUnreadTextIsNotKept(t *testing.T) {
	defer forgetBuilt()
	forgetBuilt()
	site := testSite(t)
	opts := Options{HasPage: testPages(site), Label: themeLabels(t), Communes: func(c *geo.Commune) bool { return c.Departement == "34" }}
	file := []byte("+++\ntitle = \"t\"\n+++\nVaccination antigrippale en officine.\n")
	current := []byte("+++\ntitle = \"t\"\n+++\nSaved again while the site was built.\n")
	n := site.News[0]
	n.Body = model.LazyMarkdown(n.Body.Pos, file, file[len(file)-len("Vaccination antigrippale en officine.\n"):], func(string) ([]byte, error) { return current, nil })
	if _, st := Index(site, opts); len(st.Diags) == 0 {
		t.Fatal("no error for a text that changed")
	}
	current = file
	got := indexFiles(site, opts)
	forgetBuilt()
	if d := firstDifference(got, indexFiles(site, opts)); d != "" {
		t.Errorf("the index made once the text is back differs from a fresh one at %s: the trie without its stems was reused", d)
	}
}
