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
}

// Features switches optional behaviour on or off.
type Features struct {
	// RawHTML keeps raw HTML written in Markdown; it is escaped by default.
	RawHTML bool `toml:"raw_html"`
}

// DefaultConfig returns the configuration used for keys a site leaves out.
func DefaultConfig() Config {
	return Config{
		Language:      "fr",
		Theme:         "default",
		Communes:      CommunesConfig{Pages: PagesDepartments},
		Accessibility: Accessibility{Status: "non-conforme"},
	}
}
