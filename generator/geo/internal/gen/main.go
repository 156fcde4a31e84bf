// Command gen derives the compact reference data embedded by package geo
// from the CSV files of the shared data folder (see its README.md).
//
// Usage, from the repository root:
//
//	go run ./generator/geo/internal/gen -data ../shared/data -out generator/geo/data
//
// or `go generate ./generator/geo`. It checks the input (unique codes, known
// départements, régions and EPCI, EPCI membership equal to the communes'
// epci_siren, no tab in any value) and writes tab-separated files with
// sorted rows, gzip-compressed without name or time stamp, so that running
// it twice gives byte-identical output. The format is described in the doc
// of package geo.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// version is the format version written on the first line of every file.
// Bump it, and the loader's, when a column changes.
const version = "#cpts-geo/1"

func main() {
	data := flag.String("data", "../shared/data", "folder holding communes.csv and the other source files")
	out := flag.String("out", "generator/geo/data", "folder to write the derived files to")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// table is a CSV file read into rows, with its columns by name.
type table struct {
	name string
	cols map[string]int
	rows [][]string
}

// get returns the named column of row r.
func (t *table) get(r []string, col string) string {
	i, ok := t.cols[col]
	if !ok {
		panic(fmt.Sprintf("%s: no column %q", t.name, col))
	}
	return r[i]
}

func read(dir, name string, want ...string) (*table, error) {
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(rows) < 2 {
		return nil, fmt.Errorf("%s: no rows", name)
	}
	t := &table{name: name, cols: map[string]int{}, rows: rows[1:]}
	for i, c := range rows[0] {
		t.cols[c] = i
	}
	for _, c := range want {
		if _, ok := t.cols[c]; !ok {
			return nil, fmt.Errorf("%s: missing column %q", name, c)
		}
	}
	for i, r := range t.rows {
		for _, v := range r {
			if strings.ContainsAny(v, "\t\n\r") {
				return nil, fmt.Errorf("%s:%d: value %q holds a tab or a line break", name, i+2, v)
			}
		}
	}
	return t, nil
}

func run(dataDir, outDir string) error {
	com, err := read(dataDir, "communes.csv", "code_insee", "nom", "type", "commune_parente", "zone",
		"departement_code", "region_code", "epci_siren", "codes_postaux", "population", "lat", "lon",
		"anciens_codes", "has_polygon")
	if err != nil {
		return err
	}
	del, err := read(dataDir, "communes-deleguees-associees.csv", "code_insee", "nom", "type",
		"commune_parente", "commune_parente_nom", "departement_code")
	if err != nil {
		return err
	}
	dep, err := read(dataDir, "departements.csv", "code", "nom", "region_code", "chef_lieu", "zone")
	if err != nil {
		return err
	}
	reg, err := read(dataDir, "regions.csv", "code", "nom", "chef_lieu", "zone")
	if err != nil {
		return err
	}
	epci, err := read(dataDir, "epci.csv", "siren", "nom", "type", "communes")
	if err != nil {
		return err
	}

	regions := map[string]bool{}
	var regRows [][]string
	for _, r := range reg.rows {
		code := reg.get(r, "code")
		if regions[code] {
			return fmt.Errorf("regions.csv: duplicate code %s", code)
		}
		regions[code] = true
		regRows = append(regRows, []string{code, reg.get(r, "nom"), reg.get(r, "chef_lieu"), reg.get(r, "zone")})
	}
	// depOf holds the region and zone of each departement, which its
	// communes share: the commune rows do not repeat them.
	depOf := map[string][2]string{}
	var depRows [][]string
	for _, r := range dep.rows {
		code, region := dep.get(r, "code"), dep.get(r, "region_code")
		if _, dup := depOf[code]; dup {
			return fmt.Errorf("departements.csv: duplicate code %s", code)
		}
		if !regions[region] {
			return fmt.Errorf("departements.csv: %s: unknown region %s", code, region)
		}
		depOf[code] = [2]string{region, dep.get(r, "zone")}
		depRows = append(depRows, []string{code, dep.get(r, "nom"), region, dep.get(r, "chef_lieu"), dep.get(r, "zone")})
	}

	// EPCI members, as listed by epci.csv, to compare with the communes.
	members := map[string][]string{}
	var epciRows [][]string
	for _, r := range epci.rows {
		siren := epci.get(r, "siren")
		if _, dup := members[siren]; dup {
			return fmt.Errorf("epci.csv: duplicate SIREN %s", siren)
		}
		m := strings.Fields(epci.get(r, "communes"))
		slices.Sort(m)
		members[siren] = m
		epciRows = append(epciRows, []string{siren, epci.get(r, "nom"), epci.get(r, "type")})
	}

	codes := map[string]bool{}
	fromCommunes := map[string][]string{}
	var comRows [][]string
	for _, r := range com.rows {
		g := func(c string) string { return com.get(r, c) }
		code, kind, parent := g("code_insee"), g("type"), g("commune_parente")
		if codes[code] {
			return fmt.Errorf("communes.csv: duplicate code %s", code)
		}
		codes[code] = true
		// The type is not written: a row has a parent if and only if it is
		// an arrondissement.
		switch {
		case kind == "commune" && parent == "":
		case kind == "arrondissement-municipal" && parent != "":
		default:
			return fmt.Errorf("communes.csv: %s: type %q with parent %q", code, kind, parent)
		}
		if d, ok := depOf[g("departement_code")]; !ok || d != [2]string{g("region_code"), g("zone")} {
			return fmt.Errorf("communes.csv: %s: departement %s, region %s and zone %s do not match departements.csv",
				code, g("departement_code"), g("region_code"), g("zone"))
		}
		if s := g("epci_siren"); s != "" {
			if _, ok := members[s]; !ok {
				return fmt.Errorf("communes.csv: %s: unknown EPCI %s", code, s)
			}
			if kind == "commune" {
				fromCommunes[s] = append(fromCommunes[s], code)
			}
		}
		if (g("lat") == "") != (g("lon") == "") {
			return fmt.Errorf("communes.csv: %s: lat and lon must both be set or both be empty", code)
		}
		comRows = append(comRows, []string{code, g("nom"), parent, g("departement_code"), g("epci_siren"),
			strings.Join(strings.Fields(g("codes_postaux")), " "), g("population"), g("lat"), g("lon"),
			strings.Join(strings.Fields(g("anciens_codes")), " "), g("has_polygon")})
	}
	for _, r := range comRows {
		if r[2] != "" && !codes[r[2]] {
			return fmt.Errorf("communes.csv: %s: unknown parent %s", r[0], r[2])
		}
	}
	for siren, m := range members {
		got := fromCommunes[siren]
		slices.Sort(got)
		if !slices.Equal(m, got) {
			return fmt.Errorf("epci.csv: %s lists %d communes, communes.csv gives it %d", siren, len(m), len(got))
		}
	}

	var delRows [][]string
	for _, r := range del.rows {
		g := func(c string) string { return del.get(r, c) }
		if !codes[g("commune_parente")] {
			return fmt.Errorf("communes-deleguees-associees.csv: %s: unknown parent %s", g("code_insee"), g("commune_parente"))
		}
		delRows = append(delRows, []string{g("code_insee"), g("nom"), g("type"), g("commune_parente"),
			g("commune_parente_nom"), g("departement_code")})
	}

	files := []struct {
		name, table string
		gzip        bool
		cols        []string
		rows        [][]string
	}{
		{"communes.tsv.gz", "communes", true, []string{"code", "name", "parent", "departement", "epci",
			"postal_codes", "population", "lat", "lon", "former_codes", "polygon"}, comRows},
		{"deleguees.tsv.gz", "deleguees", true, []string{"code", "name", "kind", "parent", "parent_name", "departement"}, delRows},
		{"epci.tsv.gz", "epci", true, []string{"siren", "name", "type"}, epciRows},
		{"departements.tsv", "departements", false, []string{"code", "name", "region", "chef_lieu", "zone"}, depRows},
		{"regions.tsv", "regions", false, []string{"code", "name", "chef_lieu", "zone"}, regRows},
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		slices.SortFunc(f.rows, func(a, b []string) int { return slices.Compare(a, b) })
		var buf bytes.Buffer
		fmt.Fprintf(&buf, "%s %s\n%s\n", version, f.table, strings.Join(f.cols, "\t"))
		for _, r := range f.rows {
			buf.WriteString(strings.Join(r, "\t"))
			buf.WriteByte('\n')
		}
		data := buf.Bytes()
		if f.gzip {
			if data, err = compress(data, memberSize); err != nil {
				return err
			}
		}
		if err := os.WriteFile(filepath.Join(outDir, f.name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// memberSize is the uncompressed size after which compress starts a new
// gzip member. Package geo decompresses the next member of communes.tsv.gz
// while it parses one, and reserves room for members of this size.
const memberSize = 256 << 10

// compress gzips data at the best level, as a series of gzip members of
// whole lines of about size bytes each (a valid gzip file: gunzip and zcat
// concatenate them). Headers are empty (no name, no time stamp) so the
// output depends on the input only.
func compress(data []byte, size int) ([]byte, error) {
	var buf bytes.Buffer
	for len(data) > 0 {
		n := len(data)
		if n > size {
			n = size + bytes.IndexByte(data[size:], '\n') + 1
			if n <= size {
				n = len(data)
			}
		}
		zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		if err != nil {
			return nil, err
		}
		if _, err := zw.Write(data[:n]); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		data = data[n:]
	}
	return buf.Bytes(), nil
}
