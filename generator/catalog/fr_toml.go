package catalog

// frenchTOML translates the commonest messages of the TOML parser
// (github.com/BurntSushi/toml), which "TOML syntax: %s" quotes. The
// catalogue's test finds each in the parser's source.
var frenchTOML = map[string]string{
	"expected a top-level item to end with a newline, comment, or EOF, but got %q instead": "une ligne doit finir après sa valeur (saut de ligne, commentaire ou fin du fichier), pas par %q",
	"expected value but found %q instead":                                                  "une valeur est attendue, %q trouvé",
	"expected '.' or '=', but got %q instead":                                              "'.' ou '=' attendu, %q trouvé",
	"expected '.' or ']' to end table name, but got %q instead":                            "'.' ou ']' attendu pour finir le nom de la table, %q trouvé",
	"expected a comma (',') or array terminator (']'), but got %s":                         "une virgule (',') ou la fin de la liste (']') est attendue, %s trouvé",
	"expected a comma or an inline table terminator '}', but got %s instead":               "une virgule ou la fin de la table ('}') est attendue, %s trouvé",
	"expected end of table array name delimiter ']', but got %q instead":                   "']' attendu pour finir le nom de la liste de tables, %q trouvé",
	"invalid datetime: %q":                                         "date invalide : %q",
	"strings cannot contain newlines":                              "un texte entre guillemets simples ne peut pas tenir sur plusieurs lignes : utilisez \"\"\" … \"\"\"",
	"unexpected EOF":                                               "fin du fichier inattendue",
	"unexpected EOF; expected key separator '='":                   "fin du fichier inattendue ; '=' attendu",
	"unexpected EOF; expected value":                               "fin du fichier inattendue ; une valeur est attendue",
	"unexpected '='":                                               "'=' inattendu",
	"unexpected '=': key name appears blank":                       "'=' inattendu : la clé semble vide",
	"unexpected comma":                                             "virgule inattendue",
	"Key '%s' has already been defined.":                           "la clé '%s' est déjà définie",
	"Invalid integer %q: cannot have leading zeroes":               "nombre entier %q invalide : pas de zéro en tête",
	"Invalid integer %q: underscores must be surrounded by digits": "nombre entier %q invalide : un _ doit être entre deux chiffres",
	"Invalid float value: %q":                                      "nombre décimal invalide : %q",
}
