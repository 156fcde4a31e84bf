// Package geo holds the reference data of French communes, embedded in the
// binary, and answers lookups on it: by INSEE code, postal code, name,
// département, région and EPCI, plus did-you-mean suggestions for mistyped
// codes and names.
//
// # Data
//
// The vintage is COG 2026 (codes, names, EPCI, postal codes) from the npm
// package @etalab/decoupage-administratif 6.0.0, with interior points
// computed from IGN ADMIN EXPRESS 2025 polygons; see README.md of the shared
// data folder for sources, licences and caveats. The table holds 34,969
// communes and the 45 arrondissements municipaux of Paris, Lyon and
// Marseille (35,014 rows), 101 départements plus 8 COM entries, 18 régions
// plus 8 COM entries, 1,255 EPCI and 2,576 communes déléguées or associées.
//
// Load parses the embedded files on each call and returns an immutable
// Table; there is no package state. The pointers and slices it returns are
// shared by all callers and must not be modified.
//
// # Choices
//
//   - Commune includes the arrondissements (Kind KindArrondissement, Parent
//     set); Communes, InDepartement, ByName and ByPostalCode return them
//     alongside the communes. Filter on Kind where only communes count.
//   - ByPostalCode returns every row whose postal codes include the code.
//     Paris, Lyon and Marseille carry all the postal codes of their
//     arrondissements, so ByPostalCode("75001") returns both 75056 Paris and
//     75101 Paris 1er Arrondissement (Paris first, being more populous).
//   - A code that is both a current commune and a commune déléguée (the
//     chef-lieu keeps its code) resolves to the current commune in Commune;
//     Former still lists the déléguée row. MergedInto maps every former code
//     in anciens_codes (communes déléguées, associées or fully merged) to the
//     commune that absorbed it.
//   - EPCI membership is read from the communes' EPCI column, so it is not
//     stored twice; the generator checks that it equals the lists of
//     epci.csv. Arrondissements belong to the EPCI of their parent but are
//     not listed in EPCI.Communes.
//   - Population is 0 when unknown (6 uninhabited COM); Lat and Lon are 0
//     and HasPoint false for the 94 COM, which have no point.
//
// # Format of the embedded files
//
// The files in data/ are derived from the shared CSV files by
// internal/gen (run `go generate` in this package, or
// `go run ./generator/geo/internal/gen -data ../shared/data -out generator/geo/data`
// from the repository root) and committed. Generation is deterministic:
// rows sorted, gzip without name or time stamp, so regenerating gives
// byte-identical files. At run time nothing outside the binary is read.
//
// Every file is UTF-8, tab-separated, one row per line, no quoting; the
// .gz files are gzip-compressed, communes.tsv.gz as a series of gzip
// members of whole lines of about 256 KiB each (zcat reads it as one file;
// Load parses a member while the next one is decompressed). Line 1
// is the format version and the table name, for example
// "#cpts-geo/1 communes"; line 2 names the columns. Load rejects a file
// whose first two lines are not exactly the ones it knows, so a change of
// columns must bump the version in the generator and in Load together.
// Multi-valued cells are space-separated; an empty cell means unknown.
//
//	communes.tsv.gz   code name parent departement epci postal_codes
//	                  population lat lon former_codes polygon
//	deleguees.tsv.gz  code name kind parent parent_name departement
//	epci.tsv.gz       siren name type
//	departements.tsv  code name region chef_lieu zone
//	regions.tsv       code name chef_lieu zone
//
// A commune row leaves out what it shares with others: its région and zone
// are those of its département, its kind is "arrondissement-municipal" when
// it has a parent and "commune" otherwise, and the EPCI names are in
// epci.tsv.gz. The generator checks that the source agrees with these
// rules before leaving the columns out. lat and lon keep the 5 decimals of
// the source as text; polygon is 1 when the shared data has a boundary for
// the commune.
//
// Boundaries, for maps, are reserved for later as separate files, one per
// département, so a page only decodes what it draws:
// data/boundaries/<departement>.tsv.gz with the header
// "#cpts-geo/1 boundaries" and one row per commune (code, then the
// encoded rings). Adding them changes neither the files above nor their
// version.
package geo

//go:generate go run ./internal/gen -data ../../../shared/data -out data
