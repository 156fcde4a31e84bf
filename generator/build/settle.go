package build

import (
	"time"

	"github.com/cpts-fr/cpts/generator/render"
)

// settled is what a settled result still knows of the site it dropped.
type settled struct {
	cpts, news int
	until      time.Time
}

// Settle lets go of what only a rebuild of r reads (its site, plan,
// search memo, images and theme), keeping its files, stages and counts: a
// build that ends with r, as cpts build does, then commits and stamps its
// files without holding the site (a decade of news: its records are a
// third of the live heap). Counts, Until and Summary answer as before;
// r must not be rebuilt or completed after.
func (r *Result) Settle() {
	r.settled = &settled{cpts: len(r.Site.CPTS), news: len(r.Site.News), until: r.plan.Until()}
	r.Site, r.whole, r.plan, r.memo, r.pending = nil, nil, nil, nil, nil
	r.pictures, r.uses, r.published, r.imageMemo = nil, nil, nil, nil
	r.theme, r.static, r.ids = render.Overlay{}, nil, nil
}
