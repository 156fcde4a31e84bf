package model

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

	Body Markdown
	CPTS *CPTS
}

// Page is a free page of content/pages/.
type Page struct {
	Slug string
	Fields
	Title   string `toml:"title" cpts:"required"`
	Summary string `toml:"summary"`
	Weight  int    `toml:"weight"`

	Body Markdown
}
