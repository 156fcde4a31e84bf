package carto

import (
	"math"
	"sync/atomic"

	"github.com/paulmach/orb"
)

// Lambert93 projects a point (longitude, latitude in degrees, RGF93 ≈
// WGS84) to Lambert-93 (EPSG:2154), the official projection of
// metropolitan France: a Lambert conformal conic on the GRS80 ellipsoid
// with standard parallels 44° and 49°, origin 46.5° N 3° E, false easting
// 700,000 m and northing 6,600,000 m. It returns metres (x east, y north).
func Lambert93(p orb.Point) orb.Point {
	lon, lat := p[0]*math.Pi/180, p[1]*math.Pi/180
	rho := memoRho(p[1], lat)
	theta := l93.n * (lon - l93.lon0)
	return orb.Point{700000 + rho*math.Sin(theta), l93.y0 - rho*math.Cos(theta)}
}

// lcc holds the constants of a Lambert conformal conic projection.
type lcc struct {
	e, n, f, lon0, y0 float64
}

var l93 = func() lcc {
	const a, invF = 6378137.0, 298.257222101 // GRS80
	f := 1 / invF
	e := math.Sqrt(2*f - f*f)
	rad := func(d float64) float64 { return d * math.Pi / 180 }
	phi1, phi2, phi0 := rad(44), rad(49), rad(46.5)
	m := func(phi float64) float64 { return math.Cos(phi) / math.Sqrt(1-e*e*math.Sin(phi)*math.Sin(phi)) }
	t := func(phi float64) float64 {
		s := e * math.Sin(phi)
		return math.Tan(math.Pi/4-phi/2) / math.Pow((1-s)/(1+s), e/2)
	}
	n := (math.Log(m(phi1)) - math.Log(m(phi2))) / (math.Log(t(phi1)) - math.Log(t(phi2)))
	F := m(phi1) / (n * math.Pow(t(phi1), n))
	c := lcc{e: e, n: n, f: a * F, lon0: rad(3)}
	c.y0 = 6600000 + c.f*math.Pow(t(phi0), n)
	return c
}()

func (c lcc) rho(lat float64) float64 {
	s := c.e * math.Sin(lat)
	t := math.Tan(math.Pi/4-lat/2) / math.Pow((1-s)/(1+s), c.e/2)
	return c.f * math.Pow(t, c.n)
}

// rhoMemo holds l93.rho for the latitudes of the grid of the boundaries
// (1e-4 degree, see boundary) over metropolitan France, computed on first
// use: ten points share a latitude on average, and rho (two powers, a
// sine, a tangent) is most of the cost of a projection. 0 is not computed
// yet (rho is never 0).
var rhoMemo [(rhoMemoMax - rhoMemoMin) * 1e4]atomic.Uint64

// Latitudes of rhoMemo, in degrees.
const rhoMemoMin, rhoMemoMax = 41, 52

// memoRho returns l93.rho(lat), lat in radians, deg in degrees: the value
// of rhoMemo when deg is a latitude of its grid (the very same float64),
// computed otherwise.
func memoRho(deg, lat float64) float64 {
	k := int(math.Round(deg*1e4)) - rhoMemoMin*1e4
	if k < 0 || k >= len(rhoMemo) || float64(k+rhoMemoMin*1e4)/1e4 != deg {
		return l93.rho(lat)
	}
	if b := rhoMemo[k].Load(); b != 0 {
		return math.Float64frombits(b)
	}
	r := l93.rho(lat)
	rhoMemo[k].Store(math.Float64bits(r)) // a concurrent caller stores the same
	return r
}

// Zone is a part of France drawn with its own projection.
type Zone struct {
	Code string    // "metro", or the INSEE code of an overseas département ("974")
	Name string    // for the insets of the national map
	Lon  float64   // centre of a local projection
	Lat  float64   //
	proj projector // longitude, latitude -> metres
}

type projector func(orb.Point) orb.Point

// Zones are metropolitan France (Lambert-93) and the five overseas
// départements, each in a local equirectangular projection centred on it
// (x = R·Δλ·cos φ0, y = R·Δφ): over less than 300 km, its scale error
// stays under 0.2 %, invisible on a map.
var Zones = []*Zone{
	{Code: "metro", Name: "France métropolitaine", proj: Lambert93},
	{Code: "971", Name: "Guadeloupe", Lon: -61.55, Lat: 16.2},
	{Code: "972", Name: "Martinique", Lon: -61.02, Lat: 14.64},
	{Code: "973", Name: "Guyane", Lon: -53.2, Lat: 3.9},
	{Code: "974", Name: "La Réunion", Lon: 55.53, Lat: -21.13},
	{Code: "976", Name: "Mayotte", Lon: 45.15, Lat: -12.82},
}

func init() {
	for _, z := range Zones[1:] {
		const r = 6371008.8 // mean Earth radius
		k := math.Cos(z.Lat * math.Pi / 180)
		lon0, lat0 := z.Lon, z.Lat
		z.proj = func(p orb.Point) orb.Point {
			return orb.Point{r * (p[0] - lon0) * math.Pi / 180 * k, r * (p[1] - lat0) * math.Pi / 180}
		}
	}
}

// ZoneOf returns the zone of a point: the overseas département nearest
// to it outside Europe, metropolitan France otherwise.
func ZoneOf(p orb.Point) *Zone {
	if p[0] > -10 && p[0] < 20 && p[1] > 35 {
		return Zones[0]
	}
	best, dist := Zones[1], math.Inf(1)
	for _, z := range Zones[1:] {
		if d := math.Hypot(p[0]-z.Lon, p[1]-z.Lat); d < dist {
			best, dist = z, d
		}
	}
	return best
}

// ZoneOfDepartement returns the zone of a département code.
func ZoneOfDepartement(dep string) *Zone {
	for _, z := range Zones[1:] {
		if z.Code == dep {
			return z
		}
	}
	return Zones[0]
}
