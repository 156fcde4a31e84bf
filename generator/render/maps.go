package render

import (
	"encoding/json"
	"html/template"
	"maps"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/cpts-fr/cpts/generator/plan"

	"github.com/cpts-fr/cpts/generator/carto"
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/opendata"
)

// mapState holds the atlas, loaded on the first map a page asks for.
type mapState struct {
	once  sync.Once
	atlas *carto.Atlas
	err   error
}

// atlas returns the map drawer, or nil when maps are switched off or the
// boundaries cannot be read (reported once as a build error by Site).
func (r *renderer) atlas() *carto.Atlas {
	if r.site.Config.Maps.Off {
		return nil
	}
	r.maps.once.Do(func() {
		r.maps.atlas, r.maps.err = carto.New(r.site.Geo)
	})
	return r.maps.atlas
}

// lazyMap defers drawing a map to the parallel rendering of its page:
// templates show it with {{with call .Data.Map}}.
type lazyMap func() template.HTML

// mapFrame is a map document as a page shows it: in an iframe, named by
// the map's title, shaped by its ratio class, loaded when about to be
// seen. Templates show it with {{with call .Data.Map}}; drawing it writes
// the document beside the page.
type mapFrame struct {
	Src    string // URL of the SVG document
	Title  string
	Class  string       // map-r0 ... map-r8 (carto.Ratios): the aspect ratio
	Legend []legendItem // what each fill means, when the page lists it
}

// lazyFrame defers drawing a map document, as lazyMap does.
type lazyFrame func() (*mapFrame, error)

// once makes a lazyFrame draw and write its document once, however often
// its page's templates call it (a layout's first page is executed twice
// when its text is squeezed, see templates.execute).
func (f lazyFrame) once() lazyFrame {
	var (
		do  sync.Once
		fr  *mapFrame
		err error
	)
	return func() (*mapFrame, error) {
		do.Do(func() { fr, err = f() })
		return fr, err
	}
}

// mapDocument writes a drawn map at a site path (plan.MapOf) and returns
// its frame; nil for a map with nothing to draw. The document is compact
// already (carto writes integer relative paths) and skips the minifier.
func (r *renderer) mapDocument(sitePath, title string, d carto.Drawing) (*mapFrame, error) {
	if len(d.SVG) == 0 {
		return nil, nil
	}
	if err := r.out.AddTransient(plan.File(sitePath), d.SVG, true); err != nil {
		return nil, err
	}
	return &mapFrame{Src: r.url(sitePath), Title: title, Class: d.Class}, nil
}

// mapStylesheets are the URLs of the stylesheets a map document links to:
// those of the pages, which the browser has in its cache.
func (r *renderer) mapStylesheets() []string {
	var out []string
	if css, ok := r.assets["css/site.css"]; ok {
		out = append(out, r.url(css))
	}
	if c := r.siteColors(); c != "" {
		out = append(out, c)
	}
	return out
}

// territoryCodes returns the INSEE codes of a territory.
func territoryCodes(c *model.CPTS) []string {
	var out []string
	for _, e := range c.Territory.Entries {
		if e.Commune != nil {
			out = append(out, e.Commune.Code)
		}
	}
	return out
}

func (r *renderer) statusStyle(s model.Status) string {
	i := slices.Index(model.Status("").Values(), string(s))
	if i < 0 {
		return carto.StatusUnknown
	}
	return carto.StatusStyles[i]
}

// cptsArea is a CPTS territory as a map draws it, linked to its page.
func (r *renderer) cptsArea(c *model.CPTS) carto.Area {
	return carto.Area{Name: c.Name, URL: r.url(plan.CPTSPage(c)), Communes: territoryCodes(c), Style: r.statusStyle(c.Status)}
}

// cptsMap draws the territory of a CPTS: its communes (linked to their
// pages), the neighbouring CPTS in grey and the other neighbouring
// communes, and the names of its five most populous communes.
func (r *renderer) cptsMap(c *model.CPTS) lazyFrame {
	return lazyFrame(func() (*mapFrame, error) {
		a := r.atlas()
		codes := territoryCodes(c)
		if a == nil || len(codes) == 0 {
			return nil, nil
		}
		m := carto.TerritoryMap{ID: "carte", Title: r.t("map_cpts_title", c.Name),
			Desc: r.tn("map_cpts_desc", len(codes)), Stylesheets: r.mapStylesheets()}
		var entries []*model.TerritoryEntry
		for _, e := range c.Territory.Entries {
			if e.Commune == nil {
				continue
			}
			entries = append(entries, e)
			style := "map-in"
			if e.Partial {
				style = "map-partial"
			}
			m.Communes = append(m.Communes, carto.Area{Name: e.Commune.Name, URL: r.communeURL(e.Commune), Communes: []string{e.Commune.Code}, Style: style})
		}
		others := map[*model.CPTS]bool{}
		for _, code := range a.Neighbours(codes) {
			com := r.site.Geo.Commune(code)
			if com == nil {
				continue
			}
			claimed := false
			for _, e := range r.claims(com) {
				if e.CPTS != c {
					claimed = true
					if !others[e.CPTS] {
						others[e.CPTS] = true
						m.Others = append(m.Others, carto.Area{Name: e.CPTS.Name, URL: r.url(plan.CPTSPage(e.CPTS)), Communes: territoryCodes(e.CPTS)})
					}
				}
			}
			if !claimed {
				m.Context = append(m.Context, code)
			}
		}
		sort.SliceStable(entries, func(i, j int) bool { return entries[i].Commune.Population > entries[j].Commune.Population })
		for _, e := range entries[:min(mapLabels, len(entries))] {
			if e.Commune.HasPoint {
				m.Labels = append(m.Labels, carto.Label{Name: e.Commune.Name, Lon: e.Commune.Lon, Lat: e.Commune.Lat})
			}
		}
		return r.mapDocument(r.plan.CPTSMap(c), m.Title, a.Territory(m))
	}).once()
}

// mapLabels is the number of communes, the most populous, whose names a
// territory map tries to write; those that find no free place are left
// out (see carto's labels.go).
const mapLabels = 8

// unmapped returns the CPTS that no map can draw: their communes are not
// listed.
func unmapped(cpts []*model.CPTS) []*model.CPTS {
	var out []*model.CPTS
	for _, c := range cpts {
		if len(c.Territory.Entries) == 0 {
			out = append(out, c)
		}
	}
	return out
}

func (r *renderer) communeURL(com *geo.Commune) string {
	if !r.plan.HasCommunePage(com) {
		return ""
	}
	return r.url(plan.CommunePage(com.Code))
}

// departementMap draws a département with its CPTS and its communes
// without one.
func (r *renderer) departementMap(d *geo.Departement, cpts []*model.CPTS, uncovered []*geo.Commune) lazyFrame {
	return lazyFrame(func() (*mapFrame, error) {
		a := r.atlas()
		if a == nil {
			return nil, nil
		}
		m := carto.DepartementMap{ID: "carte", Title: r.t("map_departement_title", d.Name),
			Desc: r.t("map_departement_desc", r.tn("map_departement_cpts", len(cpts)), r.tn("map_departement_uncovered", len(uncovered))), Code: d.Code,
			Uncovered: carto.Area{Name: r.t("map_uncovered")}, Stylesheets: r.mapStylesheets()}
		for _, com := range r.site.Geo.InDepartement(d.Code) {
			if com.Kind == geo.KindCommune {
				m.Communes = append(m.Communes, com.Code)
			}
		}
		for _, c := range cpts {
			m.Territories = append(m.Territories, r.cptsArea(c))
		}
		for _, com := range uncovered {
			m.Uncovered.Communes = append(m.Uncovered.Communes, com.Code)
		}
		draw := a.Departement(m)
		frame, err := r.mapDocument(plan.MapOf(plan.DepartementPage(d.Code)), m.Title, draw)
		if frame != nil {
			for i, c := range cpts {
				frame.Legend = append(frame.Legend, legendItem{template.HTML(carto.Swatch("legende", draw.Fills[i])), c.Name, 0})
			}
			if len(uncovered) > 0 {
				frame.Legend = append(frame.Legend, legendItem{template.HTML(carto.Swatch("legende", "map-blank")), r.t("map_uncovered"), len(uncovered)})
			}
		}
		return frame, err
	}).once()
}

// communeMap draws the locator of a commune page.
func (r *renderer) communeMap(com *geo.Commune, claims []claim) lazyMap {
	return func() template.HTML {
		a := r.atlas()
		if a == nil || !a.Has(com.Code) {
			return ""
		}
		m := carto.LocatorMap{ID: "carte-" + com.Code, Title: r.t("map_commune_title", com.Name),
			Desc: r.t("map_commune_desc", com.Name), Commune: com.Code, Departement: com.Departement,
			Base: r.url(plan.LocationMap(com.Departement))}
		if d := r.site.Geo.Departement(com.Departement); d != nil {
			desc := "map_commune_desc"
			if len(claims) == 0 {
				desc = "map_commune_desc_none"
			}
			m.Desc = r.t(desc, com.Name, d.Name)
		}
		for _, c := range claims {
			m.Territories = append(m.Territories, r.cptsArea(c.CPTS))
		}
		return template.HTML(a.Locator(m))
	}
}

// legendItem is one line of a map's legend: a swatch and its words.
type legendItem struct {
	Swatch template.HTML
	Label  string
	Count  int
}

var _ = pageKind[franceMapData]("carte", (*renderer).franceMapPage)

// franceMapPage is /carte/, the national map of the CPTS by stage, with its
// legend and the list of CPTS as text alternative.
func (r *renderer) franceMapPage(plan.Page) *page {
	var legend []legendItem
	for _, s := range r.statusCounts() {
		legend = append(legend, legendItem{template.HTML(carto.Swatch("legende", r.statusStyle(s.Status))), r.label("status", s.Status), s.Count})
	}
	draw := lazyFrame(func() (*mapFrame, error) {
		a := r.atlas()
		if a == nil {
			return nil, nil
		}
		m := carto.FranceMap{ID: "carte", Title: r.t("map_france_title"), Desc: r.tn("map_france_desc", len(r.site.CPTS)),
			Stylesheets: r.mapStylesheets()}
		for _, c := range r.site.CPTS {
			m.Territories = append(m.Territories, r.cptsArea(c))
		}
		return r.mapDocument(plan.MapOf(plan.FranceMap), m.Title, a.France(m))
	}).once()
	return &page{Title: r.t("map_france_page"), Description: r.tn("map_france_desc", len(r.site.CPTS)),
		Crumbs: []crumb{{r.t("home"), "/"}},
		// The CPTS by stage, the map's text alternative, are listed on the
		// page up to a few pages of the directory; past that, the page
		// gives the counts and the directory's list, where each card
		// shows its stage.
		Data: franceMapData{Map: draw, Legend: legend, Status: r.statusCounts(), CPTS: r.site.CPTS,
			Listed: len(r.site.CPTS) <= 4*plan.CPTSPerPage, Unmapped: unmapped(r.site.CPTS)}}
}

// locationFiles writes the location files the plan lists
// (plan.Locations): per département, the drawing the locator maps of its
// communes share, and the boundaries of its communes with the CPTS
// covering each, for the "find my CPTS" button (see carto.Atlas.Location);
// and plan.LocationIndex, the box of each data file. It queues the work on
// the pool, where it reads the site and the index of the renderer only. A
// rebuild of some pages (Options.Only) writes those of these files it
// names: the drawings and boxes, which come from the boundaries alone,
// stay as they are when only the coverage changed.
func (r *renderer) locationFiles() {
	if (len(r.plan.Locations()) > 0 || r.plan.HasLocationIndex()) && r.wantedUnder(plan.LocationDir) {
		r.queue(r.locations)
	}
}

func (r *renderer) locations() diag.List {
	var diags diag.List
	add := func(p string, data []byte) { diags.Append(AddFile(r.out, plan.File(p), data)) }
	a := r.atlas()
	if a == nil {
		return nil
	}
	index := [][]any{}
	for _, loc := range r.plan.Locations() {
		if r.stopped() {
			return diags
		}
		if !r.wanted(loc.Data) && !r.wanted(loc.Map) {
			continue // a rebuild of other départements' files
		}
		var data carto.LocData
		ks := map[*model.CPTS]int{}
		for _, com := range loc.Communes {
			lc := carto.LocCommune{Code: com.Code, Name: communeName(com), URL: r.communeURL(com), Lon: com.Lon, Lat: com.Lat}
			if lc.URL == "" && com.Parent != "" {
				lc.URL = r.communeURL(r.site.Geo.Commune(com.Parent))
			}
			for _, e := range r.claims(com) {
				k, ok := ks[e.CPTS]
				if !ok {
					k = len(data.CPTS)
					ks[e.CPTS] = k
					data.CPTS = append(data.CPTS, [2]string{e.CPTS.Name, r.url(plan.CPTSPage(e.CPTS))})
				}
				if !slices.Contains(lc.CPTS, k) {
					lc.CPTS = append(lc.CPTS, k)
				}
			}
			data.Communes = append(data.Communes, lc)
		}
		file, box := a.Location(data)
		if r.wanted(loc.Map) {
			add(loc.Map, a.DepartementBase(loc.Departement.Code))
		}
		if loc.Data != "" && r.wanted(loc.Data) {
			add(loc.Data, file)
			index = append(index, []any{loc.Departement.Code, box[0], box[1], box[2], box[3]})
		}
	}
	if r.plan.HasLocationIndex() && r.wanted(plan.LocationIndex) {
		b, _ := json.Marshal(map[string]any{"d": index})
		add(plan.LocationIndex, b)
	}
	return diags
}

// tileHost returns the origin of the tile server ("https://tile.example.org"),
// or "" when the interactive map is off.
func (r *renderer) tileHost() string {
	t := string(r.site.Config.Maps.Tiles)
	if t == "" || r.site.Config.Maps.Off {
		return ""
	}
	u, err := url.Parse(t)
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// checkTiles reports a tile URL template the map cannot use.
func (r *renderer) checkTiles() {
	t := string(r.site.Config.Maps.Tiles)
	if t == "" {
		return
	}
	for _, part := range []string{"{z}", "{x}", "{y}"} {
		if !strings.Contains(t, part) {
			r.diags.Errorf(r.site.Config.At("maps.tiles"), diag.URL, "maps.tiles: the tile URL has no %s", part).
				WithHint(`write a template such as "https://tile.example.org/{z}/{x}/{y}.png"`)
		}
	}
	if r.tileHost() == "" {
		r.diags.Errorf(r.site.Config.At("maps.tiles"), diag.URL, "maps.tiles: %q has no host", t)
	}
}

// csp returns the Content-Security-Policy of the pages: the site's own
// origin only, and the tile server's for images when the site switches
// the interactive map on.
func (r *renderer) csp() string {
	if h := r.tileHost(); h != "" {
		return strings.Replace(ContentSecurityPolicy, "img-src 'self' data:", "img-src 'self' data: "+h, 1)
	}
	return ContentSecurityPolicy
}

// tileMap returns what the template needs to show the interactive map of
// a CPTS, and writes the GeoJSON of its territory beside its page; nil
// when the map is off.
func (r *renderer) tileMap(c *model.CPTS) map[string]string {
	host := r.tileHost()
	if host == "" || len(territoryCodes(c)) == 0 {
		return nil
	}
	a := r.atlas()
	if a == nil {
		return nil
	}
	file := plan.TerritoryGeoJSON(c)
	r.add(plan.File(file), a.GeoJSON([]carto.Feature{{Properties: [][2]any{{"slug", c.Slug}, {"nom", c.Name}}, Communes: territoryCodes(c)}}))
	return map[string]string{"URL": string(r.site.Config.Maps.Tiles), "Host": strings.TrimPrefix(strings.TrimPrefix(host, "https://"), "http://"),
		"Attribution": r.site.Config.Maps.TilesAttribution, "GeoJSON": r.url(file)}
}

// territoriesFile returns the open data file of the territories, one
// GeoJSON Feature per CPTS (see carto.Atlas.GeoJSON), or nothing when
// maps are off.
func (r *renderer) territoriesFile() []opendata.File {
	a := r.atlas()
	if a == nil {
		return nil
	}
	fs := make([]carto.Feature, 0, len(r.site.CPTS))
	for _, c := range r.site.CPTS {
		codes := territoryCodes(c)
		fs = append(fs, carto.Feature{Properties: [][2]any{
			{"slug", c.Slug}, {"nom", c.Name}, {"statut", string(c.Status)}, {"url", r.abs(plan.CPTSPage(c))},
			{"communes", len(codes)}, {"population", c.Territory.Reach.Population}, {"population_partielle", c.Territory.Reach.PartialPopulation}, {"liste_incomplete", c.Territory.Incomplete},
		}, Communes: codes})
	}
	return []opendata.File{{Path: opendata.Dir + "territoires.geojson", Key: "territories", Format: "GeoJSON", Data: a.GeoJSON(fs)}}
}

// TerritoryMapsShowing returns the CPTS whose territory map (cptsMap)
// draws one of the communes codes: in their own territory, or in grey as
// the territory of a neighbour, when they claim a commune that borders
// one of them. codes are those a territory reaches in the coverage, cities
// covered through their arrondissements included. An incremental build
// renders their pages again when the claims on these communes changed.
// With maps off, it returns nil.
func TerritoryMapsShowing(site *model.Site, codes []string) ([]*model.CPTS, error) {
	if site.Config.Maps.Off || len(codes) == 0 {
		return nil, nil
	}
	a, err := carto.New(site.Geo)
	if err != nil {
		return nil, err
	}
	near := map[string]bool{}
	for _, code := range append(a.Neighbours(codes), codes...) {
		near[code] = true
	}
	var out []*model.CPTS
	seen := map[*model.CPTS]bool{}
	for _, code := range slices.Sorted(maps.Keys(near)) {
		for _, cl := range site.Coverage.Of(code) {
			if !seen[cl.CPTS] {
				seen[cl.CPTS] = true
				out = append(out, cl.CPTS)
			}
		}
	}
	return out, nil
}
