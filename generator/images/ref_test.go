package images

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/images/imagetest"
)

func TestSource(t *testing.T) {
	const md = "content/news/2024-03-01-ag/index.md"
	tests := []struct {
		dest, want, err string
	}{
		{"photo.jpg", "content/news/2024-03-01-ag/photo.jpg", ""},
		{"./img/photo.jpg", "content/news/2024-03-01-ag/img/photo.jpg", ""},
		{"photo%20ag.jpg", "content/news/2024-03-01-ag/photo ag.jpg", ""},
		{"photo.jpg?v=2#x", "content/news/2024-03-01-ag/photo.jpg", ""},
		{"/img/logo.png", "static/img/logo.png", ""},
		{"../../cpts/x/logo.png", "content/cpts/x/logo.png", ""},
		{"../../../../etc/passwd", "", "leaves the site"},
		{"/../../etc/passwd", "static/etc/passwd", ""}, // a site path cannot climb out of static/
		{"https://example.org/a.png", "", "another host"},
		{"//example.org/a.png", "", "another host"},
		{"file:///etc/passwd", "", "not a path of the site"},
		{"C:\\photos\\a.jpg", "", "not a path of the site"},
		{"img/", "", "no file name"},
	}
	for _, tt := range tests {
		got, err := Source(md, tt.dest)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Source(%q) = %q, %v; want an error with %q", tt.dest, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Source(%q) = %q, %v; want %q", tt.dest, got, err, tt.want)
		}
	}
}

// TestCheck reports every problem at the position of the reference, with
// or without the file system.
func TestCheck(t *testing.T) {
	fsys := fstest.MapFS{
		"content/cpts/x/photo.jpg":  {Data: imagetest.JPEG(imagetest.Photo(40, 30, 1), 80)},
		"content/cpts/x/broken.jpg": {Data: imagetest.JPEG(imagetest.Photo(40, 30, 1), 80)[:100]},
		"content/cpts/x/notes.jpg":  {Data: []byte("texte")},
		"content/cpts/x/anim.gif":   {Data: []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;")},
		"content/cpts/x/bad.svg":    {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"><g></svg>`)},
	}
	pos := func(line int) diag.Pos { return diag.Pos{File: "content/cpts/x/index.md", Line: line, Col: 1} }
	ref := func(line int, dest, alt string) Ref {
		return Ref{File: "content/cpts/x/index.md", Dest: dest, Alt: alt, Pos: pos(line)}
	}
	cover := ref(3, "photo.jpg", "")
	cover.AltKey = "cover_alt"
	tests := []struct {
		name string
		ref  Ref
		fs   bool
		want string // "line: code: message part", "" for none
	}{
		{"fine", ref(1, "photo.jpg", "Une photo"), true, ""},
		{"decorative", ref(1, "photo.jpg", "-"), true, ""},
		{"no alt", ref(2, "photo.jpg", ""), false, "2: image-alt: has no alternative text"},
		{"blank alt", ref(2, "photo.jpg", "  "), false, "2: image-alt: has no alternative text"},
		{"cover without alt", cover, false, "3: image-alt: cover_alt"},
		{"remote", ref(4, "https://example.org/a.jpg", "x"), false, "4: image: another host"},
		{"missing", ref(5, "phot.jpg", "x"), true, "5: image: no file content/cpts/x/phot.jpg"},
		{"missing not read without fs", ref(5, "phot.jpg", "x"), false, ""},
		{"truncated", ref(6, "broken.jpg", "x"), true, "6: image: cannot read"},
		{"not an image", ref(7, "notes.jpg", "x"), true, "7: image: not a JPEG, PNG, WebP or SVG"},
		{"gif", ref(8, "anim.gif", "x"), true, "8: image: GIF files are not supported"},
		{"bad svg", ref(9, "bad.svg", "x"), true, "9: image: not a valid SVG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags diag.List
			if tt.fs {
				diags = Check(fsys, []Ref{tt.ref}, Options{})
			} else {
				diags = Check(nil, []Ref{tt.ref}, Options{})
			}
			if tt.want == "" {
				if len(diags) > 0 {
					t.Errorf("unexpected: %v", diags)
				}
				return
			}
			if len(diags) != 1 {
				t.Fatalf("got %v, want one diagnostic", diags)
			}
			d := diags[0]
			line, rest, _ := strings.Cut(tt.want, ": ")
			code, msg, _ := strings.Cut(rest, ": ")
			if d.Pos.String() != "content/cpts/x/index.md:"+line+":1" || string(d.Code) != code || !strings.Contains(d.Msg+" "+d.Hint, msg) {
				t.Errorf("got %s (%s), want %s", d, d.Hint, tt.want)
			}
		})
	}
}

func TestMissingImageSuggestsAName(t *testing.T) {
	fsys := fstest.MapFS{"content/cpts/x/equipe.jpg": {Data: imagetest.JPEG(imagetest.Photo(40, 30, 1), 80)}}
	diags := Check(fsys, []Ref{{File: "content/cpts/x/index.md", Dest: "equip.jpg", Alt: "x"}}, Options{})
	if len(diags) != 1 || !strings.Contains(diags[0].Hint, "did you mean equipe.jpg?") {
		t.Errorf("got %v", diags)
	}
}
