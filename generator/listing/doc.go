// Package listing turns the listing of CPTS that an ARS, a URPS or a
// federation keeps (a CSV or XLSX spreadsheet, or the properties of a
// GeoJSON) into content records in the project's format, and reports
// every normalisation it made and every value it left out, at the row and
// column it read them from. It never prints and never guesses silently:
// a commune name that matches no commune, or several, is an error with
// did-you-mean candidates.
//
// # Reading
//
// A CSV's encoding (UTF-8 with or without BOM, else Windows-1252) and
// delimiter (; , tab or |, the most frequent in the header line) are
// detected. An XLSX is read from its first sheet whose header names a
// CPTS column, within bounds on its unzipped size. A GeoJSON gives the
// properties of its features, one row each. The first row is the header;
// columns are mapped by their header with French synonyms (Columns), or
// by Options.Map.
//
// # Rows
//
// A row is one CPTS, or one commune of a CPTS: rows with the same name
// (folded) make one CPTS, and a row with an empty name continues the one
// above (merged cells). The communes cell holds INSEE codes, names or
// both, separated by ; , / | or line breaks; "(partie)", "infra", "partie
// de …" mark a commune covered in part, a parenthesised département code
// or postal code picks among homonyms, and "Marseille 5e" names an
// arrondissement. A name is resolved against the reference data (case,
// accents, articles and St/Ste folded); homonyms are decided by the CPTS's
// départements (its column, or the communes of the CPTS already known),
// else reported. A former code or commune déléguée is mapped to its
// current commune, with a note. A commune claimed by several CPTS is
// marked partial in each, as is a city listed whole when others list its
// arrondissements.
//
// # Output
//
// Files returns content/cpts/<slug>/index.md, communes.toml and
// contacts.toml for each CPTS, byte for byte the same for the same
// listing. A stage that the listing does not give, or gives in words
// that match no stage, is left out (the site shows "étape non
// renseignée"); so is a summary, which listings do not have.
package listing
