package images

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/draw"
)

// Strip removes the metadata of an image copied as it is (a file of
// static/) without re-encoding it: in a JPEG every APPn segment but JFIF
// and Adobe (EXIF, XMP, ICC, IPTC...) and comments; in a PNG every
// ancillary chunk but transparency, gamma, chromaticities, sRGB,
// background, physical size, significant bits and animation; in a WebP
// the EXIF, XMP and ICCP chunks. A JPEG that EXIF says to turn is turned
// and encoded again (quality 90), since the tag is dropped. An SVG is
// sanitised. Other data is returned as it is.
func Strip(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8")):
		if o := orientation(data); o != 1 {
			if _, err := rasterConfig(data); err != nil {
				return nil, err
			}
			img, _, err := image.Decode(bytes.NewReader(data))
			if err != nil {
				return nil, err
			}
			rgba := image.NewRGBA(img.Bounds())
			draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
			return encodeJPEG(orient(rgba, o), 90)
		}
		return stripJPEG(data)
	case bytes.HasPrefix(data, pngSignature):
		return stripPNG(data)
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return stripWebP(data)
	case isSVG(data):
		out, _, _, err := sanitizeSVG(data)
		return out, err
	}
	return data, nil
}

func stripJPEG(data []byte) ([]byte, error) {
	segs := jpegSegments(data)
	if len(segs) == 0 || segs[len(segs)-1].marker != 0xDA {
		return nil, errors.New("not a readable JPEG file")
	}
	out := append(make([]byte, 0, len(data)), 0xFF, 0xD8)
	for _, s := range segs {
		keep := true
		switch {
		case s.marker == 0xE0:
			keep = bytes.HasPrefix(s.payload, []byte("JFIF\x00"))
		case s.marker == 0xEE:
			keep = bytes.HasPrefix(s.payload, []byte("Adobe"))
		case s.marker >= 0xE1 && s.marker <= 0xEF, s.marker == 0xFE:
			keep = false
		}
		if keep {
			out = append(out, data[s.start:s.end]...)
		}
	}
	return append(out, data[segs[len(segs)-1].end:]...), nil
}

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// pngKept are the ancillary PNG chunks that say how to show the pixels
// and nothing about where or by whom they were made.
var pngKept = map[string]bool{
	"tRNS": true, "gAMA": true, "cHRM": true, "sRGB": true, "bKGD": true, "pHYs": true, "sBIT": true,
	"acTL": true, "fcTL": true, "fdAT": true,
}

func stripPNG(data []byte) ([]byte, error) {
	out := append(make([]byte, 0, len(data)), pngSignature...)
	for i := len(pngSignature); i < len(data); {
		if i+12 > len(data) {
			return nil, errors.New("truncated PNG file")
		}
		n := int(binary.BigEndian.Uint32(data[i:]))
		end := i + 12 + n
		if n < 0 || end > len(data) {
			return nil, errors.New("truncated PNG file")
		}
		typ := string(data[i+4 : i+8])
		critical := typ[0] >= 'A' && typ[0] <= 'Z'
		if critical || pngKept[typ] {
			out = append(out, data[i:end]...)
		}
		i = end
		if typ == "IEND" {
			break
		}
	}
	return out, nil
}

// WebP VP8X flags for the chunks Strip removes.
const (
	vp8xICC  = 0x20
	vp8xEXIF = 0x08
	vp8xXMP  = 0x04
)

func stripWebP(data []byte) ([]byte, error) {
	out := append(make([]byte, 0, len(data)), data[:12]...)
	for i := 12; i < len(data); {
		if i+8 > len(data) {
			return nil, errors.New("truncated WebP file")
		}
		n := int(binary.LittleEndian.Uint32(data[i+4:]))
		end := i + 8 + n + n%2
		if n < 0 || end > len(data) {
			if i+8+n == len(data) { // an odd last chunk without its padding
				end = len(data)
			} else {
				return nil, errors.New("truncated WebP file")
			}
		}
		switch string(data[i : i+4]) {
		case "EXIF", "XMP ", "ICCP":
		case "VP8X":
			c := append([]byte(nil), data[i:end]...)
			if len(c) > 8 {
				c[8] &^= vp8xICC | vp8xEXIF | vp8xXMP
			}
			out = append(out, c...)
		default:
			out = append(out, data[i:end]...)
		}
		i = end
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out, nil
}
