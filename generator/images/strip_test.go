package images

import (
	"bytes"
	"encoding/binary"
	"image"
	"testing"

	"github.com/cpts-fr/cpts/generator/images/imagetest"
)

// TestStrip removes the metadata of files copied as they are, keeping
// their pixels: JPEG, PNG, WebP and SVG.
func TestStrip(t *testing.T) {
	photo := imagetest.Photo(64, 48, 7)
	jpegData := imagetest.JPEG(photo, 90)
	tests := []struct {
		name   string
		in     []byte
		pixels []byte // a file that must decode to the same pixels; nil: skip
	}{
		{"jpeg", imagetest.WithMetadata(jpegData, 1), jpegData},
		{"png", imagetest.PNG(imagetest.Logo(60, 20)), imagetest.PNG(imagetest.Logo(60, 20))},
		{"webp", imagetest.WebPWithEXIF(mustRead("lossy.webp")(), 150, 103), mustRead("lossy.webp")()},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><metadata>` + imagetest.Owner + `</metadata><script>alert(1)</script></svg>`), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(imagetest.Metadata(tt.in)) == 0 {
				t.Fatal("the input has no metadata: the test proves nothing")
			}
			out, err := Strip(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if m := imagetest.Metadata(out); len(m) > 0 {
				t.Errorf("metadata left: %v", m)
			}
			if bytes.Contains(out, []byte("alert")) {
				t.Error("script left")
			}
			if tt.pixels != nil {
				want, _, err1 := image.Decode(bytes.NewReader(tt.pixels))
				got, _, err2 := image.Decode(bytes.NewReader(out))
				if err1 != nil || err2 != nil {
					t.Fatalf("decode: %v, %v", err1, err2)
				}
				if !samePixels(want, got) {
					t.Error("the pixels changed")
				}
			}
		})
	}
	if tt := []byte("plain text"); !bytes.Equal(must(Strip(tt)), tt) {
		t.Error("Strip changed a file that is not an image")
	}
}

// TestStripTurnsJPEG: a JPEG that EXIF says to turn is turned, since its
// orientation tag goes with the rest.
func TestStripTurnsJPEG(t *testing.T) {
	out, err := Strip(imagetest.WithMetadata(imagetest.JPEG(imagetest.Photo(64, 48, 7), 90), 6))
	if err != nil {
		t.Fatal(err)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(out))
	if err != nil || cfg.Width != 48 || cfg.Height != 64 {
		t.Errorf("size %dx%d (%v), want 48x64", cfg.Width, cfg.Height, err)
	}
	if m := imagetest.Metadata(out); len(m) > 0 {
		t.Errorf("metadata left: %v", m)
	}
}

func TestStripWebPHeader(t *testing.T) {
	out, err := Strip(imagetest.WebPWithEXIF(mustRead("lossy.webp")(), 150, 103))
	if err != nil {
		t.Fatal(err)
	}
	if size := binary.LittleEndian.Uint32(out[4:]); int(size) != len(out)-8 {
		t.Errorf("RIFF size %d, want %d", size, len(out)-8)
	}
	if flags := out[20]; flags&(vp8xEXIF|vp8xXMP|vp8xICC) != 0 {
		t.Errorf("VP8X flags %08b still announce metadata", flags)
	}
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false
			}
		}
	}
	return true
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// FuzzParsers feeds the hand-written parsers (JPEG segments, EXIF, PNG
// and WebP chunks, SVG) with damaged files: they may refuse them, never
// panic.
func FuzzParsers(f *testing.F) {
	f.Add(imagetest.WithMetadata(imagetest.JPEG(imagetest.Photo(16, 16, 1), 80), 6))
	f.Add(imagetest.PNG(imagetest.Logo(20, 10)))
	f.Add(imagetest.WebPWithEXIF(mustRead("lossy.webp")(), 150, 103))
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><a href="#x"><rect/></a></svg>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = orientation(data)
		_, _ = Strip(data)
		_, _, _, _ = sanitizeSVG(data)
	})
}
