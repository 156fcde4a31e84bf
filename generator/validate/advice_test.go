package validate_test

import (
	"bytes"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/cpts-fr/cpts/generator/archetype"
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/validate"
	"github.com/cpts-fr/cpts/themes"
)

// adviceCodes are the codes of the warnings of advice.go.
var adviceCodes = []diag.Code{diag.NoContact, diag.LegalNotice, diag.AccessibilityContact, diag.StarterText}

// advice checks a site as cpts check does and returns its advice
// warnings as "position code", and its errors.
func advice(t *testing.T, files map[string]string) (got []string, errs diag.List) {
	t.Helper()
	var ar []txtar.File
	for name, data := range files {
		ar = append(ar, txtar.File{Name: name, Data: []byte(data)})
	}
	for _, d := range check(t, ar) {
		switch {
		case d.Severity == diag.Error:
			errs = append(errs, d)
		case slices.Contains(adviceCodes, d.Code):
			got = append(got, d.Pos.String()+" "+string(d.Code))
		}
	}
	return got, errs
}

// A CPTS record with nothing else: a name, a territory.
const (
	lunel    = "+++\nname = \"CPTS du Pays de Lunel\"\n+++\n"
	communes = "communes = [\"34145\"]\n"
)

func TestAdvice(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files map[string]string // besides a complete config.toml (defaultConfig), unless given
		want  []string
	}{{
		name:  "CPTS without contact or website",
		files: map[string]string{"content/cpts/lunel/index.md": lunel, "content/cpts/lunel/communes.toml": communes},
		want:  []string{"content/cpts/lunel/index.md:2:8 no-contact"},
	}, {
		name: "CPTS with only a website",
		files: map[string]string{
			"content/cpts/lunel/index.md":      "+++\nname = \"CPTS du Pays de Lunel\"\nwebsite = \"https://example.org/\"\n+++\n",
			"content/cpts/lunel/communes.toml": communes,
		},
	}, {
		name: "CPTS with only a contact",
		files: map[string]string{
			"content/cpts/lunel/index.md":      lunel,
			"content/cpts/lunel/communes.toml": communes,
			"content/cpts/lunel/contacts.toml": "[[contact]]\nlabel = \"Coordination\"\nform = \"https://example.org/contact\"\n",
		},
	}, {
		name: "CPTS outside the site's scope, advised on as the other CPTS checks do",
		files: map[string]string{
			"config.toml":                  defaultConfig + "[scope]\ncpts = \"colhaj\"\ndirectory_url = \"https://example.org/\"\n",
			"content/cpts/colhaj/index.md": "+++\nname = \"CPTS COLHAJ\"\ndepartements = [\"49\"]\nwebsite = \"https://example.org/\"\n+++\n",
			"content/cpts/lunel/index.md":  lunel, "content/cpts/lunel/communes.toml": communes,
		},
		want: []string{"content/cpts/lunel/index.md:2:8 no-contact"},
	}, {
		name:  "config without legal notice or accessibility contact",
		files: map[string]string{"config.toml": "title = \"T\"\nbase_url = \"https://example.org/\"\n"},
		want:  []string{"config.toml accessibility-contact", "config.toml legal-notice"},
	}, {
		name: "config with empty tables: at each table",
		files: map[string]string{
			"config.toml": "title = \"T\"\nbase_url = \"https://example.org/\"\n[legal]\nregistration = \"RNA W1\"\n[accessibility]\nentity = \"E\"\n",
		},
		want: []string{"config.toml:3:1 legal-notice", "config.toml:5:1 accessibility-contact"},
	}, {
		name: "config with legal notice and accessibility contact",
		files: map[string]string{
			"config.toml": "title = \"T\"\nbase_url = \"https://example.org/\"\n[legal]\npublisher = \"P\"\ndirector = \"D\"\nhost = \"H\"\n" +
				"[accessibility]\ncontact_email = \"accessibilite@example.org\"\n",
		},
	}, {
		name: "accessibility contact by a form",
		files: map[string]string{
			"config.toml": "title = \"T\"\nbase_url = \"https://example.org/\"\n[legal]\npublisher = \"P\"\ndirector = \"D\"\nhost = \"H\"\n" +
				"[accessibility]\ncontact_url = \"https://example.org/contact\"\n",
		},
	}, {
		name: "accessibility contact by the publisher's address, which the statement shows",
		files: map[string]string{
			"config.toml": "title = \"T\"\nbase_url = \"https://example.org/\"\n[legal]\npublisher = \"P\"\ndirector = \"D\"\nhost = \"H\"\npublisher_email = \"p@example.org\"\n",
		},
	}, {
		name: "starter text in a published news item",
		files: map[string]string{
			"content/news/2026-01-05-ag.md": "+++\ntitle = \"AG\"\ndate = 2026-01-05\nsummary = \"À compléter : une phrase.\"\n+++\nÀ compléter.\n",
		},
		want: []string{"content/news/2026-01-05-ag.md:4:11 starter-text", "content/news/2026-01-05-ag.md:6:1 starter-text"},
	}, {
		name: "draft with starter text",
		files: map[string]string{
			"content/news/2026-01-05-ag.md": "+++\ntitle = \"AG\"\ndate = 2026-01-05\nsummary = \"À compléter : une phrase.\"\ndraft = true\n+++\nÀ compléter.\n",
		},
	}, {
		name: "starter text in a CPTS and a page",
		files: map[string]string{
			"content/cpts/lunel/index.md":      "+++\nname = \"L\"\nwebsite = \"https://example.org/\"\nsummary = \"À compléter.\"\n+++\n## Présentation\n\nÀ compléter.\n",
			"content/cpts/lunel/communes.toml": communes,
			"content/pages/x.md":               "+++\ntitle = \"X\"\nsummary = \"Résumé : A compléter\"\n+++\nTexte.\n\n> Encore *À compléter*.\n",
		},
		want: []string{
			"content/cpts/lunel/index.md:4:11 starter-text", "content/cpts/lunel/index.md:8:1 starter-text",
			"content/pages/x.md:3:11 starter-text", "content/pages/x.md:7:11 starter-text",
		},
	}, {
		name: "starter text spelt otherwise: decomposed accents, no accent, no-break space, line break",
		files: map[string]string{
			"content/pages/x.md": "+++\ntitle = \"X\"\n+++\n" +
				"A\u0300 comple\u0301ter\n" + // the same after NFC
				"A compléter\n" +
				"Ici : À\u00a0compléter.\n" +
				"(À\ncompléter)\n",
		},
		want: []string{"content/pages/x.md:4:1 starter-text", "content/pages/x.md:5:1 starter-text", "content/pages/x.md:6:7 starter-text", "content/pages/x.md:7:2 starter-text"},
	}, {
		name: "French sentences that are not starter text",
		files: map[string]string{
			"content/pages/x.md": "+++\ntitle = \"X\"\nsummary = \"Un dossier à compléter.\"\n+++\n" +
				"Le formulaire est à compléter. Il faut LA compléter. ÀA compléter. À complétera. À compléteras.\n",
		},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := advice(t, tt.files)
			if len(errs) > 0 {
				t.Fatalf("the test site has errors:\n%v", errs)
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got %q\nwant %q", got, want)
			}
		})
	}
}

// TestFollowingAdviceHintsGivesNoError follows each hint of the advice on
// a site that gets every warning, writing "…" where the hints do, and
// wants no diagnostic at all.
func TestFollowingAdviceHintsGivesNoError(t *testing.T) {
	before := map[string]string{
		"config.toml":                      "title = \"T\"\nbase_url = \"https://example.org/\"\n",
		"content/cpts/lunel/index.md":      "+++\nname = \"L\"\nsummary = \"À compléter.\"\n+++\nÀ compléter.\n",
		"content/cpts/lunel/communes.toml": communes,
		"content/cpts/colhaj/index.md":     "+++\nname = \"C\"\ndepartements = [\"49\"]\n+++\n",
		"content/news/2026-01-05-ag.md":    "+++\ntitle = \"AG\"\ndate = 2026-01-05\nsummary = \"À compléter.\"\n+++\nÀ compléter.\n",
	}
	got, _ := advice(t, before)
	for _, code := range adviceCodes {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.HasSuffix(s, " "+string(code)) }) {
			t.Errorf("the site before gives no %s warning: %q", code, got)
		}
	}
	after := map[string]string{
		"config.toml": "title = \"T\"\nbase_url = \"https://example.org/\"\n" +
			"[legal]\npublisher = \"…\"\ndirector = \"…\"\nhost = \"…\"\npublisher_address = \"…\"\npublisher_email = \"contact@example.org\"\nhost_address = \"…\"\n" +
			"[accessibility]\ncontact_url = \"https://…\"\n",
		"content/cpts/lunel/index.md":       "+++\nname = \"L\"\nwebsite = \"https://…\"\n+++\nLe texte.\n",
		"content/cpts/lunel/communes.toml":  communes,
		"content/cpts/colhaj/index.md":      "+++\nname = \"C\"\ndepartements = [\"49\"]\n+++\n",
		"content/cpts/colhaj/contacts.toml": "[[contact]]\nlabel = \"Coordination\"\nemail = \"contact@example.org\"\n",
		"content/news/2026-01-05-ag.md":     "+++\ntitle = \"AG\"\ndate = 2026-01-05\nsummary = \"À compléter.\"\ndraft = true\n+++\nÀ compléter.\n",
	}
	var ar []txtar.File
	for name, data := range after {
		ar = append(ar, txtar.File{Name: name, Data: []byte(data)})
	}
	if d := check(t, ar); len(d) > 0 {
		t.Errorf("after following the hints:\n%s", format(d))
	}
}

// TestArchetypesGiveStarterText writes a CPTS and a news item from the
// default theme's archetypes, as cpts new does: the CPTS gets the advice
// (no contact, starter text in its summary and text), the news item, a
// draft, none until its draft line goes.
func TestArchetypesGiveStarterText(t *testing.T) {
	arch, err := fs.Sub(themes.Default(), "archetypes")
	if err != nil {
		t.Fatal(err)
	}
	data := archetype.Data{Slug: "nouvelle", Title: "CPTS Nouvelle", Date: "2026-01-05"}
	cptsFiles, err := archetype.Expand(arch, "cpts", "content/cpts/nouvelle", data)
	if err != nil {
		t.Fatal(err)
	}
	news, err := archetype.Expand(arch, "news.md", "content/cpts/nouvelle/news/2026-01-05-ag.md", archetype.Data{Slug: "ag", Title: "AG", Date: "2026-01-05"})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range append(cptsFiles, news...) {
		files[f.Path] = string(f.Data)
		if !bytes.Contains(f.Data, []byte(validate.Starter)) && strings.HasSuffix(f.Path, ".md") {
			t.Errorf("archetype for %s has no %q", f.Path, validate.Starter)
		}
	}
	got, errs := advice(t, files)
	if len(errs) > 0 {
		t.Fatalf("the archetypes give errors:\n%v", errs)
	}
	want := []string{"no-contact", "starter-text", "starter-text"}
	if codes := codesOf(got); !slices.Equal(codes, want) {
		t.Errorf("archetypes: got %q, want codes %q", got, want)
	}

	p := "content/cpts/nouvelle/news/2026-01-05-ag.md"
	files[p] = strings.Replace(files[p], "draft = true", "draft = false", 1)
	got, _ = advice(t, files)
	if n := strings.Count(strings.Join(got, "\n"), p+":"); n != 2 {
		t.Errorf("the news item published: %d starter-text warnings in it, want 2 (summary, text): %q", n, got)
	}
}

func codesOf(got []string) []string {
	var codes []string
	for _, s := range got {
		codes = append(codes, s[strings.LastIndexByte(s, ' ')+1:])
	}
	slices.Sort(codes)
	return codes
}
