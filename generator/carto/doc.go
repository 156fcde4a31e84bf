// Package carto draws the maps of the site as SVG at build time, from the
// commune boundaries of package boundary: a CPTS territory with its
// neighbours, a département with its CPTS and its communes without one,
// France with every CPTS (overseas départements as insets), and a small
// locator for a commune. It also writes the territories as GeoJSON and the
// compact per-département data the "find my CPTS" button reads.
//
// # Projections
//
// Metropolitan France uses Lambert-93 (EPSG:2154), the French convention;
// each overseas département a local equirectangular projection centred on
// it (see Zones). Arcs are simplified with Douglas-Peucker at a tolerance
// chosen from the map's scale (about one SVG unit), end points kept, so
// neighbouring communes still share their borders, then rounded to integer
// SVG units and written as relative path data.
//
// # Accessibility
//
// Every map has a <title> and a <desc> named by aria-labelledby; every
// territory drawn is a link whose accessible name is its name (aria-label,
// and a <title> for the tooltip); colours come from the Okabe-Ito palette,
// which colour-blind readers can tell apart, and the status of a CPTS is
// also shown by a pattern. The page shows the same facts as a list beside
// the map, and nothing needs JavaScript. Presentation is left to CSS
// classes (map-*) of the theme, so the strict Content-Security-Policy of
// the site (no inline style) holds.
package carto
