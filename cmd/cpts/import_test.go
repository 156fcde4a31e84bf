package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// TestImportScripts runs the scripts of testdata/import: listings turned
// into content by cpts import, then checked and built.
func TestImportScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/import", Setup: englishMessages, Cmds: map[string]func(*testscript.TestScript, bool, []string){
		"encode":   cmdEncode,
		"csv2xlsx": cmdCSV2XLSX,
		"cmptree":  cmdCmpTree,
	}})
}

// cmdEncode writes a UTF-8 file in another encoding, as spreadsheets
// export CSV: encode bom|cp1252 IN OUT.
func cmdEncode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: encode bom|cp1252 in out")
	}
	data := []byte(ts.ReadFile(args[1]))
	switch args[0] {
	case "bom":
		data = append([]byte("\xef\xbb\xbf"), data...)
	case "cp1252":
		var err error
		data, err = charmap.Windows1252.NewEncoder().Bytes(data)
		ts.Check(err)
	default:
		ts.Fatalf("unknown encoding %q", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), data, 0o644))
}

// cmdCSV2XLSX writes the rows of a ;-separated CSV file into the first
// sheet of an XLSX file, as a spreadsheet would save them: csv2xlsx IN OUT.
func cmdCSV2XLSX(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: csv2xlsx in.csv out.xlsx")
	}
	r := csv.NewReader(strings.NewReader(ts.ReadFile(args[0])))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	ts.Check(err)
	f := excelize.NewFile()
	for i, row := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		ts.Check(err)
		ts.Check(f.SetSheetRow("Sheet1", cell, &row))
	}
	ts.Check(f.SaveAs(ts.MkAbs(args[1])))
	ts.Check(f.Close())
}

// cmdCmpTree compares two folders file by file, leaving out the lines
// that name the listing a file was imported from: cmptree DIR1 DIR2.
func cmdCmpTree(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: cmptree dir1 dir2")
	}
	read := func(dir string) map[string]string {
		out := map[string]string{}
		root := ts.MkAbs(dir)
		ts.Check(filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			var kept []string
			for _, l := range strings.Split(string(data), "\n") {
				if !strings.HasPrefix(l, "# Imported from ") {
					kept = append(kept, l)
				}
			}
			rel, _ := filepath.Rel(root, p)
			out[filepath.ToSlash(rel)] = strings.Join(kept, "\n")
			return err
		}))
		return out
	}
	a, b := read(args[0]), read(args[1])
	var diff bytes.Buffer
	for p, x := range a {
		if y, ok := b[p]; !ok {
			diff.WriteString("only in " + args[0] + ": " + p + "\n")
		} else if x != y {
			diff.WriteString("differs: " + p + "\n")
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			diff.WriteString("only in " + args[1] + ": " + p + "\n")
		}
	}
	if same := diff.Len() == 0; same == neg {
		ts.Fatalf("trees %s and %s: %s", args[0], args[1], map[bool]string{true: "equal", false: diff.String()}[same])
	}
}
