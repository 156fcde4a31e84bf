package load

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestNewsDateYears refuses news whose file or folder name, or front
// matter date given as a string, has a year outside model.MinYear–MaxYear,
// at the file for a name and at the value for a field.
func TestNewsDateYears(t *testing.T) {
	news := func(date string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntitle = \"T\"\ndate = " + date + "\n+++\n")}
	}
	tests := []struct {
		name  string
		path  string
		file  *fstest.MapFile
		diags []string // position, code and message of each diagnostic
	}{
		{"year 0 in name and field", "content/news/0000-01-01-an-zero.md", news(`"0000-01-01"`), []string{
			`content/news/0000-01-01-an-zero.md date news file name: "0000-01-01" is not a date: year 0000 is not between 1900 and 2100`,
			`content/news/0000-01-01-an-zero.md:3:8 date date: "0000-01-01" is not a date: year 0000 is not between 1900 and 2100`,
		}},
		{"year 0 in a CPTS news name", "content/cpts/a/news/0000-01-zero.md", news(`"2020-01"`), []string{
			`content/cpts/a/news/0000-01-zero.md date news file name: "0000-01" is not a date: year 0000 is not between 1900 and 2100`,
			`content/cpts/a/news/0000-01-zero.md:3:8 consistency date 2020-01 differs from the date 0000-01 in the file name`,
		}},
		{"year 2202 in a bundle name", "content/news/2202-05-01-futur/index.md", news(`"2022-05-01"`), []string{
			`content/news/2202-05-01-futur date news file name: "2202-05-01" is not a date: year 2202 is not between 1900 and 2100`,
			`content/news/2202-05-01-futur/index.md:3:8 consistency date 2022-05-01 differs from the date 2202-05-01 in the file name`,
		}},
		{"month 13 in name", "content/news/2020-13-01-x.md", news(`"2020-12-01"`), []string{
			`content/news/2020-13-01-x.md date news file name: "2020-13-01" is not a date: month 13 is not between 01 and 12`,
			`content/news/2020-13-01-x.md:3:8 consistency date 2020-12-01 differs from the date 2020-13-01 in the file name`,
		}},
		{"bounds", "content/news/1900-01-01-premier.md", news(`"1900-01-01"`), nil},
		{"last year", "content/news/2100-12-31-dernier.md", news(`2100-12-31`), nil},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{
			"config.toml":             {Data: []byte("title = \"t\"\nbase_url = \"https://example.org/\"\n")},
			"content/cpts/a/index.md": {Data: []byte("+++\nname = \"A\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\n")},
			tt.path:                   tt.file,
		}
		_, diags := Site(fsys, Options{})
		var got []string
		for _, d := range diags.Sort() {
			got = append(got, d.Pos.String()+" "+string(d.Code)+" "+d.Msg)
		}
		if strings.Join(got, "\n") != strings.Join(tt.diags, "\n") {
			t.Errorf("%s: diagnostics:\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.diags, "\n"))
		}
		for _, d := range diags {
			if strings.HasPrefix(d.Msg, "news file name") && !strings.Contains(d.Hint, "between 1900 and 2100") {
				t.Errorf("%s: hint %q", tt.name, d.Hint)
			}
		}
		// The dev server's read of the file alone says the same.
		_, alone := NewsFile(fsys, tt.path, nil, Options{})
		var again []string
		for _, d := range alone.Sort() {
			again = append(again, d.Pos.String()+" "+string(d.Code)+" "+d.Msg)
		}
		if !slices.Equal(again, got) {
			t.Errorf("%s: NewsFile says\n%s\nthe full build\n%s", tt.name, strings.Join(again, "\n"), strings.Join(got, "\n"))
		}
	}
}
