package build

import (
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/images"
)

// imageFiles turns the image files of changed into the edits they are:
// an image of content/ that news items show (added, edited or deleted) is
// an edit of those items, whose files take its place in news (their pages
// and the lists that show their covers are made again, the image read
// anew); one nothing shows is left out (the build publishes only the
// images pages show). It returns the rest of changed (news), the image
// files shown (shown), and ok=false when a changed image is shown by
// something else than news (a CPTS's text or logo, a free page) or is in
// static/ and shown by news: a full build.
func imageFiles(prev *Result, changed []string) (news, shown []string, ok bool) {
	for _, p := range changed {
		if !images.IsImageName(p) {
			if !slices.Contains(news, p) {
				news = append(news, p)
			}
			continue
		}
		var users []string
		for _, u := range prev.uses {
			if src, err := images.Source(u.ref.File, u.ref.Dest); err != nil || src != p {
				continue
			}
			if u.news == nil || strings.HasPrefix(p, "static/") {
				return nil, nil, false
			}
			users = append(users, u.news.File)
		}
		switch {
		case len(users) > 0:
			shown = append(shown, p)
			for _, f := range users {
				if !slices.Contains(news, f) {
					news = append(news, f)
				}
			}
		case strings.HasPrefix(p, "static/"):
			news = append(news, p) // a file of static/, copied
		}
	}
	return news, shown, true
}
