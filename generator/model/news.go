package model

import "time"

// News is one news item, of a CPTS (CPTS != nil) or of the whole site.
type News struct {
	Slug string // file name without the date prefix and extension
	Fields
	Title   string   `toml:"title" cpts:"required"`
	Date    Date     `toml:"date" cpts:"required"`
	Summary string   `toml:"summary"`
	Tags    []string `toml:"tags"`
	Draft   bool     `toml:"draft"`
	Expires Date     `toml:"expires"`
	// Cover is the item's photo, shown at the top of its page: a file
	// beside the Markdown ("photo.jpg", in a bundle news/<date>-<slug>/)
	// or a site path under static/.
	Cover string `toml:"cover"`
	// CoverAlt is the cover's alternative text, required with a cover;
	// "-" marks a decorative cover (alt="").
	CoverAlt string `toml:"cover_alt"`

	Body     Markdown
	CPTS     *CPTS
	Modified Date // last change of the file, from git history
}

// Page is a free page of content/pages/.
type Page struct {
	Slug string
	Fields
	Title   string `toml:"title" cpts:"required"`
	Summary string `toml:"summary"`
	Weight  int    `toml:"weight"`

	Body     Markdown
	Modified Date // last change of the file, from git history
}

// Visible reports whether the item is published at now: not a draft
// (unless drafts are shown), dated on or before now (a date of month
// precision counts from the first of the month: scheduled publication),
// and not expired.
func (n *News) Visible(now time.Time, drafts bool) bool {
	if n.Draft && !drafts {
		return false
	}
	return !n.Scheduled(now) && !n.Expired(now)
}

// Scheduled reports whether the item is dated after now: the first build
// on or after its date publishes it.
func (n *News) Scheduled(now time.Time) bool {
	return !n.Date.IsZero() && n.Date.dayNumber() > today(now)
}

// Expired reports whether the item's expiry date is now or past.
func (n *News) Expired(now time.Time) bool {
	return !n.Expires.IsZero() && today(now) >= n.Expires.dayNumber()
}

// today is now's day number. Dates start at midnight UTC: compared as
// days, without making a time.Time of each (a build asks this of every
// item several times).
func today(now time.Time) int {
	y, m, d := now.UTC().Date()
	return dayNumber(y, int(m), d)
}
