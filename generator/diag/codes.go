package diag

// Code identifies a kind of diagnostic. Codes are stable: scripts and CI
// annotations may match on them. Each has one failing fixture under
// generator/validate/testdata or generator/load/testdata.
type Code string

// The diagnostic codes, with an example of what triggers each.
const (
	// Syntax: the TOML is malformed (`name = "x` without closing quote).
	Syntax Code = "syntax"
	// FrontMatter: a Markdown file lacks its +++ front matter or its closing line.
	FrontMatter Code = "front-matter"
	// Encoding: the file is not valid UTF-8 (a Latin-1 "é" byte).
	Encoding Code = "encoding"
	// UnknownKey: a key the model does not know (`nmae = "x"`).
	UnknownKey Code = "unknown-key"
	// Required: a required field is missing (a CPTS without `name`).
	Required Code = "required"
	// Type: a value of the wrong type (`size_tier = "deux"`).
	Type Code = "type"
	// Value: a value outside its closed list or range (`status = "signé"`, `size_tier = 7`).
	Value Code = "value"
	// Date: an invalid date (`created = "2020-13-01"`).
	Date Code = "date"
	// UnknownCommune: an INSEE code that is not a current commune (`"34999"`).
	UnknownCommune Code = "unknown-commune"
	// MergedCommune: the code of a commune déléguée or associée, merged since (`"49005"`).
	MergedCommune Code = "merged-commune"
	// DuplicateCommune: a commune listed twice in one territory.
	DuplicateCommune Code = "duplicate-commune"
	// SharedCommune: a commune claimed by several CPTS, not all marking it
	// partial, or a city listed whole while other CPTS list its
	// arrondissements (a warning, once per commune, naming every claimant).
	SharedCommune Code = "shared-commune"
	// Email: a malformed e-mail address (`contact@`).
	Email Code = "email"
	// Phone: a phone number that is not a French number (`04 67 12`).
	Phone Code = "phone"
	// URL: a URL that is not absolute http or https (`javascript:alert(1)`).
	URL Code = "url"
	// Slug: a folder or file name that is not lowercase ASCII with hyphens (`Pays_Lunel`).
	Slug Code = "slug"
	// DuplicateSlug: two records with the same slug.
	DuplicateSlug Code = "duplicate-slug"
	// UnknownFile: a file the content model does not know (warning).
	UnknownFile Code = "unknown-file"
	// Declared: declared figures that disagree with the listed territory (warning).
	Declared Code = "declared"
	// Consistency: fields that contradict each other (an ACI date on a project).
	Consistency Code = "consistency"
	// Template: a theme template that does not parse or fails to execute.
	Template Code = "template"
	// BrokenLink: a Markdown link to a page of the site that does not exist.
	BrokenLink Code = "broken-link"
	// IO: a file that cannot be read.
	IO Code = "io"
	// ImageAlt: an image without alternative text (`![](photo.jpg)`, or a
	// news `cover` without `cover_alt`). A decorative image says so with the
	// alternative text "-": `![-](frise.png)`, `cover_alt = "-"`.
	ImageAlt Code = "image-alt"
	// Image: an image that cannot be published: a missing file
	// (`![Photo](phot.jpg)`), one that is not a readable JPEG, PNG, WebP or
	// SVG, one too large to process, or one on another host, which the
	// pages' Content-Security-Policy would block.
	Image Code = "image"
	// Unsafe: a path the build refuses to read or publish: a symbolic link
	// that leaves the site folder or points into a hidden folder
	// (`static/env.txt` -> `/proc/self/environ`), a link to a folder, a
	// special file (FIFO, device, socket), a name that Windows reserves or
	// cannot hold (`con.md`, `a:b.md`), or a config value naming a file
	// outside the site (`logo = "../../etc/passwd"`).
	Unsafe Code = "unsafe"
	// Limit: a file past a bound of its parser, which keeps one hostile
	// file from exhausting memory or time: TOML arrays and inline tables
	// nested more than 32 deep, a key of more than 32 parts or 256 bytes,
	// a Markdown body with block quotes and lists nested more than 32
	// deep or more than 500 link reference definitions.
	Limit Code = "limit"
	// NoContact: a CPTS the public cannot reach: no [[contact]] in its
	// contacts.toml and no `website` in its index.md (warning).
	NoContact Code = "no-contact"
	// LegalNotice: a configuration without a legal notice, the `[legal]`
	// table naming publisher, director and host that French law (LCEN,
	// article 6) requires of a website (warning).
	LegalNotice Code = "legal-notice"
	// AccessibilityContact: an accessibility statement that gives no way
	// to report a problem: no `[accessibility] contact_email` or
	// `contact_url`, and no `[legal] publisher_email` shown instead (warning).
	AccessibilityContact Code = "accessibility-contact"
	// StarterText: the "À compléter" that `cpts new` writes, left in the
	// summary or text of a CPTS, a free page or a news item that is not a
	// draft (`summary = "À compléter : une phrase..."`; warning).
	StarterText Code = "starter-text"
)

// Codes lists every code, for documentation and for the test that gives
// each one a fixture.
func Codes() []Code {
	return []Code{
		Syntax, FrontMatter, Encoding, UnknownKey, Required, Type, Value, Date,
		UnknownCommune, MergedCommune, DuplicateCommune, SharedCommune, Email, Phone,
		URL, Slug, DuplicateSlug, UnknownFile, Declared, Consistency, IO,
		ImageAlt, Image, Unsafe, Limit, NoContact, LegalNotice, AccessibilityContact,
		StarterText,
	}
}
