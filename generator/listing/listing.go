package listing

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// Options configure an import.
type Options struct {
	// Geo is the commune reference data.
	Geo *geo.Table
	// Map maps a column, by its header, to a field (see Fields), or to
	// "-" to leave it out; it wins over the synonyms of Columns.
	Map map[string]string
	// KeepPersonalEmails keeps the e-mail addresses that look like a
	// person's (a webmail, or firstname.lastname@); by default they are
	// left out, as personal data.
	KeepPersonalEmails bool
}

// Note is one normalisation made, or one value left out, and where it was
// read.
type Note struct {
	Pos diag.Pos
	Msg string
}

// String writes the note as a diagnostic line: "file:line:col: note: msg".
func (n Note) String() string { return n.Pos.String() + ": note: " + diag.Escape(n.Msg) }

// Result is what a listing gives.
type Result struct {
	CPTS   []*CPTS   // by slug
	Notes  []Note    // in the order of the listing
	Errors diag.List // names and codes that could not be resolved
	Totals Totals
}

// Totals count what a listing held.
type Totals struct {
	Rows     int // rows read, header excepted
	CPTS     int
	Cells    int // commune tokens read
	Communes int // distinct communes and arrondissements claimed
	Codes    int // tokens given as codes
	Names    int // tokens given as names
	// NamesResolved counts the names resolved without a question: one
	// commune matched, or one in the CPTS's départements.
	NamesResolved int
	Unresolved    int
}

// CPTS is one CPTS of a listing, ready to write.
type CPTS struct {
	Slug, Name, ShortName string
	Status                model.Status
	Departements          []string
	Association           string
	Website               string
	Population            int
	Communes              []*Commune
	Emails, Phones        []string
	Source                diag.Pos // its first row
	guide                 []string // départements of its communes so far, for homonyms
	pending               []token  // homonyms its other communes may decide
}

// Commune is one commune of a CPTS's territory.
type Commune struct {
	Code, Name string
	Partial    bool
	Note       string
	pos        diag.Pos
}

// importer holds an import in progress.
type importer struct {
	opts   Options
	res    *Result
	fields []string // field of each column
	byName map[string]*CPTS
	order  []*CPTS
}

// Import reads a listing, named name (its extension gives the format),
// and turns it into CPTS records. An error is returned when the file
// cannot be read at all; problems of its content are in Result.Errors.
func Import(name string, data []byte, opts Options) (*Result, error) {
	t, err := readTable(name, data)
	if err != nil {
		return nil, err
	}
	im := &importer{opts: opts, res: &Result{Notes: t.notes}, byName: map[string]*CPTS{}}
	if err := im.columns(t.header); err != nil {
		return nil, err
	}
	var cur *CPTS
	for _, row := range t.rows {
		im.res.Totals.Rows++
		cur = im.row(row, cur, t.exact)
	}
	for _, c := range im.order {
		im.decide(c)
	}
	im.shared()
	slugs := map[string]*CPTS{}
	for _, c := range im.order {
		c.Slug = slugOf(c.Name)
		if other, ok := slugs[c.Slug]; ok {
			base := c.Slug
			for i := 2; slugs[c.Slug] != nil; i++ {
				c.Slug = fmt.Sprintf("%s-%d", base, i)
			}
			im.note(c.Source, "%q and %q (%s) make the same folder name: %s used", c.Name, other.Name, other.Source, c.Slug)
		}
		slugs[c.Slug] = c
		im.res.CPTS = append(im.res.CPTS, c)
	}
	sort.Slice(im.res.CPTS, func(i, j int) bool { return im.res.CPTS[i].Slug < im.res.CPTS[j].Slug })
	im.res.Totals.CPTS = len(im.res.CPTS)
	claimed := map[string]bool{}
	for _, c := range im.res.CPTS {
		for _, com := range c.Communes {
			claimed[com.Code] = true
		}
	}
	im.res.Totals.Communes = len(claimed)
	sort.SliceStable(im.res.Notes, func(i, j int) bool { return im.res.Notes[i].Pos.Less(im.res.Notes[j].Pos) })
	im.res.Errors = im.res.Errors.Sort()
	return im.res, nil
}

func (im *importer) note(p diag.Pos, format string, args ...any) {
	im.res.Notes = append(im.res.Notes, Note{p, fmt.Sprintf(format, args...)})
}

// columns maps each column to its field, noting those left out.
func (im *importer) columns(header []cell) error {
	seen := map[string]cell{}
	im.fields = make([]string, len(header))
	for i, h := range header {
		f := fieldOf(h.text, im.opts.Map)
		switch {
		case f == fieldIgnore:
			im.note(h.pos, "column %q left out, as --map says", h.text)
			continue
		case f == "":
			if strings.TrimSpace(h.text) != "" {
				im.note(h.pos, "column %q left out: it names no field; map it with --map %q", h.text, h.text+"=FIELD")
			}
			continue
		case f != fieldCommunes && seen[f].text != "":
			im.note(h.pos, "column %q left out: column %q already gives %s", h.text, seen[f].text, f)
			continue
		}
		if _, ok := Columns[f]; !ok {
			return fmt.Errorf("--map %s=%s: unknown field %q; fields: %s", h.text, f, f, strings.Join(Fields(), ", "))
		}
		seen[f] = h
		im.fields[i] = f
	}
	if seen[fieldName].text == "" {
		return fmt.Errorf("%s: no column names the CPTS (headers: %s); map one with --map 'HEADER=name'", header[0].pos.File, headers(header))
	}
	return nil
}

func headers(h []cell) string {
	out := make([]string, len(h))
	for i, c := range h {
		out[i] = fmt.Sprintf("%q", c.text)
	}
	return strings.Join(out, ", ")
}

// row reads one row into the CPTS it names, or into cur when its name is
// empty (a merged cell). It returns the CPTS the row went to.
func (im *importer) row(row []cell, cur *CPTS, exact bool) *CPTS {
	var nameCell cell
	for i, c := range row {
		if i < len(im.fields) && im.fields[i] == fieldName {
			nameCell = c
		}
	}
	name := strings.Join(strings.Fields(nameCell.text), " ")
	switch {
	case name != "":
		key := fold.Name(name)
		if c, ok := im.byName[key]; ok {
			cur = c
		} else {
			cur = &CPTS{Name: name, Source: nameCell.pos}
			im.byName[key] = cur
			im.order = append(im.order, cur)
		}
	case cur == nil:
		if len(row) > 0 {
			im.res.Errors.Errorf(row[0].pos, diag.Required, "a row with no CPTS name, and no CPTS above it").
				WithHint("write the CPTS's name in its column")
		}
		return nil
	}
	// Départements first: they choose among homonyms.
	for i, c := range row {
		if i < len(im.fields) && im.fields[i] == fieldDepartement {
			im.departements(cur, c)
		}
	}
	for i, c := range row {
		if i >= len(im.fields) || strings.TrimSpace(c.text) == "" {
			continue
		}
		switch im.fields[i] {
		case fieldCommunes:
			im.communes(cur, c, exact)
		case fieldShortName:
			im.set(&cur.ShortName, c, "short name")
		case fieldAssociation:
			im.set(&cur.Association, c, "association")
		case fieldStatus:
			im.status(cur, c)
		case fieldWebsite:
			im.website(cur, c)
		case fieldEmail, fieldPhone, fieldContact:
			im.contact(cur, c)
		case fieldPopulation:
			im.population(cur, c)
		}
	}
	return cur
}

// set stores a text value, noting a second, different one.
func (im *importer) set(dst *string, c cell, what string) {
	v := strings.Join(strings.Fields(c.text), " ")
	switch {
	case *dst == "":
		*dst = v
	case *dst != v:
		im.note(c.pos, "%s %q left out: %q was given above", what, v, *dst)
	}
}

// communes resolves the communes of a cell.
func (im *importer) communes(c *CPTS, cl cell, exact bool) {
	for _, t := range splitCommunes(cl, exact) {
		im.res.Totals.Cells++
		isCode := fiveDigits.MatchString(t.name) || fourDigits.MatchString(t.name)
		if isCode {
			im.res.Totals.Codes++
		} else {
			im.res.Totals.Names++
		}
		r, p := resolve(im.opts.Geo, t, append(slices.Clip(c.Departements), c.guide...))
		if p != nil && p.ambiguous {
			c.pending = append(c.pending, t)
			continue
		}
		im.add(c, t, r, p, !isCode)
	}
}

// decide resolves the homonyms left pending once every commune of the
// CPTS is known: their départements may tell.
func (im *importer) decide(c *CPTS) {
	for _, t := range c.pending {
		if fiveDigits.MatchString(t.name) {
			codes := make([]string, len(c.Communes))
			for i, x := range c.Communes {
				codes[i] = x.Code
			}
			im.add(c, t, pickCode(im.opts.Geo, strings.ToUpper(t.name), codes), nil, false)
			continue
		}
		r, p := resolve(im.opts.Geo, t, append(slices.Clip(c.Departements), c.guide...))
		im.add(c, t, r, p, true)
	}
	c.pending = nil
}

// add records a resolved commune, or the problem of a token.
func (im *importer) add(c *CPTS, t token, r resolved, p *problem, name bool) {
	if p != nil {
		im.res.Totals.Unresolved++
		im.res.Errors.Errorf(t.pos, diag.UnknownCommune, "%s: %s", c.Name, p.msg).WithHint("%s", p.hint)
		return
	}
	if name {
		im.res.Totals.NamesResolved++
	}
	if r.note != "" {
		im.note(t.pos, "%s", r.note)
	}
	com := r.com
	if i := slices.IndexFunc(c.Communes, func(x *Commune) bool { return x.Code == com.Code }); i >= 0 {
		im.note(t.pos, "%s (%s) already listed for %s at %s: kept once", com.Name, com.Code, c.Name, c.Communes[i].pos)
		return
	}
	c.Communes = append(c.Communes, &Commune{Code: com.Code, Name: com.Name, Partial: t.partial, Note: t.note, pos: t.pos})
	if !slices.Contains(c.guide, com.Departement) {
		c.guide = append(c.guide, com.Departement)
	}
}

// departements reads a cell of département codes or names.
func (im *importer) departements(c *CPTS, cl cell) {
	for _, part := range strings.FieldsFunc(cl.text, func(r rune) bool { return strings.ContainsRune(separators, r) }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		code := ""
		first := strings.ToUpper(strings.Fields(strings.NewReplacer("-", " ", "–", " ").Replace(part))[0])
		if len(first) == 1 && first >= "1" && first <= "9" {
			first = "0" + first // a spreadsheet drops the zero of "01" to "09"
		}
		if d := im.opts.Geo.Departement(first); d != nil {
			code = d.Code
		} else {
			for _, d := range im.opts.Geo.Departements() {
				if fold.Name(d.Name) == fold.Name(part) {
					code = d.Code
				}
			}
		}
		if code == "" {
			im.note(cl.pos, "département %q left out: no département has this code or name", part)
			continue
		}
		if !slices.Contains(c.Departements, code) {
			c.Departements = append(c.Departements, code)
			sort.Strings(c.Departements)
		}
	}
}
