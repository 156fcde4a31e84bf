package render

import (
	"strings"

	"github.com/cpts-fr/cpts/generator/markup"
	"github.com/cpts-fr/cpts/generator/model"
)

// picture is an image as a template writes it: URLs with the base path,
// srcset and sizes ready for their attributes, and its size.
type picture struct {
	Src    string
	Srcset string // empty for an image with one version
	Sizes  string // the sizes attribute of a photo; empty for a logo
	Width  int
	Height int
	Alt    string // empty for a decorative image
	// Loading is "lazy" below the fold, "high" for the image that opens a
	// page (a cover: fetched first), "" for an image loaded as usual.
	Loading string
}

// Sizes of covers (the text column, as Markdown photos) and of card
// thumbnails (grid cells, at most about 24rem wide).
const (
	coverSizes = markup.DefaultImageSizes
	cardSizes  = "(min-width: 36rem) 24rem, 100vw"
)

// logo returns a CPTS's logo, or nil. It is decorative: the name is
// always beside it.
func (r *renderer) logo(c *model.CPTS) *picture {
	if c == nil || c.Logo == "" || r.opts.Images == nil {
		return nil
	}
	img, ok := r.opts.Images.Logo(c.File, c.Logo)
	if !ok {
		return nil
	}
	return r.picture(img, "", "", "")
}

// cardLogo is a CPTS's logo on a card of a list: lazy-loaded.
func (r *renderer) cardLogo(c *model.CPTS) *picture {
	p := r.logo(c)
	if p != nil {
		p.Loading = "lazy"
	}
	return p
}

// cover returns a news item's cover, or nil: it opens the page, so it is
// fetched first. Its Sizes fit the text column.
func (r *renderer) cover(n *model.News) *picture {
	if n == nil || n.Cover == "" || r.opts.Images == nil {
		return nil
	}
	img, ok := r.opts.Images.Image(n.File, n.Cover)
	if !ok {
		return nil
	}
	alt := strings.TrimSpace(n.CoverAlt)
	if alt == "-" {
		alt = ""
	}
	return r.picture(img, coverSizes, alt, "high")
}

// cardCover is a news item's cover as a card thumbnail: decorative,
// since the card's title says what it links to.
func (r *renderer) cardCover(n *model.News) *picture {
	p := r.cover(n)
	if p != nil {
		p.Sizes, p.Alt, p.Loading = cardSizes, "", "lazy"
	}
	return p
}

func (r *renderer) picture(img markup.Image, sizes, alt, loading string) *picture {
	p := &picture{Src: r.url(img.Src), Width: img.Width, Height: img.Height, Alt: alt, Loading: loading}
	if len(img.Srcset) > 0 {
		var b strings.Builder
		for i, c := range img.Srcset {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(r.url(c.Path) + " " + c.Descriptor)
		}
		p.Srcset = b.String()
		if !strings.HasSuffix(img.Srcset[0].Descriptor, "x") {
			p.Sizes = sizes
		}
	}
	return p
}
