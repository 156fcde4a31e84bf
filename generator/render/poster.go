package render

import (
	"fmt"
	"html"
	"html/template"
	"slices"
	"strings"

	"rsc.io/qr"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// posterCommunes is how many communes a poster names; the others are
// counted ("et 12 autres communes").
const posterCommunes = 12

// posterData is what layouts/affiche.html receives.
type posterData struct {
	C *model.CPTS
	// URL is the address of the CPTS's page, printed under its QR code.
	URL string
	// QR is the code of URL, an inline SVG drawing.
	QR template.HTML
	// Communes names the first posterCommunes communes of the territory,
	// the most populous first; More counts the others.
	Communes []string
	More     int
}

var _ = pageKind[posterData]("affiche", (*renderer).posterPage)

// posterPage is /cpts/<slug>/affiche/: a printable A4 sheet of a CPTS
// for waiting rooms and pharmacies (name, territory, contacts, how to
// join, a QR code to its page), with the print rules of the theme.
func (r *renderer) posterPage(pg plan.Page) *page {
	c := pg.CPTS
	url := r.abs(plan.CPTSPage(c))
	code, err := qrSVG(url, r.t("poster_qr_label", c.Name))
	if err != nil {
		r.diags.Errorf(c.At("name"), diag.Template, "QR code of %s: %v", url, err)
		return nil
	}
	d := posterData{C: c, URL: url, QR: code}
	entries := append([]*model.TerritoryEntry(nil), c.Territory.Entries...)
	sortByPopulation(entries)
	for _, e := range entries {
		if e.Commune == nil {
			continue
		}
		if len(d.Communes) == posterCommunes {
			d.More++
			continue
		}
		d.Communes = append(d.Communes, e.Commune.Name)
	}
	return &page{Title: r.t("poster_title", c.Name), Description: c.Summary,
		Crumbs: []crumb{{r.t("home"), plan.Home}, {r.t("all_cpts"), plan.CPTSList}, {c.Title(), plan.CPTSPage(c)}}, Data: d}
}

// sortByPopulation orders territory entries by the population of their
// commune, largest first, then by name; entries without a commune last.
func sortByPopulation(entries []*model.TerritoryEntry) {
	pop := func(e *model.TerritoryEntry) int {
		if e.Commune == nil {
			return -1
		}
		return e.Commune.Population
	}
	name := func(e *model.TerritoryEntry) string {
		if e.Commune == nil {
			return ""
		}
		return e.Commune.Name
	}
	slices.SortStableFunc(entries, func(a, b *model.TerritoryEntry) int {
		if pa, pb := pop(a), pop(b); pa != pb {
			return pb - pa
		}
		return strings.Compare(name(a), name(b))
	})
}

// qrQuiet is the margin around a QR code, in modules: the four the
// standard asks for, so that phones find it on a busy wall.
const qrQuiet = 4

// qrSVG draws the QR code of text (error correction level M, which
// survives a crease or a stain) as an SVG image named label: one path of
// black runs over a white square.
func qrSVG(text, label string) (template.HTML, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return "", err
	}
	side := code.Size + 2*qrQuiet
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s" shape-rendering="crispEdges">`,
		side, side, html.EscapeString(label))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, side, side)
	for y := range code.Size {
		for x := 0; x < code.Size; {
			if !code.Black(x, y) {
				x++
				continue
			}
			start := x
			for x < code.Size && code.Black(x, y) {
				x++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", start+qrQuiet, y+qrQuiet, x-start, x-start)
		}
	}
	b.WriteString(`"/></svg>`)
	return template.HTML(b.String()), nil
}
