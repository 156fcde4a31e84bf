package carto

import (
	"fmt"
	"slices"

	"github.com/paulmach/orb"

	"github.com/cpts-fr/cpts/generator/boundary"
	"github.com/cpts-fr/cpts/generator/geo"
)

// FranceMap is the national map: every CPTS, its Style one of the status
// classes map-st0 ... map-st3 (colour and pattern), on the départements
// of metropolitan France, with the overseas départements as insets.
type FranceMap struct {
	ID          string
	Title, Desc string
	Territories []Area
	Stylesheets []string // as in TerritoryMap
}

// StatusStyles are the classes of the four stages of a CPTS, in the order
// of model.Status values: projet, lettre d'intention, projet de santé
// validé, ACI signé; then of a stage not given (StatusUnknown).
var StatusStyles = []string{"map-st0", "map-st1", "map-st2", "map-st3", StatusUnknown}

// StatusUnknown is the class of a CPTS whose stage is not given.
const StatusUnknown = "map-stx"

// insetSize is the side of the box of each overseas département.
const insetSize = 170

// France draws the national map.
func (a *Atlas) France(m FranceMap) Drawing {
	byZone := map[*Zone][]string{}
	for _, d := range a.geo.Departements() {
		if d.Zone == "metro" || d.Zone == "drom" {
			z := ZoneOfDepartement(d.Code)
			byZone[z] = append(byZone[z], d.Code)
		}
	}
	probe := a.levels.get(0)
	var metroShapes []boundary.Shape
	for _, d := range byZone[Zones[0]] {
		metroShapes = append(metroShapes, a.departement(d))
	}
	f := newFrame(a.bound(probe, metroShapes...), franceSize, 0.01)
	f.dx = insetSize + 10
	insets := len(Zones) - 1
	h := max(f.h, insets*(insetSize+10))
	c := &canvas{id: m.ID}
	class := c.openDocument(f.dx+f.w, h, "map-france", m.Title, m.Desc, m.Stylesheets)
	c.defs(StatusStyles...)
	terr := map[*Zone][]Area{}
	for _, t := range m.Territories {
		if z := a.zoneOfCodes(t.Communes); z != nil {
			terr[z] = append(terr[z], t)
		}
	}
	a.drawZone(c, f, byZone[Zones[0]], terr[Zones[0]])
	for i, z := range Zones[1:] {
		deps := byZone[z]
		var shapes []boundary.Shape
		for _, d := range deps {
			shapes = append(shapes, a.departement(d))
		}
		fz := newFrame(a.bound(probe, shapes...), insetSize, 0.05)
		fz.dy = i * (insetSize + 10)
		fmt.Fprintf(&c.b, `<rect class="map-inset" x="0" y="%d" width="%d" height="%d"/>`, fz.dy, insetSize, insetSize)
		fz.dx = (insetSize - fz.w) / 2
		fz.dy += (insetSize - fz.h) / 2
		a.drawZone(c, fz, deps, terr[z])
		fmt.Fprintf(&c.b, `<text class="map-inset-label" x="4" y="%d" font-size="14">%s</text>`, i*(insetSize+10)+16, esc(z.Name))
	}
	return Drawing{SVG: c.close(), Class: class}
}

// drawZone draws the départements and territories of one zone in a frame.
func (a *Atlas) drawZone(c *canvas, f frame, deps []string, terr []Area) {
	l := a.levels.get(toleranceFor(f.unit))
	var shapes []boundary.Shape
	for _, d := range deps {
		shapes = append(shapes, a.departement(d))
	}
	c.path(f, l, "map-land", "", shapes...)
	for _, t := range terr {
		c.area(f, l, a.territory(t), t.Style, t.Name, t.URL)
	}
	c.lines(f, a.shapeMesh(l, shapes), "map-border")
}

// shapeMesh returns the arcs of shapes, each once, in the order of their
// indexes.
func (a *Atlas) shapeMesh(l *level, shapes []boundary.Shape) [][]orb.Point {
	var idx []int
	for _, s := range shapes {
		for _, poly := range s {
			for _, ring := range poly {
				for _, ref := range ring {
					idx = append(idx, index(ref))
				}
			}
		}
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	out := make([][]orb.Point, len(idx))
	for k, i := range idx {
		out[k] = l.arc(i)
	}
	return out
}

// zoneOfCodes returns the zone of the first commune with a boundary.
func (a *Atlas) zoneOfCodes(codes []string) *Zone {
	for _, code := range codes {
		if c := a.geo.Commune(code); c != nil && c.HasPolygon && c.Kind == geo.KindCommune || c != nil && c.Kind == geo.KindArrondissement {
			return ZoneOfDepartement(c.Departement)
		}
	}
	return nil
}
