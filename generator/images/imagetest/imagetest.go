// Package imagetest makes test images the way phones and editors make
// them, metadata included, and finds metadata in encoded files. It serves
// the tests of package images, of the build and of the cpts command.
package imagetest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"strings"
)

// Camera is the camera make written in test EXIF data: no output image
// may contain it.
const Camera = "CPTS-TEST-CAMERA"

// Owner is the author written in test XMP, PNG text and SVG metadata.
const Owner = "Dr Secret Owner"

// Photo returns a deterministic w×h image that compresses like a photo:
// a sky gradient, hills, textures at several scales and sensor noise.
func Photo(w, h int, seed uint64) *image.RGBA {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	type grid struct {
		n, m int
		v    []float64
	}
	octave := func(cells int) grid {
		g := grid{n: cells + 2, m: cells*h/w + 2}
		g.v = make([]float64, g.n*g.m)
		for i := range g.v {
			g.v[i] = rng.Float64()
		}
		return g
	}
	sample := func(g grid, x, y float64) float64 { // bilinear, x and y in 0..1
		fx, fy := x*float64(g.n-2), y*float64(g.m-2)
		ix, iy := int(fx), int(fy)
		tx, ty := fx-float64(ix), fy-float64(iy)
		a := g.v[iy*g.n+ix]*(1-tx) + g.v[iy*g.n+ix+1]*tx
		b := g.v[(iy+1)*g.n+ix]*(1-tx) + g.v[(iy+1)*g.n+ix+1]*tx
		return a*(1-ty) + b*ty
	}
	octaves := []grid{octave(6), octave(40), octave(250)}
	weights := []float64{0.5, 0.3, 0.2}
	for y := 0; y < h; y++ {
		fy := float64(y) / float64(h)
		for x := 0; x < w; x++ {
			fx := float64(x) / float64(w)
			tex := 0.0
			for i, g := range octaves {
				tex += weights[i] * sample(g, fx, fy)
			}
			horizon := 0.45 + 0.08*math.Sin(fx*7) + 0.1*(sample(octaves[0], fx, 0.5)-0.5)
			var r, g, b float64
			if fy < horizon { // sky
				r, g, b = 120+80*fy, 160+60*fy, 235-20*fy
				r, g, b = r+25*(tex-0.5), g+25*(tex-0.5), b+15*(tex-0.5)
			} else { // fields and trees
				r, g, b = 70+90*tex, 100+100*tex, 40+50*tex
			}
			n := rng.NormFloat64() * 4
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = clamp(r+n), clamp(g+n), clamp(b+n), 255
		}
	}
	return img
}

func clamp(f float64) uint8 { return uint8(max(0, min(255, math.Round(f)))) }

// Logo returns a w×h logo with a transparent background: a coloured disc
// and a bar.
func Logo(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	cx, cy, rad := float64(h)/2, float64(h)/2, float64(h)*0.45
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := float64(x)-cx, float64(y)-cy
			switch {
			case dx*dx+dy*dy < rad*rad:
				img.SetNRGBA(x, y, color.NRGBA{0, 110, 180, 255})
			case x > h && y > h/3 && y < 2*h/3:
				img.SetNRGBA(x, y, color.NRGBA{40, 40, 40, 255})
			}
		}
	}
	return img
}

// JPEG encodes img as a JPEG, as a camera would before adding metadata.
func JPEG(img image.Image, quality int) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// WithMetadata inserts after the start of a JPEG what a phone and a photo
// editor write: an EXIF block (APP1) with the camera make, the
// orientation and a GPS position (43.6767 N, 4.1353 E), an XMP block
// (APP1) naming the owner, an ICC profile (APP2), IPTC data (APP13) and a
// comment.
func WithMetadata(jpegData []byte, orientation int) []byte {
	var out bytes.Buffer
	out.Write(jpegData[:2])
	seg := func(marker byte, payload []byte) {
		out.Write([]byte{0xFF, marker})
		binary.Write(&out, binary.BigEndian, uint16(len(payload)+2))
		out.Write(payload)
	}
	seg(0xE1, append([]byte("Exif\x00\x00"), exifTIFF(orientation)...))
	seg(0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><dc:creator>"+Owner+"</dc:creator></x:xmpmeta>"))
	seg(0xE2, []byte("ICC_PROFILE\x00\x01\x01fake profile by "+Owner))
	seg(0xED, []byte("Photoshop 3.0\x008BIM by "+Owner))
	seg(0xFE, []byte("taken by "+Owner))
	out.Write(jpegData[2:])
	return out.Bytes()
}

// exifTIFF is a little-endian TIFF structure: IFD0 with Make,
// Orientation and a GPS IFD pointer; the GPS IFD with latitude and
// longitude.
func exifTIFF(orientation int) []byte {
	le := binary.LittleEndian
	var b []byte
	u16 := func(v uint16) { b = le.AppendUint16(b, v) }
	u32 := func(v uint32) { b = le.AppendUint32(b, v) }
	mk := Camera + "\x00"
	// Layout: header (8), IFD0 (2 + 3*12 + 4 = 42) at 8, GPS IFD
	// (2 + 4*12 + 4 = 54) at 50, then data: make at 104, latitude at
	// 104+len(make), longitude 24 bytes later.
	const ifd0, gps = 8, 50
	makeOff := uint32(104)
	latOff := makeOff + uint32(len(mk))
	lonOff := latOff + 24
	b = append(b, 'I', 'I')
	u16(42)
	u32(ifd0)
	u16(3)
	u16(0x010F) // Make
	u16(2)      // ASCII
	u32(uint32(len(mk)))
	u32(makeOff)
	u16(0x0112) // Orientation
	u16(3)      // SHORT
	u32(1)
	u16(uint16(orientation))
	u16(0)
	u16(0x8825) // GPS IFD
	u16(4)      // LONG
	u32(1)
	u32(gps)
	u32(0) // no next IFD
	u16(4)
	u16(1) // GPSLatitudeRef
	u16(2)
	u32(2)
	b = append(b, 'N', 0, 0, 0)
	u16(2) // GPSLatitude
	u16(5) // RATIONAL
	u32(3)
	u32(latOff)
	u16(3) // GPSLongitudeRef
	u16(2)
	u32(2)
	b = append(b, 'E', 0, 0, 0)
	u16(4) // GPSLongitude
	u16(5)
	u32(3)
	u32(lonOff)
	u32(0)
	b = append(b, mk...)
	for _, r := range [][2]uint32{{43, 1}, {40, 1}, {3612, 100}, {4, 1}, {8, 1}, {708, 100}} {
		u32(r[0])
		u32(r[1])
	}
	return b
}

// PNG encodes img as a PNG and adds the chunks editors write: text
// (tEXt, iTXt with XMP, zTXt), EXIF (eXIf), an ICC profile (iCCP) and a
// time (tIME).
func PNG(img image.Image) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	data := buf.Bytes()
	// Insert after IHDR: signature (8) + IHDR chunk (25).
	var out bytes.Buffer
	out.Write(data[:33])
	chunk := func(typ string, payload []byte) {
		binary.Write(&out, binary.BigEndian, uint32(len(payload)))
		out.WriteString(typ)
		out.Write(payload)
		h := crc32.NewIEEE()
		h.Write([]byte(typ))
		h.Write(payload)
		binary.Write(&out, binary.BigEndian, h.Sum32())
	}
	chunk("tEXt", []byte("Author\x00"+Owner))
	chunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00<x:xmpmeta>"+Owner+"</x:xmpmeta>"))
	chunk("eXIf", exifTIFF(1))
	chunk("iCCP", []byte("profile\x00\x00fake"))
	chunk("tIME", []byte{0x07, 0xE8, 1, 2, 3, 4, 5})
	out.Write(data[33:])
	return out.Bytes()
}

// Metadata lists the metadata blocks of an encoded image: JPEG APP1
// (EXIF, XMP), APP2 (ICC) and other APPn segments but JFIF and Adobe,
// and comments; PNG text, EXIF, ICC and time chunks; WebP EXIF, XMP and
// ICCP chunks; and the test camera or owner anywhere in the bytes. An
// image without metadata gives nil.
func Metadata(data []byte) []string {
	var found []string
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8}):
		for i := 2; i+4 <= len(data) && data[i] == 0xFF; {
			m := data[i+1]
			if m == 0xDA {
				break
			}
			n := int(binary.BigEndian.Uint16(data[i+2:]))
			p := data[i+4 : min(len(data), i+2+n)]
			switch {
			case m == 0xE0 && bytes.HasPrefix(p, []byte("JFIF\x00")), m == 0xEE && bytes.HasPrefix(p, []byte("Adobe")):
			case m == 0xE1 && bytes.HasPrefix(p, []byte("Exif")):
				found = append(found, "JPEG APP1 EXIF")
			case m == 0xE1:
				found = append(found, "JPEG APP1 XMP")
			case m == 0xE2:
				found = append(found, "JPEG APP2 ICC")
			case m >= 0xE0 && m <= 0xEF:
				found = append(found, "JPEG APPn")
			case m == 0xFE:
				found = append(found, "JPEG COM")
			}
			i += 2 + n
		}
	case bytes.HasPrefix(data, []byte("\x89PNG")):
		for i := 8; i+8 <= len(data); {
			n := int(binary.BigEndian.Uint32(data[i:]))
			switch typ := string(data[i+4 : i+8]); typ {
			case "tEXt", "iTXt", "zTXt", "eXIf", "iCCP", "tIME":
				found = append(found, "PNG "+typ)
			}
			i += 12 + n
		}
	case bytes.HasPrefix(data, []byte("RIFF")):
		for _, c := range []string{"EXIF", "XMP ", "ICCP"} {
			if bytes.Contains(data, []byte(c)) {
				found = append(found, "WebP "+c)
			}
		}
	}
	for _, s := range []string{Camera, Owner, "Exif\x00\x00", "http://ns.adobe.com/xap", "ICC_PROFILE", "<metadata", "rdf:RDF"} {
		if bytes.Contains(data, []byte(s)) {
			found = append(found, "bytes "+strings.TrimRight(s, "\x00"))
		}
	}
	return found
}

// WebPWithEXIF wraps a simple WebP file (one VP8 or VP8L chunk) of a
// w×h image in the extended format, with an EXIF chunk carrying the test
// camera and GPS position and an XMP chunk naming the owner.
func WebPWithEXIF(simple []byte, w, h int) []byte {
	le := binary.LittleEndian
	var body []byte
	chunk := func(typ string, payload []byte) {
		body = append(body, typ...)
		body = le.AppendUint32(body, uint32(len(payload)))
		body = append(body, payload...)
		if len(payload)%2 == 1 {
			body = append(body, 0)
		}
	}
	vp8x := make([]byte, 10)
	vp8x[0] = 0x08 | 0x04 // EXIF and XMP
	vp8x[4], vp8x[5], vp8x[6] = byte(w-1), byte((w-1)>>8), byte((w-1)>>16)
	vp8x[7], vp8x[8], vp8x[9] = byte(h-1), byte((h-1)>>8), byte((h-1)>>16)
	chunk("VP8X", vp8x)
	body = append(body, simple[12:]...) // the image chunk, padded
	chunk("EXIF", exifTIFF(1))
	chunk("XMP ", []byte("<x:xmpmeta>"+Owner+"</x:xmpmeta>"))
	out := append([]byte("RIFF"), le.AppendUint32(nil, uint32(4+len(body)))...)
	out = append(out, "WEBP"...)
	return append(out, body...)
}
