// Package opendata turns a site into open data files: the list of CPTS as
// JSON and CSV, the table from commune to CPTS as CSV, their schemas (a
// JSON Schema and Table Schemas in the conventions of schema.data.gouv.fr)
// and a Data Package descriptor that names the licence.
//
// It is a pure function of the model: Files(site) returns the files and
// their descriptions for the data page, in a fixed order, with
// deterministic bytes (columns in a fixed order, rows sorted, no build
// date). Only public fields are exported: a member's name only when its
// record says public = true, and no member note.
//
// The schemas are the files of schemas/, embedded; a test checks that
// their columns and keys are those the code writes.
package opendata
