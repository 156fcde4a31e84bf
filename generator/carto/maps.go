package carto

import (
	"bytes"
	"fmt"

	"github.com/paulmach/orb"

	"github.com/cpts-fr/cpts/generator/boundary"
)

// Drawing is a map drawn as an SVG document of its own, which a page shows
// in an iframe of class Class (map-r0 ... map-r8, see Ratios): pages stay
// small, and the browser fetches the map when it is about to be seen and
// keeps it in its cache. Its links open in the page.
type Drawing struct {
	SVG   []byte
	Class string
	// Fills holds, for a map of territories in colours (Departement), the
	// class of each territory in the order given, for a legend.
	Fills []string
}

// TerritoryMap is the map of one CPTS: its communes (one area each,
// linked to their pages), its outline, the neighbouring CPTS in grey
// (linked), the other neighbouring communes, and labels.
type TerritoryMap struct {
	ID          string // prefix of the map's ids, unique in the page
	Title, Desc string
	Communes    []Area
	Others      []Area   // neighbouring CPTS
	Context     []string // neighbouring communes outside any CPTS drawn
	Labels      []Label
	Stylesheets []string // URLs of the site's CSS, which styles the map's classes
}

// Size of the longer side of each kind of map, in SVG units: about the
// number of pixels it is drawn at on a wide screen, so that the
// simplification (about one unit) is invisible.
const (
	territorySize   = 800
	departementSize = 900
	franceSize      = 1000
	locatorSize     = 240
)

// Territory draws a CPTS map.
func (a *Atlas) Territory(m TerritoryMap) Drawing {
	var codes []string
	for _, c := range m.Communes {
		codes = append(codes, c.Communes...)
	}
	outline, f, z := a.territoryFrame(codes)
	if len(outline) == 0 {
		return Drawing{}
	}
	l := a.levels.get(toleranceFor(f.unit))
	c := &canvas{id: m.ID}
	class := c.openDocument(f.w, f.h, "map-territory", m.Title, m.Desc, m.Stylesheets)
	if len(m.Context) > 0 {
		c.path(f, l, "map-context", "", a.topo.Outline(m.Context))
		c.lines(f, a.mesh(l, m.Context), "map-mesh")
	}
	for _, o := range m.Others {
		c.area(f, l, a.territory(o), "map-other", o.Name, o.URL)
	}
	for _, cm := range m.Communes {
		c.area(f, l, a.shape(cm.Communes), cm.Style, cm.Name, cm.URL)
	}
	c.path(f, l, "map-outline", "", outline)
	c.labels(f, z, m.Labels)
	return Drawing{SVG: c.close(), Class: class}
}

// territoryFrame returns the outline of a territory, the frame of its
// map and the zone whose projection draws it.
func (a *Atlas) territoryFrame(codes []string) (boundary.Shape, frame, *Zone) {
	outline := a.topo.Outline(codes)
	if len(outline) == 0 {
		return nil, frame{}, nil
	}
	probe := a.levels.get(0)
	return outline, newFrame(a.bound(probe, outline), territorySize, 0.06), a.zoneOfShape(outline)
}

// DepartementMap is the map of a département: each CPTS territory
// coloured and linked, the communes without a CPTS hatched, the borders of
// all communes, and the outline of the département.
type DepartementMap struct {
	ID          string
	Title, Desc string
	Code        string   // département code
	Communes    []string // all its communes
	Territories []Area   // CPTS covering some of them; Style is set here
	Uncovered   Area     // communes without a CPTS (Name: the legend's words)
	Stylesheets []string // as in TerritoryMap
}

// Colours is the number of fill classes (map-c0 ... map-c4) that tell
// neighbouring territories apart.
const Colours = 5

// Departement draws a département map.
func (a *Atlas) Departement(m DepartementMap) Drawing {
	dep := a.departement(m.Code)
	if len(dep) == 0 {
		return Drawing{}
	}
	probe := a.levels.get(0)
	f := newFrame(a.bound(probe, dep), departementSize, 0.02)
	l := a.levels.get(toleranceFor(f.unit))
	c := &canvas{id: m.ID}
	class := c.openDocument(f.w, f.h, "map-departement", m.Title, m.Desc, m.Stylesheets)
	c.defs("map-blank")
	c.path(f, l, "map-land", "", dep)
	if len(m.Uncovered.Communes) > 0 {
		c.path(f, l, "map-blank", m.Uncovered.Name, a.topo.Outline(m.Uncovered.Communes))
	}
	shapes := make([]boundary.Shape, len(m.Territories))
	for i, t := range m.Territories {
		shapes[i] = a.territory(t)
	}
	colours := a.colour(m.Territories)
	fills := make([]string, len(m.Territories))
	for i, t := range m.Territories {
		fills[i] = "map-c" + string(rune('0'+colours[i]))
		c.area(f, l, shapes[i], fills[i], t.Name, t.URL)
	}
	c.lines(f, a.mesh(l, m.Communes), "map-mesh")
	for _, s := range shapes {
		c.path(f, l, "map-outline", "", s)
	}
	c.path(f, l, "map-border", "", dep)
	return Drawing{SVG: c.close(), Class: class, Fills: fills}
}

// colour gives each territory one of the Colours classes, different from
// those of the territories it borders (greedy, in the given order, which
// keeps it deterministic).
func (a *Atlas) colour(ts []Area) []int {
	owner := map[string]int{}
	for i, t := range ts {
		for _, c := range t.Communes {
			if _, ok := owner[c]; !ok {
				owner[c] = i
			}
		}
	}
	out := make([]int, len(ts))
	for i, t := range ts {
		used := map[int]bool{}
		for _, n := range a.topo.Neighbours(t.Communes) {
			if j, ok := owner[n]; ok && j < i {
				used[out[j]] = true
			}
		}
		for k := range Colours {
			if !used[k] {
				out[i] = k
				break
			}
		}
	}
	return out
}

func (a *Atlas) zoneOfShape(s boundary.Shape) *Zone {
	for _, poly := range s {
		for _, ring := range poly {
			return ZoneOf(a.topo.Arc(ring[0])[0])
		}
	}
	return Zones[0]
}

// LocatorMap is the small map of a commune page: its département, the
// territories covering the commune, and the commune.
type LocatorMap struct {
	ID          string
	Title, Desc string
	Commune     string // INSEE code
	Departement string
	Territories []Area
	// Base is the URL of the département's drawing (DepartementBase),
	// which the maps of all its communes share: the browser fetches it
	// once instead of finding it in every commune page. Empty draws the
	// département inline.
	Base string
}

// Locator draws a commune's locator map; a ring marks where it is, so
// that small communes show at this scale. The département and the
// territories, shared by the maps of all its communes, are drawn once.
func (a *Atlas) Locator(m LocatorMap) []byte {
	s, ok := a.topo.Shape(m.Commune)
	base := a.locatorBase(m.Departement)
	if !ok || base == nil {
		return nil
	}
	f := base.f
	c := &canvas{id: m.ID}
	if m.Base == "" {
		c.b.Grow(len(base.land) + 1024) // the département is most of the map
	}
	c.open(f.w, f.h, "map-locator", m.Title, m.Desc)
	if m.Base != "" {
		fmt.Fprintf(&c.b, `<use href="%s#d"/>`, esc(m.Base))
	} else {
		c.b.Write(base.land)
	}
	for _, t := range m.Territories {
		c.b.Write(a.locatorArea(m.Departement, base, t))
	}
	fine := a.levels.get(toleranceFor(f.unit / 4))
	c.path(f, fine, "map-here", "", s)
	b := a.bound(fine, s)
	x, y := f.pt(orb.Point{(b.Min[0] + b.Max[0]) / 2, (b.Min[1] + b.Max[1]) / 2})
	c.b.WriteString(`<circle class="map-here-dot" cx="`)
	writeNum(&c.b, x, false)
	c.b.WriteString(`" cy="`)
	writeNum(&c.b, y, false)
	c.b.WriteString(`" r="4"/>`)
	return c.close()
}

// DepartementBase returns the drawing of a département that locator maps
// refer to (LocatorMap.Base): a standalone SVG file whose path, id "d",
// carries its colours as attributes (the page's CSS does not reach into
// an external file). nil for a département without boundaries.
func (a *Atlas) DepartementBase(dep string) []byte {
	base := a.locatorBase(dep)
	if base == nil {
		return nil
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d">`, base.f.w, base.f.h)
	b.Write(bytes.Replace(base.land, []byte(`<path class="map-land"`), []byte(`<path id="d" fill="#f3f1ec" stroke="#767676" stroke-width="1" vector-effect="non-scaling-stroke"`), 1))
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// locator is what the locator maps of a département share.
type locator struct {
	f     frame
	land  []byte            // the département
	areas map[string][]byte // territories by URL and name
}

func (a *Atlas) locatorBase(dep string) *locator {
	a.locMu.Lock()
	defer a.locMu.Unlock()
	if l, ok := a.locators[dep]; ok {
		return l
	}
	shape := a.departement(dep)
	if len(shape) == 0 {
		return nil
	}
	f := newFrame(a.bound(a.levels.get(0), shape), locatorSize, 0.03)
	lv := a.levels.get(toleranceFor(f.unit))
	c := &canvas{}
	c.path(f, lv, "map-land", "", shape)
	l := &locator{f: f, land: c.b.Bytes(), areas: map[string][]byte{}}
	a.locators[dep] = l
	return l
}

func (a *Atlas) locatorArea(dep string, l *locator, t Area) []byte {
	key := t.URL + "\x00" + t.Name
	a.locMu.Lock()
	b, ok := l.areas[key]
	a.locMu.Unlock()
	if ok {
		return b
	}
	c := &canvas{}
	c.area(l.f, a.levels.get(toleranceFor(l.f.unit)), a.territory(t), "map-other", t.Name, t.URL)
	a.locMu.Lock()
	l.areas[key] = c.b.Bytes()
	a.locMu.Unlock()
	return c.b.Bytes()
}
