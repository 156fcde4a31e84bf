// Command gen derives the commune boundaries embedded by package boundary
// from the GeoJSON files of the shared data folder (see its README.md).
//
// Usage, from the repository root:
//
//	go run ./generator/boundary/internal/gen -data ../shared/data -out generator/boundary/data
//
// or `go generate ./generator/boundary`. It reads the 100 m level of the
// communes and of the arrondissements municipaux, turns the polygons into a
// topology (arcs shared by neighbouring communes, stored once), and writes
// it in the compact binary format described in the doc of package boundary:
// running it twice gives byte-identical output.
package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
)

func main() {
	data := flag.String("data", "../shared/data", "folder holding geo/communes-100m.geojson.gz")
	out := flag.String("out", "generator/boundary/data", "folder to write communes.topo to")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dataDir, outDir string) error {
	var shapes []shape
	for _, name := range []string{"communes-100m.geojson.gz", "arrondissements-municipaux-100m.geojson.gz"} {
		s, err := readShapes(filepath.Join(dataDir, "geo", name))
		if err != nil {
			return err
		}
		shapes = append(shapes, s...)
	}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].code < shapes[j].code })
	for i := 1; i < len(shapes); i++ {
		if shapes[i].code == shapes[i-1].code {
			return fmt.Errorf("code %s appears twice", shapes[i].code)
		}
	}
	topo := build(shapes)
	raw := encode(topo)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d shapes, %d arcs, %d points, %d bytes\n",
		len(topo.shapes), len(topo.arcs), topo.points(), len(raw))
	return os.WriteFile(filepath.Join(outDir, "communes.topo"), raw, 0o644)
}

// perDegree is the number of coordinate units in a degree: 1e4 rounds
// positions to 1e-4 degree, about 11 m of latitude and 8 m of longitude in
// metropolitan France, well below what any map of the site shows (a CPTS
// map draws about 30 m per pixel) and than the accuracy of a phone's
// position, and makes the file a third smaller than the source's 1e-5.
const perDegree = 1e4

// point is a position in units of 1/perDegree degree (longitude, latitude).
type point [2]int32

// shape is a commune's geometry: polygons of rings of points, outer ring
// first; rings are open (the closing point is not repeated).
type shape struct {
	code  string
	polys [][][]point
}

func readShapes(name string) ([]shape, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	var fc featureCollection
	if err := json.Unmarshal(raw, &fc); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	var out []shape
	for _, f := range fc.Features {
		code := f.Properties.Code
		if len(code) != 5 {
			return nil, fmt.Errorf("%s: feature without a 5-character code", name)
		}
		var polys [][][][2]float64
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			err = json.Unmarshal(f.Geometry.Coordinates, &p)
			polys = [][][][2]float64{p}
		case "MultiPolygon":
			err = json.Unmarshal(f.Geometry.Coordinates, &polys)
		default:
			err = fmt.Errorf("geometry %s, want a polygon", f.Geometry.Type)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %v", name, code, err)
		}
		s := shape{code: code}
		for _, p := range polys {
			var rings [][]point
			for _, r := range p {
				if q := quantize(r); len(q) >= 3 {
					rings = append(rings, q)
				}
			}
			if len(rings) > 0 {
				s.polys = append(s.polys, rings)
			}
		}
		if len(s.polys) == 0 {
			return nil, fmt.Errorf("%s: %s: empty geometry", name, code)
		}
		out = append(out, s)
	}
	return out, nil
}

// quantize turns a GeoJSON ring into an open ring of integer points
// without repeated consecutive points and without spikes (a point followed
// by the point before it: a segment drawn there and back, which would make
// a border of a commune with itself).
func quantize(r [][2]float64) []point {
	var out []point
	push := func(q point) {
		for {
			n := len(out)
			switch {
			case n > 0 && out[n-1] == q:
				return
			case n > 1 && out[n-2] == q:
				out = out[:n-1] // q goes back: drop the spike's tip
				continue
			}
			out = append(out, q)
			return
		}
	}
	for _, p := range r {
		push(point{int32(math.Round(p[0] * perDegree)), int32(math.Round(p[1] * perDegree))})
	}
	// Close the ring: drop the closing point, then spikes at the seam.
	for changed := true; changed && len(out) > 2; {
		changed = false
		n := len(out)
		switch {
		case out[n-1] == out[0]:
			out, changed = out[:n-1], true
		case out[n-2] == out[0]: // ... a, q | a ...: the tip q is last
			out, changed = out[:n-1], true
		case out[n-1] == out[1]: // ... q | a, q ...: the tip a is first
			out, changed = out[1:], true
		}
	}
	return out
}

// featureCollection is the part of a GeoJSON file gen reads.
type featureCollection struct {
	Features []struct {
		Properties struct {
			Code string `json:"code"`
		} `json:"properties"`
		Geometry struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}
