package carto

import (
	"strings"
	"sync"

	"github.com/paulmach/orb"

	"github.com/cpts-fr/cpts/generator/boundary"
	"github.com/cpts-fr/cpts/generator/geo"
)

// Atlas draws maps. It is safe for concurrent use; simplified arcs and
// the outlines of territories and départements are computed once per
// process, on first use.
type Atlas struct {
	topo   *boundary.Topology
	geo    *geo.Table
	levels *levels // shared by every atlas (arcs)

	locMu    sync.Mutex
	locators map[string]*locator // by département

	degrees *level // arcs in degrees, simplified for Location; shared (arcs)
}

// New returns an atlas over the embedded boundaries.
func New(g *geo.Table) (*Atlas, error) {
	t, err := boundary.Load()
	if err != nil {
		return nil, err
	}
	arcs.once.Do(func() {
		arcs.levels = &levels{topo: t}
		arcs.degrees = newLevel(t, locTolerance, nil)
		arcs.degrees.degrees = true
	})
	return &Atlas{topo: t, geo: g, levels: arcs.levels, locators: map[string]*locator{}, degrees: arcs.degrees}, nil
}

// arcs holds the arcs of the embedded boundaries as maps draw them,
// projected and simplified by tolerance, computed on first use and shared
// by every atlas of the process: they come from the embedded data alone
// (boundary.Load), and the dev server draws maps again after each edit.
var arcs struct {
	once    sync.Once
	levels  *levels
	degrees *level
}

// Area is something a map draws as one shape: a commune, or a CPTS
// territory made of communes.
type Area struct {
	Name     string
	URL      string   // link target, "" for none
	Communes []string // INSEE codes; unknown ones and the COM are skipped
	Style    string   // CSS class of the shape ("map-in", "map-partial"...)
}

// Label is a place name written on a map at a point.
type Label struct {
	Name     string
	Lon, Lat float64
}

// Has reports whether a commune has a boundary.
func (a *Atlas) Has(code string) bool {
	_, ok := a.topo.Shape(code)
	return ok
}

// Neighbours returns the communes that share a border with a set of
// communes (see boundary.Topology.Neighbours).
func (a *Atlas) Neighbours(codes []string) []string { return a.topo.Neighbours(codes) }

func (a *Atlas) shape(codes []string) boundary.Shape {
	if len(codes) == 1 {
		s, _ := a.topo.Shape(codes[0])
		return s
	}
	return a.topo.Outline(codes)
}

// territory returns the outline of an area, computed once per set of
// communes (outlines): the same CPTS is drawn on its own map, its
// neighbours', its départements', the locators of its communes and the
// map of France.
func (a *Atlas) territory(t Area) boundary.Shape {
	key := strings.Join(t.Communes, ",")
	if s, ok := outlines.Load(key); ok {
		return s.(boundary.Shape)
	}
	s, _ := outlines.LoadOrStore(key, a.shape(t.Communes))
	return s.(boundary.Shape)
}

// outlines holds the outline of each set of communes drawn as one
// territory, shared by every atlas of the process as depShapes is: an
// outline comes from the embedded boundaries and the codes alone. The dev
// server draws the map of France again after an edit of one territory,
// with the outlines of all the others unchanged.
var outlines sync.Map // codes joined by "," -> boundary.Shape

// depShapes holds the outline of each département, shared by every atlas
// of the process: the boundaries and the communes of a département are
// the embedded data (boundary.Load, geo.Load), the same for every site,
// and the outlines of all of them (the map of France) take 40 ms to
// trace, most of a small site's maps.
var depShapes sync.Map // code -> boundary.Shape

// departement returns the outline of a département, from its communes.
func (a *Atlas) departement(dep string) boundary.Shape {
	if s, ok := depShapes.Load(dep); ok {
		return s.(boundary.Shape)
	}
	var codes []string
	for _, c := range a.geo.InDepartement(dep) {
		if c.Kind == geo.KindCommune && c.HasPolygon {
			codes = append(codes, c.Code)
		}
	}
	s, _ := depShapes.LoadOrStore(dep, a.topo.Outline(codes))
	return s.(boundary.Shape)
}

// bound returns the projected bounding box of shapes.
func (a *Atlas) bound(l *level, shapes ...boundary.Shape) orb.Bound {
	var b orb.Bound
	first := true
	for _, s := range shapes {
		for _, poly := range s {
			for _, refs := range poly {
				for _, ref := range refs {
					for _, p := range l.arc(index(ref)) {
						if first {
							b, first = orb.Bound{Min: p, Max: p}, false
						}
						b = b.Extend(p)
					}
				}
			}
		}
	}
	return b
}

// mesh returns the arcs used by the shapes of codes, each once: the
// borders between them and around them, to draw as lines.
func (a *Atlas) mesh(l *level, codes []string) [][]orb.Point {
	shapes := make([]boundary.Shape, 0, len(codes))
	for _, c := range codes {
		s, _ := a.topo.Shape(c)
		shapes = append(shapes, s)
	}
	return a.shapeMesh(l, shapes)
}
