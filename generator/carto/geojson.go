package carto

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/paulmach/orb"
)

// Feature is a territory to write as GeoJSON: its properties, in order,
// and its communes.
type Feature struct {
	Properties [][2]any // name, value: written in this order
	Communes   []string
}

// GeoJSON writes territories as an RFC 7946 FeatureCollection: one
// Feature per territory with a MultiPolygon geometry, the outline of its
// communes (the borders between them removed), in WGS 84 longitude and
// latitude with 4 decimals (about 10 m, the precision of the boundaries),
// outer rings counter-clockwise and holes clockwise. A territory without
// any commune with a boundary gets a null geometry, as RFC 7946 allows.
func (a *Atlas) GeoJSON(fs []Feature) []byte {
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	for i, f := range fs {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`{"type":"Feature","properties":{`)
		for j, kv := range f.Properties {
			if j > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(kv[0])
			v, _ := json.Marshal(kv[1])
			b.Write(k)
			b.WriteByte(':')
			b.Write(v)
		}
		b.WriteString(`},"geometry":`)
		a.writeGeometry(&b, f.Communes)
		b.WriteByte('}')
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

func (a *Atlas) writeGeometry(b *bytes.Buffer, communes []string) {
	var known []string
	for _, c := range communes {
		if a.Has(c) {
			known = append(known, c)
		}
	}
	shape := a.topo.Outline(known)
	if len(shape) == 0 {
		b.WriteString("null")
		return
	}
	b.WriteString(`{"type":"MultiPolygon","coordinates":[`)
	for i, poly := range shape {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for j, refs := range poly {
			if j > 0 {
				b.WriteByte(',')
			}
			writeRing(b, ringOf(a, refs))
		}
		b.WriteByte(']')
	}
	b.WriteString("]}")
}

func ringOf(a *Atlas, refs []int) orb.Ring {
	var r orb.Ring
	for _, ref := range refs {
		arc := a.topo.Arc(ref)
		if len(r) > 0 {
			arc = arc[1:]
		}
		r = append(r, arc...)
	}
	return r
}

func writeRing(b *bytes.Buffer, r orb.Ring) {
	b.WriteByte('[')
	for i, p := range r {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		b.WriteString(strconv.FormatFloat(p[0], 'f', -1, 64))
		b.WriteByte(',')
		b.WriteString(strconv.FormatFloat(p[1], 'f', -1, 64))
		b.WriteByte(']')
	}
	b.WriteByte(']')
}
