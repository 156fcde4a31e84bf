package images

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"io"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/sitefs"
)

// Role says where an image is shown, which decides its versions.
type Role uint8

const (
	// Photo is an image of the text column: a Markdown image or a news cover.
	Photo Role = iota
	// Logo is a CPTS logo, shown small beside the CPTS's name.
	Logo
)

// Decorative is the alternative text of an image that carries no
// information: ![-](frise.png), cover_alt = "-". Pages give it alt="".
const Decorative = "-"

// Ref is one use of an image in the content.
type Ref struct {
	File string   // Markdown file that shows it: "content/news/2024-03-01-ag/index.md"
	Dest string   // as written: "photo.jpg", "img/photo.jpg", "/logos/x.png"
	Alt  string   // alternative text as written; Decorative for none
	Pos  diag.Pos // where the image is written
	// AltKey is the front-matter key of the alternative text ("cover_alt");
	// empty for a Markdown image, whose text is in the brackets.
	AltKey string
	Role   Role
}

// Limits on the files Check and Process accept.
const (
	MaxFileBytes = 50 << 20   // a larger file is refused unread
	MaxPixels    = 60_000_000 // a larger image would take too much memory to decode
	MaxSVGBytes  = 1 << 20    // a larger SVG is no logo
)

// Errors that choose the hint of a diagnostic.
var (
	errRemote = errors.New("image on another host")
)

// Source returns the file of the site an image destination points to:
// relative to the Markdown file that shows it ("photo.jpg" beside
// content/cpts/x/index.md is content/cpts/x/photo.jpg), or, for a site
// path ("/logos/x.png"), under static/. A query or fragment is ignored.
func Source(file, dest string) (string, error) {
	d := strings.TrimSpace(dest)
	if i := strings.IndexAny(d, "?#"); i >= 0 {
		d = d[:i]
	}
	if u, err := url.PathUnescape(d); err == nil {
		d = u
	}
	lower := strings.ToLower(d)
	switch {
	case strings.HasPrefix(lower, "http:") || strings.HasPrefix(lower, "https:") || strings.HasPrefix(d, "//"):
		return "", errRemote
	case d == "" || strings.HasSuffix(d, "/"):
		return "", fmt.Errorf("no file name in %q", dest)
	case strings.Contains(d, ":") || strings.Contains(d, "\\"):
		return "", fmt.Errorf("%q is not a path of the site", dest)
	}
	var p string
	if strings.HasPrefix(d, "/") {
		p = path.Join("static", path.Clean(d)) // as a browser resolves /../x
	} else {
		p = path.Join(path.Dir(file), d)
	}
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", fmt.Errorf("%q leaves the site folder", dest)
	}
	return p, nil
}

// Check reports, for every reference, a missing alternative text and a
// remote image; with fsys, also a file that is missing or is not a
// readable JPEG, PNG, WebP or SVG, and then processes the images whose
// headers are sound as Process does, through the cache of opts, so that
// an image whose header lies (a PNG whose pixels do not decode) is
// refused by `cpts check` as by `cpts build`. The build's own Process
// then finds them in the cache.
func Check(fsys fs.FS, refs []Ref, opts Options) diag.List {
	var diags diag.List
	var sound []Ref // read and probed without a problem
	probed := map[string]error{}
	for _, r := range refs {
		if strings.TrimSpace(r.Alt) == "" {
			d := diags.Errorf(r.Pos, diag.ImageAlt, "image %s has no alternative text", r.Dest)
			if r.AltKey != "" {
				d.WithHint(`add %s = "..." saying what the image shows to someone who cannot see it, or %s = "%s" if it is decorative`, r.AltKey, r.AltKey, Decorative)
			} else {
				d.WithHint("write what the image shows to someone who cannot see it between the brackets: ![Photo de l'assemblée générale](%s); for a decorative image: ![%s](%s)", r.Dest, Decorative, r.Dest)
			}
		}
		p, err := Source(r.File, r.Dest)
		if errors.Is(err, errRemote) {
			diags.Errorf(r.Pos, diag.Image, "image %s is on another host: the pages' Content-Security-Policy blocks it", r.Dest).
				WithHint("download the file (if its licence allows it) and put it beside %s, then write its name: ![...](%s)", path.Base(r.File), path.Base(r.Dest))
			continue
		}
		if err != nil {
			diags.Errorf(r.Pos, diag.Image, "image %v", err).
				WithHint("write the name of a file beside %s, or a site path such as /img/x.jpg for static/img/x.jpg", path.Base(r.File))
			continue
		}
		if fsys == nil {
			continue
		}
		perr, seen := probed[p]
		if !seen {
			perr = probe(fsys, p)
			probed[p] = perr
		}
		if perr == nil {
			sound = append(sound, r)
			continue
		}
		refused, isRefused := sitefs.AsRefused(perr)
		if isRefused {
			perr = errors.New(refused.Reason + ": refused")
		}
		d := diags.Errorf(r.Pos, diag.Image, "image %s: %v", r.Dest, perr)
		switch {
		case errors.Is(perr, fs.ErrNotExist):
			d.WithHint("%s", missingHint(fsys, p))
		case isRefused:
			d.WithHint("%s", refused.Hint)
		default:
			d.WithHint("export it as JPEG (photos) or PNG or SVG (logos), at most %d megapixels", MaxPixels/1_000_000)
		}
	}
	if len(sound) > 0 {
		_, d := Process(fsys, sound, opts)
		diags.Append(d)
	}
	return diags
}

// missingHint suggests an image of the same folder with a similar name.
func missingHint(fsys fs.FS, p string) string {
	entries, _ := fs.ReadDir(fsys, path.Dir(p))
	var names []string
	for _, e := range entries {
		if !e.IsDir() && IsImageName(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if s := diag.Suggest(path.Base(p), names, 1); len(s) > 0 {
		return fmt.Sprintf("did you mean %s?", s[0])
	}
	if len(names) > 0 && len(names) <= 5 {
		return fmt.Sprintf("the images in %s are %s", path.Dir(p), strings.Join(names, ", "))
	}
	return "put the image beside the Markdown that shows it, or in static/ and write its site path (/img/x.jpg for static/img/x.jpg)"
}

// IsImageName reports whether a file name has the extension of an image
// the build processes.
func IsImageName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".webp", ".svg":
		return true
	}
	return false
}

// probe checks that p is an image the build can process. It reads the
// start of a raster file, where its size is (after EXIF, XMP and ICC
// blocks of up to 64 KB each), and the whole of an SVG file.
func probe(fsys fs.FS, p string) error {
	data, err := readImage(fsys, p, probeBytes)
	if err != nil {
		return err
	}
	if isSVG(data) {
		if data, err = readImage(fsys, p, 0); err != nil {
			return err
		}
		_, _, _, err := sanitizeSVG(data)
		return err
	}
	if _, err = rasterConfig(data); err != nil && len(data) == probeBytes {
		if data, err = readImage(fsys, p, 0); err != nil {
			return err
		}
		_, err = rasterConfig(data)
	}
	return err
}

// probeBytes is how much of a raster file probe reads first.
const probeBytes = 512 << 10

// readImage reads an image file of the site, or its first limit bytes
// when limit > 0, refusing symbolic links that leave the site and files
// over the size limits.
func readImage(fsys fs.FS, p string, limit int) ([]byte, error) {
	if err := sitefs.Check(fsys, p); err != nil {
		return nil, err
	}
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, unwrap(err)
	}
	if info.IsDir() {
		return nil, errors.New("is a folder, want an image file")
	}
	if info.Size() > MaxFileBytes {
		return nil, fmt.Errorf("file is %d MB, more than the limit of %d MB", info.Size()>>20, MaxFileBytes>>20)
	}
	var data []byte
	if limit > 0 && info.Size() > int64(limit) {
		f, err := fsys.Open(p)
		if err != nil {
			return nil, unwrap(err)
		}
		defer f.Close()
		data = make([]byte, limit)
		if _, err := io.ReadFull(f, data); err != nil {
			return nil, unwrap(err)
		}
		return data, nil
	}
	data, err = fs.ReadFile(fsys, p)
	if err != nil {
		return nil, unwrap(err)
	}
	if isSVG(data) && len(data) > MaxSVGBytes {
		return nil, fmt.Errorf("SVG file is %d KB, more than the limit of %d KB", len(data)>>10, MaxSVGBytes>>10)
	}
	return data, nil
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return notFound(pe.Path)
		}
		return pe.Err
	}
	return err
}

// notFound is the error of a missing image file.
type notFound string

func (e notFound) Error() string        { return "no file " + string(e) }
func (e notFound) Is(target error) bool { return target == fs.ErrNotExist }

// otherFormat names the image formats authors may try that the build does
// not read; "" for others.
func otherFormat(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("GIF8")):
		return "GIF"
	case bytes.HasPrefix(data, []byte("BM")):
		return "BMP"
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return "TIFF"
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "PDF"
	case len(data) >= 12 && string(data[4:8]) == "ftyp":
		switch string(data[8:12]) {
		case "heic", "heix", "hevc", "mif1", "msf1":
			return "HEIC (iPhone)"
		case "avif", "avis":
			return "AVIF"
		}
	}
	return ""
}

// rasterConfig reads a raster image's format and size, refusing formats
// the build does not process and images too large to decode.
func rasterConfig(data []byte) (image.Config, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, image.ErrFormat) {
			if f := otherFormat(data); f != "" {
				return cfg, fmt.Errorf("%s files are not supported: use JPEG, PNG, WebP or SVG", f)
			}
			return cfg, errors.New("not a JPEG, PNG, WebP or SVG file")
		}
		return cfg, fmt.Errorf("cannot read the image: %v", err)
	}
	switch format {
	case "jpeg", "png", "webp":
	default:
		return cfg, fmt.Errorf("%s images are not supported: use JPEG, PNG, WebP or SVG", strings.ToUpper(format))
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return cfg, errors.New("the image is empty")
	}
	if float64(cfg.Width)*float64(cfg.Height) > MaxPixels {
		return cfg, fmt.Errorf("the image is %d×%d pixels, more than %d megapixels", cfg.Width, cfg.Height, int(MaxPixels/1_000_000))
	}
	return cfg, nil
}
