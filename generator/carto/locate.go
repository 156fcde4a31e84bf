package carto

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"

	"github.com/paulmach/orb"

	"github.com/cpts-fr/cpts/generator/boundary"
)

// Location data: what the "find my CPTS" button of the site downloads to
// find, in the browser, the commune at the visitor's position. One file
// per département, fetched only for the département whose box holds the
// position, so the position itself never leaves the browser.
//
// index.json: {"d":[["46",x0,y0,x1,y1],...]}, the bounding box of each
//
//	département in 1e-4 degree (longitude, latitude);
//
// <dep>.json: {"k":[[name,url],...], "c":[[code,name,url,[k...],[x,y],
//
//	[ring,...]],...]}: the CPTS of the file (k), then each commune with its
//	page ("" if none), the CPTS covering it (indexes into k), an interior
//	point and its rings, each [x0,y0,dx1,dy1,...] in 1e-4 degree, the
//	first point absolute and the others relative to the one before.
//
// Boundaries are simplified to 3e-4 degree (about 30 m), well within the
// accuracy of a phone's position.

// LocCommune is a commune of a location file.
type LocCommune struct {
	Code, Name, URL string
	CPTS            []int // indexes into LocData.CPTS
	Lon, Lat        float64
}

// LocData is the location file of a département.
type LocData struct {
	CPTS     [][2]string // name, URL
	Communes []LocCommune
}

// locTolerance is the simplification of the location data, in degrees.
const locTolerance = 3e-4

// Location returns the location file of a département's communes, and
// the box of their boundaries ([x0,y0,x1,y1] in 1e-4 degree). Communes
// without a boundary are left out: plan.Locations lists only communes
// with one.
func (a *Atlas) Location(d LocData) (file []byte, box [4]int) {
	box = [4]int{math.MaxInt, math.MaxInt, math.MinInt, math.MinInt}
	var b bytes.Buffer
	b.WriteString(`{"k":`)
	k, _ := json.Marshal(d.CPTS)
	if d.CPTS == nil {
		k = []byte("[]")
	}
	b.Write(k)
	b.WriteString(`,"c":[`)
	n := 0
	for _, c := range d.Communes {
		s, has := a.topo.Shape(c.Code)
		if !has {
			continue
		}
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		head, _ := json.Marshal([]any{c.Code, c.Name, c.URL, nonNil(c.CPTS), []int{deg(c.Lon), deg(c.Lat)}})
		b.Write(head[:len(head)-1])
		b.WriteString(`,[`)
		for i, ring := range a.degreeRings(s) {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('[')
			px, py := 0, 0
			for j, p := range ring {
				x, y := deg(p[0]), deg(p[1])
				box = [4]int{min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)}
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteString(strconv.Itoa(x - px))
				b.WriteByte(',')
				b.WriteString(strconv.Itoa(y - py))
				px, py = x, y
			}
			b.WriteByte(']')
		}
		b.WriteString("]]")
	}
	b.WriteString("]}")
	return b.Bytes(), box
}

// degreeRings returns the rings of a shape in degrees, simplified (arc by
// arc, so that neighbours keep the same border) and without the closing
// point.
func (a *Atlas) degreeRings(s boundary.Shape) []orb.Ring {
	var out []orb.Ring
	for _, r := range a.degrees.rings(s) {
		if len(r) > 3 {
			out = append(out, r[:len(r)-1])
		}
	}
	return out
}

func deg(v float64) int { return int(math.Round(v * 1e4)) }

func nonNil(v []int) []int {
	if v == nil {
		return []int{}
	}
	return v
}
