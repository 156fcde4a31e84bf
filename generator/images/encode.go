package images

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"strconv"
	"strings"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // registers the WebP decoder
)

// settings are the processing parameters; they are part of the cache key.
type settings struct {
	widths       []int // photo widths, ascending
	quality      int   // JPEG quality of photos
	maxBytes     int   // budget of one version
	logoW, logoH int   // the box a logo fits in, in CSS pixels
}

func (s settings) String() string {
	return fmt.Sprintf("w%v q%d max%d logo%dx%d", s.widths, s.quality, s.maxBytes, s.logoW, s.logoH)
}

// version is one file of a processed image.
type version struct {
	Width, Height int
	Descriptor    string // srcset descriptor: "480w", "2x"; empty for the only version
	Ext           string // ".jpg", ".png", ".svg"
	Data          []byte
}

// processed is what processing an image gives, and what the cache keeps.
type processed struct {
	Versions      []version // smallest first
	Src           int       // index of the default version
	Width, Height int       // width and height attributes, in CSS pixels
}

// encoding is the output format of a raster image.
type encoding uint8

const (
	asJPEG encoding = iota
	asPNG
	asBest // PNG if it is at most twice the JPEG's size, else JPEG
)

// process turns an image file into its versions for a role.
func process(data []byte, role Role, s settings) (*processed, error) {
	if isSVG(data) {
		return processSVG(data, role, s)
	}
	if _, err := rasterConfig(data); err != nil {
		return nil, err
	}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cannot decode the image: %v", err)
	}
	o := 1
	if format == "jpeg" {
		o = orientation(data)
	}
	enc := asBest
	switch {
	case !opaque(img):
		enc = asPNG
	case format == "jpeg":
		enc = asJPEG
	case isLossy(img): // a lossy WebP
		enc = asJPEG
	case role == Logo:
		enc = asPNG
	}
	b := img.Bounds()
	dw, dh := b.Dx(), b.Dy()
	if swapsAxes(o) {
		dw, dh = dh, dw
	}
	if role == Logo {
		return logoVersions(img, o, dw, dh, enc, s)
	}
	return photoVersions(img, o, dw, dh, enc, s)
}

// photoWidths are the widths of a photo dw pixels wide: the configured
// widths below it, and its own width when it is smaller than the largest
// and not within 15% of the next width down. Never upscaled.
func photoWidths(dw int, widths []int) []int {
	var out []int
	for _, w := range widths {
		if w < dw {
			out = append(out, w)
		}
	}
	if dw <= widths[len(widths)-1] && (len(out) == 0 || float64(dw) > 1.15*float64(out[len(out)-1])) {
		out = append(out, dw)
	}
	return out
}

func scaledHeight(w, dw, dh int) int {
	return max(1, int(math.Round(float64(w)*float64(dh)/float64(dw))))
}

func photoVersions(img image.Image, o, dw, dh int, enc encoding, s settings) (*processed, error) {
	widths := photoWidths(dw, s.widths)
	out := &processed{Versions: make([]version, len(widths))}
	// The largest version comes from the source; each smaller one from
	// the next larger, which keeps every step under a factor of two.
	var cur *image.RGBA
	for i := len(widths) - 1; i >= 0; i-- {
		w, h := widths[i], scaledHeight(widths[i], dw, dh)
		if cur == nil {
			sw, sh := w, h
			if swapsAxes(o) {
				sw, sh = h, w
			}
			cur = orient(resize(img, sw, sh), o)
		} else {
			cur = resize(cur, w, h)
		}
		if enc == asBest {
			enc = bestEncoding(cur, s.quality)
		}
		v, err := fit(cur, enc, s.quality, s.maxBytes)
		if err != nil {
			return nil, err
		}
		v.Descriptor = strconv.Itoa(v.Width) + "w"
		out.Versions[i] = v
	}
	last := out.Versions[len(out.Versions)-1]
	out.Src, out.Width, out.Height = len(out.Versions)-1, last.Width, last.Height
	if len(out.Versions) == 1 {
		out.Versions[0].Descriptor = ""
	}
	return out, nil
}

func logoVersions(img image.Image, o, dw, dh int, enc encoding, s settings) (*processed, error) {
	scale := min(float64(s.logoW)/float64(dw), float64(s.logoH)/float64(dh), 1)
	w1 := max(1, int(math.Round(float64(dw)*scale)))
	h1 := max(1, int(math.Round(float64(dh)*scale)))
	type size struct {
		w, h int
		desc string
	}
	sizes := []size{{w1, h1, "1x"}}
	switch {
	case dw >= 2*w1:
		sizes = append(sizes, size{2 * w1, scaledHeight(2*w1, dw, dh), "2x"})
	case 4*dw >= 5*w1: // at least 1.25 times: the source itself
		d := strconv.FormatFloat(float64(dw)/float64(w1), 'f', 2, 64)
		sizes = append(sizes, size{dw, dh, strings.TrimRight(strings.TrimRight(d, "0"), ".") + "x"})
	}
	q := max(s.quality, 85) // logos have sharp edges
	out := &processed{Src: 0, Width: w1, Height: h1}
	var cur *image.RGBA
	for i := len(sizes) - 1; i >= 0; i-- {
		z := sizes[i]
		if cur == nil {
			sw, sh := z.w, z.h
			if swapsAxes(o) {
				sw, sh = sh, sw
			}
			cur = orient(resize(img, sw, sh), o)
		} else {
			cur = resize(cur, z.w, z.h)
		}
		v, err := fit(cur, enc, q, s.maxBytes)
		if err != nil {
			return nil, err
		}
		v.Descriptor = z.desc
		out.Versions = append([]version{v}, out.Versions...)
	}
	if len(out.Versions) == 1 {
		out.Versions[0].Descriptor = ""
	}
	return out, nil
}

// resize scales src to w×h with the Catmull-Rom filter (a sharp cubic,
// which averages properly when shrinking). A source at least 2.5 times
// larger is first halved by averaging 2×2 blocks, as Pillow's
// reducing_gap does: the filter then works on a quarter of the pixels,
// for the same look.
func resize(src image.Image, w, h int) *image.RGBA {
	for {
		b := src.Bounds()
		if 2*b.Dx() < 5*w || 2*b.Dy() < 5*h {
			break
		}
		half := halve(src)
		if half == nil {
			break
		}
		src = half
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	b := src.Bounds()
	if b.Dx() == w && b.Dy() == h {
		draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Src)
		return dst
	}
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	return dst
}

// halve returns src at half its size, each pixel the mean of a 2×2
// block, for the JPEG (YCbCr) and RGBA images it knows; nil for others.
func halve(src image.Image) *image.RGBA {
	b := src.Bounds()
	w, h := b.Dx()/2, b.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	switch m := src.(type) {
	case *image.YCbCr:
		if m.SubsampleRatio == image.YCbCrSubsampleRatio420 && b.Min.X%2 == 0 && b.Min.Y%2 == 0 {
			// Each 2×2 block shares one chroma sample: one conversion.
			for y := 0; y < h; y++ {
				yi := m.YOffset(b.Min.X, b.Min.Y+2*y)
				ci := m.COffset(b.Min.X, b.Min.Y+2*y)
				di := dst.PixOffset(0, y)
				for x := 0; x < w; x++ {
					a, c := yi+2*x, yi+2*x+m.YStride
					luma := (int(m.Y[a]) + int(m.Y[a+1]) + int(m.Y[c]) + int(m.Y[c+1]) + 2) / 4
					r, g, bl := color.YCbCrToRGB(uint8(luma), m.Cb[ci+x], m.Cr[ci+x])
					dst.Pix[di], dst.Pix[di+1], dst.Pix[di+2], dst.Pix[di+3] = r, g, bl, 255
					di += 4
				}
			}
			return dst
		}
		for y := 0; y < h; y++ {
			sy := b.Min.Y + 2*y
			for x := 0; x < w; x++ {
				sx := b.Min.X + 2*x
				var r, g, bl int
				for _, p := range [4][2]int{{sx, sy}, {sx + 1, sy}, {sx, sy + 1}, {sx + 1, sy + 1}} {
					ci := m.COffset(p[0], p[1])
					rr, gg, bb := color.YCbCrToRGB(m.Y[m.YOffset(p[0], p[1])], m.Cb[ci], m.Cr[ci])
					r, g, bl = r+int(rr), g+int(gg), bl+int(bb)
				}
				i := dst.PixOffset(x, y)
				dst.Pix[i], dst.Pix[i+1], dst.Pix[i+2], dst.Pix[i+3] = uint8((r+2)/4), uint8((g+2)/4), uint8((bl+2)/4), 255
			}
		}
	case *image.RGBA:
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				i := dst.PixOffset(x, y)
				a := m.PixOffset(b.Min.X+2*x, b.Min.Y+2*y)
				c := a + m.Stride
				for k := 0; k < 4; k++ {
					sum := int(m.Pix[a+k]) + int(m.Pix[a+4+k]) + int(m.Pix[c+k]) + int(m.Pix[c+4+k])
					dst.Pix[i+k] = uint8((sum + 2) / 4)
				}
			}
		}
	default:
		return nil
	}
	return dst
}

// fit encodes img within maxBytes: a JPEG at quality q, then at lower
// qualities down to q-30 (never under 40); if that is not enough, or for
// a PNG, the image is made 15% smaller until it fits.
func fit(img *image.RGBA, enc encoding, q, maxBytes int) (version, error) {
	for {
		var data []byte
		var err error
		ext := ".png"
		if enc == asJPEG {
			ext = ".jpg"
			for _, qq := range []int{q, q - 10, q - 20, q - 30} {
				if qq < 40 && qq != q {
					break
				}
				if data, err = encodeJPEG(img, qq); err != nil || len(data) <= maxBytes {
					break
				}
			}
		} else {
			data, err = encodePNG(img)
		}
		if err != nil {
			return version{}, fmt.Errorf("cannot encode the image: %v", err)
		}
		b := img.Bounds()
		if len(data) <= maxBytes || b.Dx() <= 64 || b.Dy() <= 64 {
			return version{Width: b.Dx(), Height: b.Dy(), Ext: ext, Data: data}, nil
		}
		img = resize(img, b.Dx()*85/100, max(1, b.Dy()*85/100))
	}
}

// bestEncoding chooses between PNG and JPEG for an opaque image that was
// not a JPEG: PNG keeps a screenshot or a flat drawing sharp, and is
// chosen unless it is more than twice the size of the JPEG (a photo).
func bestEncoding(img *image.RGBA, q int) encoding {
	j, err1 := encodeJPEG(img, q)
	p, err2 := encodePNG(img)
	if err1 == nil && err2 == nil && len(p) > 2*len(j) {
		return asJPEG
	}
	return asPNG
}

func encodeJPEG(img image.Image, q int) ([]byte, error) {
	var buf bytes.Buffer
	err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q})
	return buf.Bytes(), err
}

func encodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	err := enc.Encode(&buf, img)
	return buf.Bytes(), err
}

// opaque reports whether every pixel of m is opaque.
func opaque(m image.Image) bool {
	if o, ok := m.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

// isLossy reports whether a decoded image came from lossy compression
// (JPEG, lossy WebP), which re-encodes best as JPEG.
func isLossy(m image.Image) bool {
	switch m.(type) {
	case *image.YCbCr, *image.NYCbCrA:
		return true
	}
	return false
}
