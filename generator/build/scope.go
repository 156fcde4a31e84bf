package build

import (
	"strings"

	"github.com/cpts-fr/cpts/generator/scope"
)

// scopedImages keeps the images of the content a site publishes: those of
// the CPTS in scope, and of the site-wide news and pages when shared.
func scopedImages(uses []imageUse, scoped *scope.Result) []imageUse {
	if scoped.All() {
		return uses
	}
	var out []imageUse
	for _, u := range uses {
		rest, isCPTS := strings.CutPrefix(u.ref.File, "content/cpts/")
		slug, _, _ := strings.Cut(rest, "/")
		switch {
		case isCPTS && scoped.Outside[slug]:
		case !isCPTS && !scoped.Shared:
		default:
			out = append(out, u)
		}
	}
	return out
}
