package search

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/plan"
)

// communeDocs keeps, from one index to the next in the process, what a
// commune's document holds but its CPTS: its record, the record's JSON
// and its words, which depend on the commune's code, name, postal codes
// and link alone, the same for every site a process indexes with one
// table of communes (cpts serve after each edit, the tests' dozens of
// sites); and the communes in the order of the index (largest first).
// Making them again was half of collecting the documents of France's
// 35,000 communes.
var communeDocs struct {
	sync.Mutex
	table *geo.Table
	order []*geo.Commune // the table's communes, largest first, then by code
	// byCode holds the documents made of each commune, by code (tables
	// loaded apart hold the same communes): one per link it had (its
	// page, its département's, the list of départements' note).
	byCode map[string][]*communeDoc
}

// communeDoc is the part of a commune's document that does not depend on
// the CPTS covering it: never changed once made, shared by the documents
// of every index.
type communeDoc struct {
	name, postal, link string // what it was made from; link "" for the commune's own page
	rec                []any
	json               []byte
	cut                int
	words              []string
}

// communes adds a document per commune (of Options.Communes), in the
// order of the index: they come first in it.
func (c *collector) communes() {
	communeDocs.Lock()
	defer communeDocs.Unlock()
	m := &communeDocs
	if m.byCode == nil {
		m.byCode = map[string][]*communeDoc{}
	}
	if m.table != c.site.Geo {
		m.table = c.site.Geo
		m.order = slices.Clone(c.site.Geo.Communes())
		slices.SortFunc(m.order, func(a, b *geo.Commune) int {
			return cmp.Or(cmp.Compare(b.Population, a.Population), strings.Compare(a.Code, b.Code))
		})
	}
	names := deptNames(c.site)
	for _, com := range m.order {
		if c.opts.Communes != nil && !c.opts.Communes(com) {
			continue
		}
		postal, link := strings.Join(c.postalCodes(com), " "), ""
		if p := plan.CommunePage(com.Code); !c.hasPage(p) {
			link = c.areaLink(plan.DepartementPage(com.Departement))
		}
		made := m.byCode[com.Code]
		i := slices.IndexFunc(made, func(cd *communeDoc) bool { return cd.name == com.Name && cd.postal == postal && cd.link == link })
		if i < 0 {
			made = append(made[max(0, len(made)-2):], newCommuneDoc(com, postal, link, names)) // 3 at most
			m.byCode[com.Code], i = made, len(made)-1
		}
		cd := made[i]
		d := &doc{kind: KindCommune, rank: com.Population, tie: com.Code, rec: cd.rec, json: cd.json, cut: cd.cut, words: cd.words,
			refAt: 4, many: true}
		for _, cl := range c.site.Coverage.Of(com.Code) {
			d.refs = append(d.refs, cl.CPTS)
		}
		c.add(d)
	}
}

// newCommuneDoc makes the part of a commune's document that does not
// depend on its CPTS.
func newCommuneDoc(com *geo.Commune, postal, link string, names map[string]string) *communeDoc {
	rec := []any{KindCommune, com.Code, com.Name, postal, nil}
	if link != "" {
		rec = append(rec, link)
	}
	d := &doc{kind: KindCommune, rec: rec, refAt: 4, many: true}
	json, cut := d.appendFields(nil, nil)
	return &communeDoc{name: com.Name, postal: postal, link: link, rec: rec, json: slices.Clip(json), cut: cut,
		words: recordWords(rec, nil, names)}
}
