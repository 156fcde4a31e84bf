package opendata

import (
	"bytes"
	"embed"
	"encoding/json"
	"path"
	"strings"

	"github.com/cpts-fr/cpts/generator/model"
)

// Dir is the folder of the open data files and of their page
// (plan.OpenData, without its leading slash).
const Dir = "donnees/"

// File is one published data file and what the data page says of it.
type File struct {
	Path   string // site path without leading slash: "donnees/cpts.csv"
	Key    string // names its title and description in the UI strings: data_file_<key>, data_file_<key>_desc
	Format string // "CSV", "JSON", "GeoJSON"
	Schema string // path of the file's schema, "" for a schema itself
	Data   []byte
}

// Licence is the licence of the data, as config's [data] licence names it.
type Licence struct {
	Name  model.Licence // the config value, which names its UI label: "etalab-2.0"
	ID    string        // SPDX identifier: "etalab-2.0", "ODbL-1.0"
	Title string        // official title
	URL   string
}

var licences = map[model.Licence]Licence{
	"etalab-2.0":   {"etalab-2.0", "etalab-2.0", "Licence Ouverte / Open Licence version 2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"},
	"odbl-1.0":     {"odbl-1.0", "ODbL-1.0", "Open Database License (ODbL) v1.0", "https://opendatacommons.org/licenses/odbl/1-0/"},
	"cc-by-4.0":    {"cc-by-4.0", "CC-BY-4.0", "Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"},
	"cc-by-sa-4.0": {"cc-by-sa-4.0", "CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0 International", "https://creativecommons.org/licenses/by-sa/4.0/"},
	"cc0-1.0":      {"cc0-1.0", "CC0-1.0", "Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"},
}

// LicenceOf returns the licence a configuration chooses; the default,
// Licence Ouverte 2.0, when it names none or one this package lacks.
func LicenceOf(cfg model.Config) Licence {
	if l, ok := licences[cfg.Data.Licence]; ok {
		return l
	}
	return licences["etalab-2.0"]
}

//go:embed schemas/*.json
var schemas embed.FS

// Files returns the data files of a site and their schemas, in the order
// the data page lists them, with extra files made elsewhere (the
// territories' GeoJSON, drawn by package carto) after the tables. The
// descriptor datapackage.json comes last and lists them all.
func Files(site *model.Site, extra ...File) []File {
	lic := LicenceOf(site.Config)
	rows := cptsRows(site)
	files := []File{
		{Path: Dir + "cpts.json", Key: "cpts_json", Format: "JSON", Schema: Dir + "cpts.schema.json", Data: cptsJSON(site, rows, lic)},
		{Path: Dir + "cpts.csv", Key: "cpts_csv", Format: "CSV", Schema: Dir + "cpts.tableschema.json", Data: writeCSV(cptsColumns, cptsTable(rows))},
		{Path: Dir + "communes-cpts.csv", Key: "communes_csv", Format: "CSV", Schema: Dir + "communes-cpts.tableschema.json", Data: writeCSV(communeColumns, communeTable(site))},
	}
	files = append(files, extra...)
	for _, name := range []string{"cpts.schema.json", "cpts.tableschema.json", "communes-cpts.tableschema.json"} {
		data, _ := schemas.ReadFile("schemas/" + name) // embedded: cannot fail
		files = append(files, File{Path: Dir + name, Key: "schema", Format: "JSON", Data: data})
	}
	files = append(files, File{Path: Dir + "datapackage.json", Key: "datapackage", Format: "JSON", Data: dataPackage(site, lic, extra)})
	return files
}

// dataPackage writes the Frictionless Data Package descriptor: the
// resources with their schema and the licence.
func dataPackage(site *model.Site, lic Licence, extra []File) []byte {
	type licence struct {
		Name  string `json:"name"`
		Title string `json:"title"`
		Path  string `json:"path"`
	}
	type resource struct {
		Name   string `json:"name"`
		Path   string `json:"path"`
		Format string `json:"format"`
		Schema string `json:"schema,omitempty"`
	}
	pkg := struct {
		Name      string     `json:"name"`
		Title     string     `json:"title"`
		Homepage  string     `json:"homepage"`
		Licenses  []licence  `json:"licenses"`
		Resources []resource `json:"resources"`
	}{
		Name:     "annuaire-cpts",
		Title:    site.Config.Title,
		Homepage: baseURL(site),
		Licenses: []licence{{lic.ID, lic.Title, lic.URL}},
		Resources: []resource{
			{"cpts-json", "cpts.json", "json", "cpts.schema.json"},
			{"cpts", "cpts.csv", "csv", "cpts.tableschema.json"},
			{"communes-cpts", "communes-cpts.csv", "csv", "communes-cpts.tableschema.json"},
		},
	}
	for _, f := range extra {
		name := strings.TrimPrefix(f.Path, Dir)
		pkg.Resources = append(pkg.Resources, resource{strings.TrimSuffix(name, path.Ext(name)), name, strings.ToLower(f.Format), strings.TrimPrefix(f.Schema, Dir)})
	}
	return marshal(pkg)
}

// marshal encodes v as indented JSON with a final newline, leaving <, >
// and & as they are (the files are data, never inlined in HTML).
func marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // plain structs of strings, numbers and slices
	return b.Bytes()
}

// baseURL returns the site's base URL with one final slash.
func baseURL(site *model.Site) string {
	return strings.TrimSuffix(string(site.Config.BaseURL), "/") + "/"
}
