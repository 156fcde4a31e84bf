package model

// The settings that make one site out of a shared content repository:
// what it covers (Scope), and what a CPTS expects of its own website
// (logo, colours, menu, legal notice).

// Scope chooses the content a site publishes: one CPTS, some départements
// or régions, or everything (the zero value).
type Scope struct {
	Fields
	// CPTS is the slug of the CPTS of a single-CPTS site: its home page is
	// the CPTS itself.
	CPTS string `toml:"cpts"`
	// Departements and Regions are INSEE codes ("34", "76"): the site
	// covers the CPTS with a commune or a declared département there.
	Departements []string `toml:"departements"`
	Regions      []string `toml:"regions"`
	// DirectoryURL is where the CPTS, communes and départements the site
	// leaves out are published: a link to /cpts/x/ of an out-of-scope
	// CPTS becomes DirectoryURL + "cpts/x/".
	DirectoryURL URL `toml:"directory_url"`
	// Shared publishes the site-wide news and pages (content/news,
	// content/pages); unset means yes, except on a single-CPTS site.
	Shared *bool `toml:"shared"`
}

// IsAll reports whether the scope covers all content.
func (s Scope) IsAll() bool {
	return s.CPTS == "" && len(s.Departements) == 0 && len(s.Regions) == 0
}

// Colors override the theme's colours (CSS custom properties of
// static/css/site.css); each is "#rgb" or "#rrggbb". The build checks the
// contrast of text against its backgrounds (WCAG 2.1 AA).
type Colors struct {
	Fields
	Text     string `toml:"text"`      // --text: body text
	Muted    string `toml:"muted"`     // --muted: secondary text
	Bg       string `toml:"bg"`        // --bg: page background
	Accent   string `toml:"accent"`    // --accent: links, buttons
	AccentBg string `toml:"accent_bg"` // --accent-bg: highlighted blocks
	Border   string `toml:"border"`    // --border: borders of fields and tables
	NoticeBg string `toml:"notice_bg"` // --notice-bg: notices
	Focus    string `toml:"focus"`     // --focus: the focus outline
}

// MenuItem is an entry of the main menu: a site path ("/pages/x/",
// "/#missions") or an http(s) URL.
type MenuItem struct {
	Fields
	Title string `toml:"title" cpts:"required"`
	URL   string `toml:"url" cpts:"required"`
}

// Legal fills the legal notice (mentions légales) that French law (LCEN,
// article 6) requires of a website: who publishes it and who hosts it.
type Legal struct {
	Fields
	Publisher        string `toml:"publisher"`         // the legal entity publishing the site
	PublisherAddress string `toml:"publisher_address"` // its postal address
	PublisherPhone   Phone  `toml:"publisher_phone"`
	PublisherEmail   Email  `toml:"publisher_email"`
	Registration     string `toml:"registration"` // RNA or SIREN number, as written
	Director         string `toml:"director"`     // directeur ou directrice de la publication
	Host             string `toml:"host"`         // the hosting provider
	HostAddress      string `toml:"host_address"`
	HostPhone        Phone  `toml:"host_phone"`
}

// IsZero reports whether no legal notice was configured.
func (l Legal) IsZero() bool { return l.Publisher == "" && l.Host == "" && l.Director == "" }
