package images

import (
	"bytes"
	"encoding/binary"
	"image"
)

// orientation returns the EXIF orientation of a JPEG file, 1 to 8, or 1
// when it has none. Phones store photos as the sensor saw them and say in
// this tag how to turn them; since encoding drops EXIF, the turn is
// applied to the pixels.
func orientation(data []byte) int {
	for _, seg := range jpegSegments(data) {
		if seg.marker != 0xE1 || !bytes.HasPrefix(seg.payload, []byte("Exif\x00\x00")) {
			continue
		}
		if o := tiffOrientation(seg.payload[6:]); o >= 1 && o <= 8 {
			return o
		}
	}
	return 1
}

// tiffOrientation reads tag 0x0112 of the first IFD of a TIFF structure.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	off := int(bo.Uint32(t[4:8]))
	if off < 8 || off+2 > len(t) {
		return 0
	}
	n := int(bo.Uint16(t[off:]))
	for i := 0; i < n; i++ {
		e := off + 2 + 12*i
		if e+12 > len(t) {
			return 0
		}
		if bo.Uint16(t[e:]) == 0x0112 && bo.Uint16(t[e+2:]) == 3 { // SHORT
			return int(bo.Uint16(t[e+8:]))
		}
	}
	return 0
}

// segment is one marker segment of a JPEG file before its image data.
type segment struct {
	marker  byte
	start   int // offset of the 0xFF of the marker
	end     int // offset after the segment
	payload []byte
}

// jpegSegments lists the marker segments of a JPEG file up to and
// including its first SOS (start of scan); nil if data is not a JPEG.
func jpegSegments(data []byte) []segment {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return nil
	}
	var out []segment
	i := 2
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			return out
		}
		m := data[i+1]
		if m == 0xFF { // fill byte
			i++
			continue
		}
		if m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01 {
			i += 2
			continue
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return out
		}
		out = append(out, segment{marker: m, start: i, end: i + 2 + n, payload: data[i+4 : i+2+n]})
		if m == 0xDA || m == 0xD9 {
			return out
		}
		i += 2 + n
	}
	return out
}

// swapsAxes reports whether an orientation turns the image a quarter.
func swapsAxes(o int) bool { return o >= 5 && o <= 8 }

// orient returns src turned and flipped as the EXIF orientation says.
func orient(src *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return src
	}
	b := src.Bounds()
	sw, sh := b.Dx(), b.Dy()
	dw, dh := sw, sh
	if swapsAxes(o) {
		dw, dh = sh, sw
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			var sx, sy int
			switch o {
			case 2: // mirrored
				sx, sy = sw-1-x, y
			case 3: // upside down
				sx, sy = sw-1-x, sh-1-y
			case 4: // mirrored upside down
				sx, sy = x, sh-1-y
			case 5: // transposed
				sx, sy = y, x
			case 6: // turn a quarter clockwise
				sx, sy = y, sh-1-x
			case 7: // transversed
				sx, sy = sw-1-y, sh-1-x
			case 8: // turn a quarter anticlockwise
				sx, sy = sw-1-y, x
			}
			si := src.PixOffset(b.Min.X+sx, b.Min.Y+sy)
			di := dst.PixOffset(x, y)
			copy(dst.Pix[di:di+4], src.Pix[si:si+4])
		}
	}
	return dst
}
