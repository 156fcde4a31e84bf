package cms_test

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"

	"github.com/cpts-fr/cpts/generator/cms"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/themes"
)

func TestConfigFromModel(t *testing.T) {
	fsys := fstest.MapFS{
		"config.toml":                      {Data: []byte("title = \"T\"\nbase_url = \"https://example.org/\"\n")},
		"content/cpts/lunel/index.md":      {Data: []byte("+++\nname = \"CPTS du Pays de Lunel\"\nshort_name = \"Pays de Lunel\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\n")},
		"content/cpts/lunel/communes.toml": {Data: []byte("communes = [\"34145\"]\n")},
		"content/cpts/lunel/members.toml":  {Data: []byte("")},
	}
	site, diags := load.Site(fsys, load.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	data, err := fs.ReadFile(themes.Default(), "i18n/fr.toml")
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]string{}
	if _, err := toml.Decode(string(data), &labels); err != nil {
		t.Fatal(err)
	}
	var missing []string
	out := string(cms.Config(site, cms.Options{
		Backend: "github", Repo: "org/site", Branch: "main",
		Label: func(k string) string {
			if l, ok := labels[k]; ok {
				return l
			}
			missing = append(missing, k)
			return k
		},
		Files: func(p string) bool { _, err := fs.Stat(fsys, p); return err == nil },
	}))
	if len(missing) > 0 {
		t.Errorf("labels missing from i18n/fr.toml: %v", missing)
	}
	for _, want := range []string{
		`repo: "org/site"`,
		`publish_mode: "editorial_workflow"`,
		`folder: "content/cpts"`,
		`path: "{{slug}}/index"`,
		`format: "toml-frontmatter"`,
		`{label: "Accord signé avec l’Assurance maladie", value: "aci-signe"}`,
		`folder: "content/cpts/lunel/news"`,
		`slug: "{{year}}-{{month}}-{{day}}-{{slug}}"`,
		`file: "content/cpts/lunel/communes.toml"`,
		`file: "content/cpts/lunel/members.toml"`,
		`- name: "member"`,
		`{label: "Sage-femme", value: "sage-femme"}`,
		`label: "Actualités – Pays de Lunel"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("config lacks %s", want)
		}
	}
	if strings.Contains(out, "missions.toml") {
		t.Error("a records file that does not exist is listed (Decap edits existing files only)")
	}
	// Every line is "key: value", a list item or a comment, two-space indented.
	line := regexp.MustCompile(`^(  )*(- )?([a-z_]+:( .*)?|\{.*\}|# .*)$`)
	for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !line.MatchString(l) {
			t.Errorf("line %d is not in the expected YAML shape: %q", i+1, l)
		}
	}
}
