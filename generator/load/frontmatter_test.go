package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, in        string
		front, body     string
		bodyLine        int
		wantErrContains string
	}{
		{"plain", "+++\na = 1\n+++\nText\n", "a = 1\n", "Text\n", 4, ""},
		{"crlf and blanks", "+++  \r\na = 1\r\n+++\t\r\nText\r\n", "a = 1\r\n", "Text\r\n", 4, ""},
		{"empty front matter", "+++\n+++\n", "", "", 3, ""},
		{"no body", "+++\na = 1\n+++", "a = 1\n", "", 4, ""},
		{"plus signs in body", "+++\na = 1\n+++\n+++\n", "a = 1\n", "+++\n", 4, ""},
		{"yaml", "---\na: 1\n---\n", "", "", 0, "YAML front matter"},
		{"none", "# Title\n", "", "", 0, "missing front matter"},
		{"unclosed", "+++\na = 1\n", "", "", 0, "not closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags diag.List
			src, _ := newSource("f.md", []byte(tt.in), &diags)
			doc, ok := splitFrontMatter(src, &diags)
			if tt.wantErrContains != "" {
				if ok || len(diags) != 1 || !strings.Contains(diags[0].Msg, tt.wantErrContains) {
					t.Fatalf("got ok=%v %v, want an error containing %q", ok, diags, tt.wantErrContains)
				}
				return
			}
			if !ok || string(doc.front) != tt.front || string(doc.body) != tt.body || doc.bodyLine != tt.bodyLine {
				t.Errorf("got front %q body %q line %d, want %q %q %d", doc.front, doc.body, doc.bodyLine, tt.front, tt.body, tt.bodyLine)
			}
		})
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Pays de Lunel":    "pays-de-lunel",
		"Pays_de_Lunel":    "pays-de-lunel",
		"E-Rhôny":          "e-rhony",
		"Qu'est-ce":        "qu-est-ce",
		"  --Cœur  ":       "coeur",
		"CPTS 2024 (Gard)": "cpts-2024-gard",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInvalidUTF8Position(t *testing.T) {
	var diags diag.List
	_, ok := newSource("f.md", []byte("+++\ntitle = \"Sant\xe9\"\n"), &diags)
	if ok || len(diags) != 1 || diags[0].Pos.String() != "f.md:2:14" {
		t.Fatalf("got %v", diags)
	}
}

func TestOversizedFileIsAnErrorNotARead(t *testing.T) {
	fsys := fstest.MapFS{
		"config.toml":                         {Data: []byte("title = \"t\"\nbase_url = \"https://example.org/\"\n")},
		"content/cpts/a/index.md":             {Data: []byte("+++\nname = \"A\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\n")},
		"content/cpts/a/communes.toml":        {Data: []byte(strings.Repeat("# padding\n", 200))},
		"content/cpts/a/news/2020-01-01-x.md": {Data: []byte("+++\ntitle = \"x\"\ndate = 2020-01-01\n+++\n")},
	}
	_, diags := Site(fsys, Options{MaxFileSize: 1000})
	if len(diags) != 1 || diags[0].Pos.File != "content/cpts/a/communes.toml" || !strings.Contains(diags[0].Msg, "2000 bytes, more than the limit of 1000") {
		t.Fatalf("got %v", diags)
	}
}

func TestMaxFileSizeFromConfig(t *testing.T) {
	padded := []byte(strings.Repeat("# padding\n", 200)) // 2000 bytes
	cases := []struct {
		name   string
		limits string
		opt    int64
		want   string // "" for no diagnostic
	}{
		{"default limit", "", 0, ""},
		{"config limit", "[limits]\nmax_file_size = 1500\n", 0, "2000 bytes, more than the limit of 1500"},
		{"config limit above the file", "[limits]\nmax_file_size = 5000\n", 0, ""},
		{"option wins over config", "[limits]\nmax_file_size = 1500\n", 3000, ""},
		{"zero is refused", "[limits]\nmax_file_size = 0\n", 0, "max_file_size: 0 is out of range"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"config.toml":                  {Data: []byte("title = \"t\"\nbase_url = \"https://example.org/\"\n" + tc.limits)},
				"content/cpts/a/index.md":      {Data: []byte("+++\nname = \"A\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\n")},
				"content/cpts/a/communes.toml": {Data: padded},
			}
			_, diags := Site(fsys, Options{MaxFileSize: tc.opt})
			switch {
			case tc.want == "" && len(diags) > 0:
				t.Fatalf("want no diagnostic, got %v", diags)
			case tc.want != "" && (len(diags) != 1 || !strings.Contains(diags[0].Msg, tc.want)):
				t.Fatalf("want %q, got %v", tc.want, diags)
			}
		})
	}
}

func TestOnCPTSPageFromConfig(t *testing.T) {
	cases := []struct {
		communes string
		want     int
		err      string // "" for no diagnostic
	}{
		{"", model.DefaultOnCPTSPage, ""},
		{"[communes]\non_cpts_page = 0\n", 0, ""},
		{"[communes]\non_cpts_page = 40\n", 40, ""},
		{"[communes]\non_cpts_page = -1\n", 0, "config.toml:4:16: error: on_cpts_page: -1 is out of range"},
	}
	for _, tc := range cases {
		fsys := fstest.MapFS{
			"config.toml":             {Data: []byte("title = \"t\"\nbase_url = \"https://example.org/\"\n" + tc.communes)},
			"content/cpts/a/index.md": {Data: []byte("+++\nname = \"A\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\n")},
		}
		site, diags := Site(fsys, Options{})
		switch {
		case tc.err == "" && len(diags) > 0:
			t.Errorf("%q: want no diagnostic, got %v", tc.communes, diags)
		case tc.err != "" && (len(diags) != 1 || !strings.HasPrefix(diags[0].String(), tc.err)):
			t.Errorf("%q: want %q, got %v", tc.communes, tc.err, diags)
		case tc.err == "" && site.Config.Communes.OnCPTSPage != tc.want:
			t.Errorf("%q: on_cpts_page %d, want %d", tc.communes, site.Config.Communes.OnCPTSPage, tc.want)
		}
	}
}
