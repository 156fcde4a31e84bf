package load

import (
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/diag"
)

// FuzzFrontMatter checks that splitting never panics and that a split
// document's parts come from the input in order.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"x\"\n+++\nbody\n",
		"+++\r\ntitle = \"x\"\r\n+++\r\n",
		"\ufeff+++\n+++\n",
		"---\ntitle: x\n---\n",
		"+++\nunclosed",
		"", "+++", "+++ \n+++\t\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var diags diag.List
		src, ok := newSource("f.md", raw, &diags)
		if !ok {
			if !diags.HasErrors() {
				t.Fatal("rejected without an error")
			}
			return
		}
		doc, ok := splitFrontMatter(src, &diags)
		if !ok {
			if !diags.HasErrors() {
				t.Fatal("split failed without an error")
			}
			return
		}
		if len(doc.front)+len(doc.body) > len(src.text) || doc.bodyLine < 2 {
			t.Fatalf("split parts do not fit the input: %d+%d > %d", len(doc.front), len(doc.body), len(src.text))
		}
	})
}

// FuzzRecords loads a CPTS folder whose files are fuzzed: no input may
// panic, and every diagnostic must carry a file.
func FuzzRecords(f *testing.F) {
	f.Add([]byte("+++\nname = \"A\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\n"), []byte(`communes = ["34145", { insee = "34146", partial = true }]`), []byte("[[member]]\nprofession = \"infirmier\"\ncount = 2\n"))
	f.Add([]byte("+++\nname = 1\n+++"), []byte("communes = [1, [2], {a=1}]\nincomplete = 3"), []byte("[[contact]]\nlabel=\"x\"\nphone=\"04\"\n[contact.address]\ncommune=1"))
	f.Add([]byte("+++\ncreated = 2020-02-30\n+++"), []byte("communes = \"x\""), []byte("member = 1"))
	f.Fuzz(func(t *testing.T, index, communes, members []byte) {
		fsys := fstest.MapFS{
			"config.toml":                         {Data: []byte("title = \"t\"\nbase_url = \"https://example.org/\"\n")},
			"content/cpts/a/index.md":             {Data: index},
			"content/cpts/a/communes.toml":        {Data: communes},
			"content/cpts/a/members.toml":         {Data: members},
			"content/cpts/a/contacts.toml":        {Data: members},
			"content/cpts/a/missions.toml":        {Data: communes},
			"content/cpts/a/news/2020-01-01-x.md": {Data: index},
		}
		site, diags := Site(fsys, Options{})
		if site == nil || len(site.CPTS) != 1 {
			t.Fatal("the CPTS folder was lost")
		}
		for _, d := range diags {
			if d.Pos.File == "" {
				t.Fatalf("diagnostic without a file: %s", d)
			}
		}
	})
}
