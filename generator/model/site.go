package model

import (
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
)

// Site is everything a build reads: configuration, records and reference data.
type Site struct {
	Config Config
	CPTS   []*CPTS // sorted by slug
	News   []*News // site-wide and per-CPTS news, newest first, then by path
	Pages  []*Page // sorted by slug
	Geo    *geo.Table

	// Coverage lists, per INSEE code, the territory entries that claim the
	// commune, sorted by CPTS slug. Filled by package validate.
	Coverage map[string][]*TerritoryEntry
}

// CPTSBySlug returns the CPTS with that slug, or nil.
func (s *Site) CPTSBySlug(slug string) *CPTS {
	for _, c := range s.CPTS {
		if c.Slug == slug {
			return c
		}
	}
	return nil
}

// Fields records where each key of a record was written, so later checks
// can point at the exact value. The zero value points at nothing.
type Fields struct {
	File string              // path of the file, relative to the site root
	Pos  diag.Pos            // the record itself: a table header, or line 1
	Keys map[string]diag.Pos // value positions by TOML key ("aci_signed", "address.commune")
	// Broken is set when the file did not parse: its errors are reported,
	// and checks of what it would have said are skipped.
	Broken bool
}

// At returns the position of a key's value, or the record's position when
// the key was not written.
func (f Fields) At(key string) diag.Pos {
	if p, ok := f.Keys[key]; ok {
		return p
	}
	if f.Pos.File == "" {
		return diag.Pos{File: f.File}
	}
	return f.Pos
}

// Has reports whether the key was written.
func (f Fields) Has(key string) bool {
	_, ok := f.Keys[key]
	return ok
}

// Markdown is a Markdown body and the position of its first line, so the
// renderer can turn offsets into file positions.
type Markdown struct {
	Source []byte
	Pos    diag.Pos
}
