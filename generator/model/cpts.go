package model

import (
	"slices"
	"sort"

	"github.com/cpts-fr/cpts/generator/geo"
)

// CPTS is one Communauté Professionnelle Territoriale de Santé: the record
// of content/cpts/<slug>/ and the files beside it.
type CPTS struct {
	Slug string // folder name, used in URLs
	Dir  string // folder path relative to the site root
	Fields

	Name               string   `toml:"name" cpts:"required"`
	ShortName          string   `toml:"short_name"`
	Status             Status   `toml:"status"` // StatusUnknown when left out
	Created            Date     `toml:"created"`
	ACISigned          Date     `toml:"aci_signed"`
	SizeTier           int      `toml:"size_tier" cpts:"min=1,max=4"`
	DeclaredPopulation int      `toml:"declared_population" cpts:"min=1"`
	DeclaredCommunes   int      `toml:"declared_communes" cpts:"min=1"`
	Departements       []string `toml:"departements"`
	Association        string   `toml:"association"`
	Website            URL      `toml:"website"`
	Summary            string   `toml:"summary"` // optional: real listings seldom have one
	Updated            Date     `toml:"updated"`
	// Logo is the CPTS's logo: a JPEG, PNG, WebP or SVG file beside
	// index.md ("logo.svg") or a site path under static/ ("/logos/x.png").
	// It is always shown beside the CPTS's name, so it is decorative
	// (alt="") and needs no alternative text.
	Logo string `toml:"logo"`
	// Join tells health professionals how to become members.
	Join *Join `toml:"join"`

	Body Markdown

	Territory Territory
	Members   []*Member
	Missions  []*Mission
	Contacts  []*Contact
	Events    []*Event // by date, then time
	News      []*News  // newest first
}

// Title returns the short name if any, else the name, else the slug.
func (c *CPTS) Title() string {
	if c.ShortName != "" {
		return c.ShortName
	}
	if c.Name == "" {
		return c.Slug // index.md did not parse: the folder names it
	}
	return c.Name
}

// Territory is the content of communes.toml.
type Territory struct {
	Fields
	Incomplete bool              `toml:"incomplete"`
	Note       string            `toml:"note"`
	Entries    []*TerritoryEntry `toml:"communes"`

	// Reach is what the entries cover, measured by validate once their
	// communes are resolved.
	Reach Reach
}

// TerritoryEntry is one commune of a territory: a bare INSEE code in the
// file, or an inline table with a note and partial coverage.
type TerritoryEntry struct {
	Fields
	Code    string `toml:"insee" cpts:"required,short"`
	Partial bool   `toml:"partial"`
	Note    string `toml:"note"`

	CPTS    *CPTS        // the CPTS whose territory this is
	Commune *geo.Commune // filled by validate when the code is known
}

// Member is a health professional, a group of them, or a structure.
type Member struct {
	Fields
	Kind       MemberKind `toml:"kind"`
	Profession Profession `toml:"profession"`
	Structure  Structure  `toml:"structure"`
	Commune    string     `toml:"commune"`
	BoardRole  BoardRole  `toml:"board_role"`
	Name       string     `toml:"name"`
	Public     bool       `toml:"public"`
	Count      int        `toml:"count" cpts:"min=1"`
	Note       string     `toml:"note"`
}

// Size is the number of members the entry stands for (Count, or 1).
func (m *Member) Size() int {
	if m.Count > 0 {
		return m.Count
	}
	return 1
}

// PublicName returns the name when it may be published, else "".
func (m *Member) PublicName() string {
	if m.Public {
		return m.Name
	}
	return ""
}

// Mission is one mission of a CPTS.
type Mission struct {
	Fields
	Kind    MissionKind   `toml:"kind" cpts:"required"`
	Title   string        `toml:"title" cpts:"required"`
	Status  MissionStatus `toml:"status"`
	Summary string        `toml:"summary"`
}

// Contact is one way to reach a CPTS: a label and its channels.
type Contact struct {
	Fields
	Label   string   `toml:"label" cpts:"required"`
	Email   Email    `toml:"email"`
	Phone   Phone    `toml:"phone"`
	Website URL      `toml:"website"`
	Form    URL      `toml:"form"`
	Hours   string   `toml:"hours"`
	Address *Address `toml:"address"`
}

// Join is how a health professional becomes a member of a CPTS, the
// [join] table of index.md. Every field is optional.
type Join struct {
	Fields
	// Professions are those the CPTS takes; none listed: every health
	// profession.
	Professions []Profession `toml:"professions"`
	Form        URL          `toml:"form"`      // the membership form
	Free        bool         `toml:"free"`      // membership costs nothing
	Fee         string       `toml:"fee"`       // the fee, as written ("20 € par an")
	Email       Email        `toml:"email"`     // whom to write to about joining
	Documents   []string     `toml:"documents"` // what to send with the form
}

// Address is a postal address in France.
type Address struct {
	Street     string `toml:"street" cpts:"required"`
	PostalCode string `toml:"postal_code" cpts:"required"`
	Commune    string `toml:"commune" cpts:"required"`
}

// SizeTier is the size tier of the ACI for a population: 1 under 40,000
// inhabitants, 2 under 80,000, 3 under 175,000, 4 from 175,000.
func SizeTier(population int) int {
	switch {
	case population < 40000:
		return 1
	case population < 80000:
		return 2
	case population < 175000:
		return 3
	}
	return 4
}

// AllDepartements lists the départements of a CPTS, sorted: those of the
// communes of its territory and those it declares.
func (c *CPTS) AllDepartements() []string {
	var out []string
	for _, e := range c.Territory.Entries {
		if e.Commune != nil && !slices.Contains(out, e.Commune.Departement) {
			out = append(out, e.Commune.Departement)
		}
	}
	for _, d := range c.Departements {
		if d != "" && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	sort.Strings(out)
	return out
}
