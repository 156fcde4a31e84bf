package boundary

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/paulmach/orb"
)

// topoData is the topology, not compressed: its varints hardly compress
// (gzip saves 16 %) and decompressing took half of its decoding.
//
//go:embed data/communes.topo
var topoData []byte

// perDegree is the number of coordinate units in a degree of the file.
const perDegree = 1e4

const magic = "cpts-topo/1\n"

// Topology is the set of commune boundaries. Arcs are in degrees
// (longitude, latitude); shapes refer to them by index.
type Topology struct {
	// The arcs are the borders, each shared by at most two communes (or
	// a city and one of its arrondissements). Closed arcs start and end on
	// the same point. Each is decoded from the file when first asked for
	// (arc): a site of a few CPTS draws a few départements, and the points
	// of all of France (23 MB, 0.1 s in a new process, most of it the
	// first touch of the memory) are decoded only for a site that draws
	// them all.
	data    []byte                        // the file, read when loaded (decode)
	starts  []arcStart                    // where each arc is in data
	arcs    []atomic.Pointer[[]orb.Point] // each arc's points, once decoded
	codes   []string                      // sorted
	shapes  []Shape                       // by number: the shape of codes[n]
	numbers map[string]int32              // code -> number

	usersOnce sync.Once
	users     []int32 // numbers in codes of the shapes using each arc (indexUsers)
	usersAt   []int32 // where each arc's users start in users, and the end
	gridOnce  sync.Once
	grid      map[cell][]string // location grid: shapes by cell
	bounds    map[string]orb.Bound
}

// arcStart locates an arc in the file: the offset of its first point,
// its number of points, and the position its first point is relative to
// (the last point of the arc before it).
type arcStart struct {
	at, points uint32
	x, y       int32
}

// Shape is the geometry of a commune or of a group of communes: polygons,
// each a list of rings (outer ring first, then holes), each a list of arc
// references (i for arc i, ^i for arc i reversed).
type Shape [][][]int

var load = sync.OnceValues(func() (*Topology, error) { return decode(topoData) })

// Load returns the embedded topology, decoded on first use and shared by
// all callers, who must not modify it.
func Load() (*Topology, error) { return load() }

// Shape returns the geometry of the commune or arrondissement with the
// given INSEE code.
func (t *Topology) Shape(code string) (Shape, bool) {
	n, ok := t.numbers[code]
	if !ok {
		return nil, false
	}
	return t.shapes[n], true
}

// shape returns the geometry of a code, nil for an unknown one.
func (t *Topology) shape(code string) Shape {
	s, _ := t.Shape(code)
	return s
}

// Codes returns the INSEE codes that have a shape, sorted.
func (t *Topology) Codes() []string { return t.codes }

// NumArcs returns the number of arcs: references are below it.
func (t *Topology) NumArcs() int { return len(t.starts) }

// Arc returns the points of a reference, reversed for ^i. The points of
// i itself are shared: callers must not modify them.
func (t *Topology) Arc(ref int) []orb.Point {
	if ref >= 0 {
		return t.arc(ref)
	}
	a := t.arc(^ref)
	r := make([]orb.Point, len(a))
	for i, p := range a {
		r[len(a)-1-i] = p
	}
	return r
}

// arc returns the points of arc i, decoded on first use. Concurrent
// callers may decode it both; all get the points stored first.
func (t *Topology) arc(i int) []orb.Point {
	if p := t.arcs[i].Load(); p != nil {
		return *p
	}
	s := t.starts[i]
	r := reader{b: t.data[s.at:]}
	x, y := int64(s.x), int64(s.y)
	pts := make([]orb.Point, s.points)
	for j := range pts {
		x += r.signed()
		y += r.signed()
		pts[j] = orb.Point{float64(x) / perDegree, float64(y) / perDegree}
	}
	if !t.arcs[i].CompareAndSwap(nil, &pts) {
		return *t.arcs[i].Load()
	}
	return pts
}

// ring assembles a ring from its arc references. It is closed: its last
// point equals its first.
func (t *Topology) ring(refs []int) orb.Ring {
	var ring orb.Ring
	for _, ref := range refs {
		a := t.Arc(ref)
		if len(ring) > 0 && len(a) > 0 {
			a = a[1:] // the first point repeats the previous arc's last
		}
		ring = append(ring, a...)
	}
	return ring
}

// polygonsOf assembles a shape's polygons (see ring).
func (t *Topology) polygonsOf(s Shape) orb.MultiPolygon {
	mp := make(orb.MultiPolygon, 0, len(s))
	for _, poly := range s {
		p := make(orb.Polygon, 0, len(poly))
		for _, refs := range poly {
			p = append(p, t.ring(refs))
		}
		mp = append(mp, p)
	}
	return mp
}

func decode(raw []byte) (*Topology, error) {
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, errors.New("boundary: not a cpts-topo/1 file")
	}
	r := &reader{b: raw[len(magic):]}
	t := &Topology{data: raw}
	t.starts = make([]arcStart, r.count())
	t.arcs = make([]atomic.Pointer[[]orb.Point], len(t.starts))
	var x, y int64
	for i := range t.starts { // every point read, to check them and know where each arc starts
		n := r.count()
		t.starts[i] = arcStart{at: uint32(len(raw) - len(r.b)), points: uint32(n), x: int32(x), y: int32(y)}
		for range n {
			x += r.signed()
			y += r.signed()
		}
		if x != int64(int32(x)) || y != int64(int32(y)) {
			r.err = fmt.Errorf("arc %d: position out of range", i)
		}
	}
	n := r.count()
	t.codes, t.shapes = make([]string, 0, n), make([]Shape, 0, n)
	prev := 0
	for range n {
		code := r.code()
		s := make(Shape, r.count())
		for i := range s {
			s[i] = make([][]int, r.count())
			for j := range s[i] {
				refs := make([]int, r.count())
				for k := range refs {
					prev += int(r.signed())
					if prev >= len(t.starts) || ^prev >= len(t.starts) {
						r.err = fmt.Errorf("arc %d out of range", prev)
					}
					refs[k] = prev
				}
				s[i][j] = refs
			}
		}
		t.shapes = append(t.shapes, s)
		t.codes = append(t.codes, code)
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = errors.New("trailing bytes")
	}
	if r.err != nil {
		return nil, fmt.Errorf("boundary: corrupt data: %v", r.err)
	}
	t.number()
	return t, nil
}

// number sorts the shapes by code and numbers them.
func (t *Topology) number() {
	if !slices.IsSorted(t.codes) {
		order := make([]int, len(t.codes))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(i, j int) int { return strings.Compare(t.codes[i], t.codes[j]) })
		codes, shapes := make([]string, len(order)), make([]Shape, len(order))
		for n, i := range order {
			codes[n], shapes[n] = t.codes[i], t.shapes[i]
		}
		t.codes, t.shapes = codes, shapes
	}
	t.numbers = make(map[string]int32, len(t.codes))
	for n, c := range t.codes {
		t.numbers[c] = int32(n)
	}
}

// reader reads varints, remembering the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) signed() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length, bounded by what is left so corrupt data cannot ask
// for a huge allocation.
func (r *reader) count() int {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > uint64(len(r.b)) {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *reader) code() string {
	if len(r.b) < 5 {
		r.fail()
		return ""
	}
	c := string(r.b[:5])
	r.b = r.b[5:]
	return c
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated")
	}
	r.b = nil
}
