// Package boundary holds the boundaries of the French communes, embedded in
// the binary as a topology: each border between two communes is one arc,
// stored once and used by both, so that maps simplified at any scale have
// neither gaps nor overlaps between neighbours, and the outline of a group
// of communes (a CPTS territory) is the set of arcs its communes do not
// share with each other.
//
// # Data
//
// The 100 m level of the shared data folder (IGN ADMIN EXPRESS 2025
// geometry with COG 2026 codes, Licence Ouverte 2.0; see its README.md):
// 34,875 communes of metropolitan France and the DROM, Paris, Lyon and
// Marseille as whole communes, and their 45 arrondissements municipaux as
// shapes of their own that share the city's arcs. The COM have no boundary.
// Positions are rounded to 1e-4 degree (about 11 m), which keeps the
// embedded file at 2.8 MB instead of the source's 9.8 MB.
//
// # Format
//
// data/communes.topo is derived by `go generate ./generator/boundary`
// (internal/gen). It is not compressed (gzip would save 16 % and double
// the time to decode it): the line "cpts-topo/1", then
// unsigned varints (u) and zigzag varints (s) as in encoding/binary:
//
//	u arcs; per arc: u points; per point: s dx, s dy  (1e-4 degree, each
//	  point relative to the previous point of the file)
//	u shapes; per shape: 5 bytes of INSEE code, u polygons; per polygon:
//	  u rings (outer first); per ring: u refs; per ref: s (ref - previous ref)
//
// A ref i is arc i as stored, ^i (that is -i-1) arc i reversed. Outer rings
// run counter-clockwise and holes clockwise, as in RFC 7946.
package boundary

//go:generate go run ./internal/gen -data ../../../shared/data -out data
