package listing

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/cpts-fr/cpts/generator/diag"
)

// Bounds on what a listing may hold: a national listing has about a
// thousand CPTS and 35,000 commune cells.
const (
	// MaxBytes is the largest listing file read.
	MaxBytes = 64 << 20
	// MaxRows is the most rows read.
	MaxRows = 200000
	// MaxColumns is the most columns read.
	MaxColumns = 200
	// maxUnzipped bounds the unzipped size of an XLSX, against zip bombs.
	maxUnzipped = 256 << 20
)

// table is a listing read into rows of cells, each with its position in
// the source file.
type table struct {
	header []cell
	rows   [][]cell
	notes  []Note // how the file was read (encoding)
	// exact is set when positions are those of each cell's first byte
	// (CSV), so that a token inside a cell can be pointed at.
	exact bool
}

// cell is one value and where it was read.
type cell struct {
	text string
	pos  diag.Pos
}

// readTable reads a listing by the extension of its name: .csv (or .txt,
// .tsv), .xlsx or .geojson (or .json).
func readTable(name string, data []byte) (*table, error) {
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%s: %d bytes, more than the limit of %d", name, len(data), MaxBytes)
	}
	switch ext := strings.ToLower(path.Ext(name)); ext {
	case ".csv", ".txt", ".tsv":
		return readCSV(name, data)
	case ".xlsx":
		return readXLSX(name, data)
	case ".geojson", ".json":
		return readGeoJSON(name, data)
	default:
		return nil, fmt.Errorf("%s: unknown listing format %q: want .csv, .xlsx or .geojson", name, ext)
	}
}

// readCSV decodes a CSV file: UTF-8 (a BOM is dropped) or, when the bytes
// are not UTF-8, Windows-1252, as spreadsheets export it.
func readCSV(name string, data []byte) (*table, error) {
	t := &table{exact: true}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		data = dec
		t.notes = append(t.notes, Note{diag.Pos{File: name}, "not UTF-8: read as Windows-1252 (a spreadsheet's CSV export)"})
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delimiter(data)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%s:%d:%d: %v", name, pe.Line, pe.Column, pe.Err)
			}
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if len(rec) > MaxColumns {
			rec = rec[:MaxColumns]
		}
		row := make([]cell, len(rec))
		for i, v := range rec {
			line, col := r.FieldPos(i)
			row[i] = cell{v, diag.Pos{File: name, Line: line, Col: col}}
		}
		if err := t.add(name, row); err != nil {
			return nil, err
		}
	}
	return t, t.check(name)
}

// delimiter picks the most frequent of ; , tab and | outside quotes in the
// first line; a comma when none is there.
func delimiter(data []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range string(data[:min(len(data), 64<<10)]) {
		if r == '"' {
			quoted = !quoted
		}
		if quoted {
			continue
		}
		if r == '\n' {
			break
		}
		if strings.ContainsRune(";,\t|", r) {
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t', '|'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// readXLSX reads the first sheet whose header has a name column, else the
// first sheet.
func readXLSX(name string, data []byte) (*table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable XLSX file: %v", name, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	var first *table
	for _, sheet := range sheets {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return nil, fmt.Errorf("%s: sheet %q: %v", name, sheet, err)
		}
		t := &table{}
		label := name
		if len(sheets) > 1 {
			label = name + "[" + sheet + "]"
		}
		for i, rec := range rows {
			if len(rec) > MaxColumns {
				rec = rec[:MaxColumns]
			}
			row := make([]cell, len(rec))
			for j, v := range rec {
				row[j] = cell{v, diag.Pos{File: label, Line: i + 1, Col: j + 1}}
			}
			if err := t.add(name, row); err != nil {
				return nil, err
			}
		}
		if first == nil {
			first = t
		}
		if t.header != nil && columnOf(t.header, fieldName, nil) >= 0 {
			return t, nil
		}
	}
	if first == nil {
		return nil, fmt.Errorf("%s: no sheet", name)
	}
	return first, first.check(name)
}

// readGeoJSON reads the properties of the features of a FeatureCollection,
// one row each, the header being the keys in the order first seen. Each
// cell's position is its feature's.
func readGeoJSON(name string, data []byte) (*table, error) {
	feats, err := features(name, data)
	if err != nil {
		return nil, err
	}
	t := &table{}
	var keys []string
	index := map[string]int{}
	props := make([][]kv, len(feats))
	for i, f := range feats {
		if props[i], err = orderedProperties(f.properties); err != nil {
			return nil, fmt.Errorf("%s: properties: %v", f.pos, err)
		}
		for _, p := range props[i] {
			if _, ok := index[p.key]; !ok && len(keys) < MaxColumns {
				index[p.key] = len(keys)
				keys = append(keys, p.key)
			}
		}
	}
	header := make([]cell, len(keys))
	for i, k := range keys {
		header[i] = cell{k, diag.Pos{File: name, Line: 1}}
	}
	if err := t.add(name, header); err != nil {
		return nil, err
	}
	for i, ps := range props {
		row := make([]cell, len(keys))
		for j := range row {
			row[j].pos = feats[i].pos
		}
		for _, p := range ps {
			if j, ok := index[p.key]; ok {
				row[j].text = p.value
			}
		}
		if err := t.add(name, row); err != nil {
			return nil, err
		}
	}
	return t, t.check(name)
}

// feature is the properties of a GeoJSON feature and where it starts.
type feature struct {
	properties json.RawMessage
	pos        diag.Pos
}

// features streams the features of a FeatureCollection, noting where each
// starts.
func features(name string, data []byte) ([]feature, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	bad := func(err error) error { return fmt.Errorf("%s: not a GeoJSON FeatureCollection: %v", name, err) }
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, bad(fmt.Errorf("want an object"))
	}
	var out []feature
	typ := ""
	lines := lineCounter{data: data}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, bad(err)
		}
		switch tok {
		case "type":
			if err := dec.Decode(&typ); err != nil {
				return nil, bad(err)
			}
		case "features":
			if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
				return nil, bad(fmt.Errorf("features is not a list"))
			}
			for dec.More() {
				start := int(dec.InputOffset())
				for start < len(data) && strings.IndexByte(" \t\r\n,", data[start]) >= 0 {
					start++
				}
				var f struct {
					Properties json.RawMessage `json:"properties"`
				}
				if err := dec.Decode(&f); err != nil {
					return nil, bad(err)
				}
				if len(out) == MaxRows {
					return nil, fmt.Errorf("%s: more than %d features", name, MaxRows)
				}
				line, col := lines.at(start)
				out = append(out, feature{f.Properties, diag.Pos{File: name, Line: line, Col: col}})
			}
			if _, err := dec.Token(); err != nil {
				return nil, bad(err)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, bad(err)
			}
		}
	}
	if typ != "FeatureCollection" {
		return nil, fmt.Errorf("%s: want a GeoJSON FeatureCollection, got type %q", name, typ)
	}
	return out, nil
}

// lineCounter turns increasing byte offsets into lines and columns.
type lineCounter struct {
	data       []byte
	off, line  int
	lineOffset int
}

func (l *lineCounter) at(off int) (line, col int) {
	if l.line == 0 {
		l.line = 1
	}
	for ; l.off < off && l.off < len(l.data); l.off++ {
		if l.data[l.off] == '\n' {
			l.line++
			l.lineOffset = l.off + 1
		}
	}
	return l.line, off - l.lineOffset + 1
}

// kv is one property of a feature, its value as text.
type kv struct{ key, value string }

// orderedProperties decodes a properties object keeping the order of its
// keys; a list becomes its items joined by "; ", a number its text.
func orderedProperties(raw json.RawMessage) ([]kv, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("want an object")
	}
	var out []kv
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, kv{key, text(v)})
	}
	return out, nil
}

// text writes a JSON value as a cell would hold it.
func text(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = text(x)
		}
		return strings.Join(parts, "; ")
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// add appends a row, the first non-empty one becoming the header.
func (t *table) add(name string, row []cell) error {
	empty := true
	for _, c := range row {
		if strings.TrimSpace(c.text) != "" {
			empty = false
			break
		}
	}
	if empty {
		return nil
	}
	if t.header == nil {
		t.header = row
		return nil
	}
	if len(t.rows) == MaxRows {
		return fmt.Errorf("%s: more than %d rows", name, MaxRows)
	}
	t.rows = append(t.rows, row)
	return nil
}

func (t *table) check(name string) error {
	if t.header == nil {
		return fmt.Errorf("%s: empty listing", name)
	}
	return nil
}
