package model

import (
	"sync"

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

	// Coverage tells which CPTS cover each commune. Filled by package
	// validate.
	Coverage *Coverage
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
	File string   // path of the file, relative to the site root
	Pos  diag.Pos // the record itself: a table header, or line 1
	// Keys holds where each key's value was written in File, by TOML key
	// ("aci_signed", "address.commune"; see Mark, At, Has): a list, not a
	// map, since a national directory has a hundred thousand records of a
	// few keys, and a decade of news two million keys.
	Keys []KeyPos
	// Broken is set when the file did not parse: its errors are reported,
	// and checks of what it would have said are skipped.
	Broken bool
}

// KeyPos is where the value of a record's key was written in its file,
// the key by its number in the process's table of key names: 12 bytes,
// where the key's string took 16 more.
type KeyPos struct {
	key       uint32
	Line, Col int32
}

// keyNames numbers the keys records mark: those of the record types'
// fields and their nested tables (a few hundred), never a key read from
// a file that no field has.
var keyNames struct {
	sync.RWMutex
	number map[string]uint32
}

// keyNumber returns the number of a key name, giving one to a new name.
func keyNumber(key string) uint32 {
	keyNames.RLock()
	n, ok := keyNames.number[key]
	keyNames.RUnlock()
	if ok {
		return n
	}
	keyNames.Lock()
	defer keyNames.Unlock()
	if n, ok := keyNames.number[key]; ok {
		return n
	}
	if keyNames.number == nil {
		keyNames.number = map[string]uint32{}
	}
	n = uint32(len(keyNames.number))
	keyNames.number[key] = n
	return n
}

// Mark records the position of a key's value, written in the record's file.
func (f *Fields) Mark(key string, p diag.Pos) {
	f.Keys = append(f.Keys, KeyPos{key: keyNumber(key), Line: int32(p.Line), Col: int32(p.Col)})
}

// key returns the position of a key's value.
func (f Fields) key(key string) (KeyPos, bool) {
	keyNames.RLock()
	n, known := keyNames.number[key]
	keyNames.RUnlock()
	if known {
		for _, k := range f.Keys {
			if k.key == n {
				return k, true
			}
		}
	}
	return KeyPos{}, false
}

// At returns the position of a key's value, or the record's position when
// the key was not written.
func (f Fields) At(key string) diag.Pos {
	if k, ok := f.key(key); ok {
		return diag.Pos{File: f.File, Line: int(k.Line), Col: int(k.Col)}
	}
	if f.Pos.File == "" {
		return diag.Pos{File: f.File}
	}
	return f.Pos
}

// Has reports whether the key was written.
func (f Fields) Has(key string) bool {
	_, ok := f.key(key)
	return ok
}
