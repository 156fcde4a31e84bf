package main

import (
	"os"
	"path/filepath"
)

// imageCacheDir is the folder where processed images are kept between
// builds: $CPTS_CACHE_DIR/images when that variable is set (a CI cache
// step can save it), else the user cache folder ($XDG_CACHE_HOME/cpts/images,
// ~/.cache/cpts/images on Linux, ~/Library/Caches/cpts/images on macOS).
// Empty, without cache, when there is no such folder. A folder that
// cannot be written only makes builds slower: the summary says so.
func imageCacheDir() string {
	if d := os.Getenv("CPTS_CACHE_DIR"); d != "" {
		return filepath.Join(d, "images")
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "cpts", "images")
}
