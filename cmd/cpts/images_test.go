package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/cpts-fr/cpts/generator/images/imagetest"
)

// imageCmds are the testscript commands of the image scripts.
var imageCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"genimage":    genImage,
	"imagesclean": imagesClean,
}

// genImage writes a test image: genimage photo|logo FILE WIDTH HEIGHT.
// A photo is a JPEG as a phone writes it, with EXIF (camera, GPS
// position), XMP, ICC and IPTC blocks; a logo a PNG with transparency
// and text chunks naming its author.
func genImage(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 4 {
		ts.Fatalf("usage: genimage photo|logo FILE WIDTH HEIGHT")
	}
	w, err1 := strconv.Atoi(args[2])
	h, err2 := strconv.Atoi(args[3])
	if err1 != nil || err2 != nil {
		ts.Fatalf("genimage: bad size %s×%s", args[2], args[3])
	}
	var data []byte
	switch args[0] {
	case "photo":
		data = imagetest.WithMetadata(imagetest.JPEG(imagetest.Photo(w, h, 1), 92), 1)
	case "logo":
		data = imagetest.PNG(imagetest.Logo(w, h))
	default:
		ts.Fatalf("genimage: unknown kind %s", args[0])
	}
	p := ts.MkAbs(args[1])
	ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
	ts.Check(os.WriteFile(p, data, 0o644))
}

// imagesClean checks every JPEG, PNG and WebP file under a folder: none
// keeps metadata (EXIF, GPS, XMP, ICC, text chunks) and none is larger
// than MAXBYTES: imagesclean DIR MAXBYTES.
func imagesClean(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: imagesclean DIR MAXBYTES")
	}
	limit, err := strconv.Atoi(args[1])
	ts.Check(err)
	n := 0
	ts.Check(filepath.WalkDir(ts.MkAbs(args[0]), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".jpg", ".jpeg", ".png", ".webp":
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		if m := imagetest.Metadata(data); len(m) > 0 {
			return fmt.Errorf("%s keeps metadata: %v", p, m)
		}
		if len(data) > limit {
			return fmt.Errorf("%s is %d bytes, more than %d", p, len(data), limit)
		}
		return nil
	}))
	if n == 0 {
		ts.Fatalf("no image under %s", args[0])
	}
	ts.Logf("%d images, no metadata, none over %d bytes", n, limit)
}
