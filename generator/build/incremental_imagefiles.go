package build

import (
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/images"
)

// imageFiles turns the image files of changed into the edits they are:
// an image of content/ that news items show (added, edited or deleted) is
// an edit of those items, whose files take its place in rest (their pages
// and the lists that show their covers are made again, the image read
// anew); a CPTS's logo or a photo of its text, an edit of its index.md,
// and a photo of a free page, of that page (see reimage); one nothing
// shows is left out (the build publishes only the images pages show), one
// of static/ nothing shows stays (it is copied), one of static/ that pages
// show is an edit of those pages too, and is copied (copied). It returns
// the rest of changed (rest), the image files shown (shown), those of
// static/ among them (copied), and ok=false when a changed image of
// static/ is the configured logo and no longer a file: a full build.
func imageFiles(prev *Result, changed []string) (rest, shown, copied []string, ok bool) {
	for _, p := range changed {
		if !images.IsImageName(p) || strings.HasPrefix(p, "static/") && !shownBy(prev, p) {
			if !slices.Contains(rest, p) {
				rest = append(rest, p) // another file, or one of static/ copied
			}
			continue
		}
		var users []string
		for _, u := range prev.uses {
			if src, err := images.Source(u.ref.File, u.ref.Dest); err != nil || src != p {
				continue
			}
			switch {
			case u.news == nil:
				users = append(users, u.ref.File) // the CPTS's index.md (logo or photo), the free page
			default:
				users = append(users, u.news.File)
			}
		}
		if len(users) > 0 {
			shown = append(shown, p)
		}
		if strings.HasPrefix(p, "static/") {
			if "/"+strings.TrimPrefix(p, "static/") == prev.Site.Config.Logo && logoBroken(prev) {
				return nil, nil, nil, false
			}
			copied = append(copied, p)
		}
		for _, f := range users {
			if !slices.Contains(rest, f) {
				rest = append(rest, f)
			}
		}
	}
	return rest, shown, copied, true
}

// shownBy reports whether a page of prev shows the image file p.
func shownBy(prev *Result, p string) bool {
	return slices.ContainsFunc(prev.uses, func(u imageUse) bool {
		src, err := images.Source(u.ref.File, u.ref.Dest)
		return err == nil && src == p
	})
}
