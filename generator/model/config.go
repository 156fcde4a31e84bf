package model

// Config is the site configuration, config.toml.
type Config struct {
	Fields
	Title       string `toml:"title" cpts:"required"`
	BaseURL     URL    `toml:"base_url" cpts:"required"`
	Language    string `toml:"language"`
	Theme       string `toml:"theme"`
	Description string `toml:"description"`
	// EditURL is where a content file can be edited, to which its path is
	// appended: "https://github.com/org/site/edit/main/" gives each page a
	// "Modifier cette page" link.
	EditURL  URL            `toml:"edit_url"`
	Communes CommunesConfig `toml:"communes"`
	Features Features       `toml:"features"`
	// Accessibility fills the accessibility statement (déclaration
	// d'accessibilité) required of public-interest sites by the RGAA.
	Accessibility Accessibility `toml:"accessibility"`
	// Data configures the open data files of /donnees/.
	Data DataConfig `toml:"data"`
	// Maps configures the SVG maps and the search by location (maps.go).
	Maps MapsConfig `toml:"maps"`
	// Limits bound what the loader accepts.
	Limits Limits `toml:"limits"`
	// Scope, Logo, Colors, Menu and Legal make one site of several out of
	// the same content (siteconfig.go). Logo is a file of static/, written
	// as a site path ("/img/logo.svg"), shown beside the title.
	Scope  Scope      `toml:"scope"`
	Logo   string     `toml:"logo"`
	Colors Colors     `toml:"colors"`
	Menu   []MenuItem `toml:"menu"`
	Legal  Legal      `toml:"legal"`
	// ARS are the agences régionales de santé whose contact the site gives
	// to professionals who want to start a CPTS where none covers them.
	ARS []*ARS `toml:"ars"`
}

// ARS is the agence régionale de santé of a région: whom to contact to
// start a CPTS there.
type ARS struct {
	Fields
	Region string `toml:"region" cpts:"required"` // INSEE code of the région ("76")
	Name   string `toml:"name" cpts:"required"`   // "ARS Occitanie"
	URL    URL    `toml:"url"`                    // its page on CPTS or on coordinated care
	Email  Email  `toml:"email"`
}

// ARSOf returns the ARS configured for a région, or nil.
func (c Config) ARSOf(region string) *ARS {
	for _, a := range c.ARS {
		if a.Region == region {
			return a
		}
	}
	return nil
}

// DataConfig configures the open data exports.
type DataConfig struct {
	// Licence is the licence the data files are published under.
	Licence Licence `toml:"licence"`
}

// Licence identifies an open data licence by its SPDX-style id.
type Licence string

// Values lists the licences a site may choose: the two the French
// administration recommends (Licence Ouverte 2.0, ODbL), and Creative
// Commons.
func (Licence) Values() []string {
	return []string{"etalab-2.0", "odbl-1.0", "cc-by-4.0", "cc-by-sa-4.0", "cc0-1.0"}
}

// Limits bound the size of what content may hold.
type Limits struct {
	// MaxFileSize is the largest content file accepted, in bytes; 0 means
	// the loader's default (2 MiB).
	MaxFileSize int `toml:"max_file_size" cpts:"min=1"`
}

// Accessibility describes the site's conformity to the RGAA 4.1.
type Accessibility struct {
	Entity          string     `toml:"entity"`           // who publishes the site
	Status          A11yStatus `toml:"status"`           // non-conforme until an audit says otherwise
	AuditDate       Date       `toml:"audit_date"`       // date of the last audit
	Auditor         string     `toml:"auditor"`          // who audited
	Rate            string     `toml:"rate"`             // share of criteria met, as the audit states it ("87 %")
	NonConformities []string   `toml:"non_conformities"` // contents not accessible
	ContactEmail    Email      `toml:"contact_email"`    // to report an accessibility problem
	ContactURL      URL        `toml:"contact_url"`
}

// A11yStatus is the conformity status of an accessibility statement.
type A11yStatus string

// Values lists the statuses the RGAA defines.
func (A11yStatus) Values() []string {
	return []string{"non-conforme", "partiellement-conforme", "totalement-conforme"}
}

// CommunesConfig chooses which communes get a page.
type CommunesConfig struct {
	Pages CommunePages `toml:"pages"`
	// OnCPTSPage is how many communes a territory may have to be listed on
	// its CPTS's page; a larger territory is listed on a page of its own,
	// /cpts/<slug>/communes/, which the CPTS page links to. 0 always gives
	// the list its own page.
	OnCPTSPage int `toml:"on_cpts_page" cpts:"min=0"`
}

// Features switches optional behaviour on or off.
type Features struct {
	// RawHTML keeps raw HTML written in Markdown; it is escaped by default.
	RawHTML bool `toml:"raw_html"`
}

// DefaultOnCPTSPage is the default of [communes] on_cpts_page: a
// territory of up to 12 communes is listed on its CPTS's page.
const DefaultOnCPTSPage = 12

// DefaultConfig returns the configuration used for keys a site leaves out.
func DefaultConfig() Config {
	return Config{
		Language:      "fr",
		Theme:         "default",
		Communes:      CommunesConfig{Pages: PagesDepartments, OnCPTSPage: DefaultOnCPTSPage},
		Accessibility: Accessibility{Status: "non-conforme"},
		Data:          DataConfig{Licence: "etalab-2.0"},
	}
}
