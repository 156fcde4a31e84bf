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
// and its words, which depend on the commune and its link alone, the same
// for every site a process indexes with one table of communes (cpts serve
// after each edit, the tests' dozens of sites); and the communes in the
// order of the index (largest first). Making them again was half of
// collecting the documents of France's 35,000 communes.
var communeDocs struct {
	sync.Mutex
	table   *geo.Table
	entries []communeEntry // the table's communes, largest first, then by code
}

// communeEntry is a commune of the table, what its documents are made
// from, and the documents made of it: one per link it had (its page, its
// département's, the list of départements' note), never changed once
// made, shared by the documents of every index.
type communeEntry struct {
	com                      *geo.Commune
	postal, page, department string
	docs                     []*communeDoc
}

// communeDoc is the part of a commune's document that does not depend on
// the CPTS covering it.
type communeDoc struct {
	link  string // "" for the commune's own page
	rec   []any
	json  []byte
	cut   int
	words []string
	keys  []string // recordKeys
}

// communes adds a document per commune (of Options.Communes), in the
// order of the index: they come first in it.
func (c *collector) communes() {
	communeDocs.Lock()
	defer communeDocs.Unlock()
	m := &communeDocs
	if m.table != c.site.Geo {
		order := slices.Clone(c.site.Geo.Communes())
		slices.SortFunc(order, func(a, b *geo.Commune) int {
			return cmp.Or(cmp.Compare(b.Population, a.Population), strings.Compare(a.Code, b.Code))
		})
		m.table, m.entries = c.site.Geo, make([]communeEntry, len(order))
		for i, com := range order {
			m.entries[i] = communeEntry{com: com, postal: strings.Join(c.postalCodes(com), " "),
				page: plan.CommunePage(com.Code), department: plan.DepartementPage(com.Departement)}
		}
	}
	var names map[string]string // of the départements, for the words of a new record
	for i := range m.entries {
		e := &m.entries[i]
		if c.opts.Communes != nil && !c.opts.Communes(e.com) {
			continue
		}
		link := ""
		if !c.hasPage(e.page) {
			link = c.areaLink(e.department)
		}
		j := slices.IndexFunc(e.docs, func(cd *communeDoc) bool { return cd.link == link })
		if j < 0 {
			if names == nil {
				names = deptNames(c.site)
			}
			e.docs = append(e.docs, newCommuneDoc(e, link, names))
			j = len(e.docs) - 1
		}
		cd := e.docs[j]
		d := &doc{kind: KindCommune, rank: e.com.Population, tie: e.com.Code, rec: cd.rec, json: cd.json, cut: cd.cut, words: cd.words,
			keys: cd.keys, refAt: 4, many: true}
		for _, cl := range c.site.Coverage.Of(e.com.Code) {
			d.refs = append(d.refs, cl.CPTS)
		}
		c.add(d)
	}
}

// newCommuneDoc makes the part of a commune's document that does not
// depend on its CPTS.
func newCommuneDoc(e *communeEntry, link string, names map[string]string) *communeDoc {
	rec := []any{KindCommune, e.com.Code, e.com.Name, e.postal, nil}
	if link != "" {
		rec = append(rec, link)
	}
	d := &doc{kind: KindCommune, rec: rec, refAt: 4, many: true}
	json, cut := d.appendFields(nil, nil)
	return &communeDoc{link: link, rec: rec, json: slices.Clip(json), cut: cut, words: recordWords(rec, nil, names), keys: recordKeys(rec, nil)}
}
