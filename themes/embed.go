// Package themes embeds the default theme, so that a site made of a bare
// content folder builds. A site overrides any file of it by placing one at
// the same relative path in its own folder (layouts/..., static/...,
// i18n/...), as with Hugo.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed default
var embedded embed.FS

// Default returns the default theme: layouts/, static/ and i18n/.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // the embedded folder is always there
	}
	return sub
}
