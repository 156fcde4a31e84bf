package listing

import (
	"sort"
	"strings"

	"github.com/cpts-fr/cpts/generator/fold"
)

// The fields a listing's columns map to.
const (
	fieldName        = "name"
	fieldShortName   = "short_name"
	fieldCommunes    = "communes"
	fieldStatus      = "status"
	fieldDepartement = "departements"
	fieldEmail       = "email"
	fieldPhone       = "phone"
	fieldWebsite     = "website"
	fieldContact     = "contact"
	fieldAssociation = "association"
	fieldPopulation  = "declared_population"
	fieldIgnore      = "-"
)

// Columns lists, for each field, the headers that name it once folded
// (lower case, no accents, punctuation as spaces): the words of the
// listings of ARS, URPS and federations.
var Columns = map[string][]string{
	fieldName: {"nom", "nom de la cpts", "nom cpts", "cpts", "nom de la communaute", "libelle", "libelle cpts",
		"denomination", "intitule", "name", "nom du projet"},
	fieldShortName:   {"nom court", "sigle", "acronyme", "short name"},
	fieldCommunes:    {"communes", "commune", "liste des communes", "communes couvertes", "codes insee", "code insee", "insee", "code commune", "codes communes", "codes commune", "territoire", "perimetre", "communes du territoire"},
	fieldStatus:      {"statut", "etape", "stade", "avancement", "etat d avancement", "etat", "status", "niveau d avancement"},
	fieldDepartement: {"departement", "departements", "dep", "dept", "code departement", "num departement", "numero de departement"},
	fieldEmail:       {"courriel", "e mail", "email", "mail", "adresse mail", "adresse electronique", "adresse e mail", "contact mail"},
	fieldPhone:       {"telephone", "tel", "numero de telephone", "phone", "contact telephone"},
	fieldWebsite:     {"site", "site internet", "site web", "url", "web", "site internet de la cpts", "website"},
	fieldContact:     {"contact", "contacts", "referent", "coordinateur", "coordinatrice", "coordination", "nom du contact", "personne contact"},
	fieldAssociation: {"association", "structure porteuse", "porteur", "association porteuse"},
	fieldPopulation:  {"population", "population couverte", "nombre d habitants", "habitants", "population du territoire"},
}

// Fields returns the fields a column may map to, sorted, for --map.
func Fields() []string {
	out := make([]string, 0, len(Columns))
	for f := range Columns {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// headerKey folds a header for matching: lower case, no accents, every run
// of other characters one space.
func headerKey(s string) string {
	f := fold.Fold(strings.ReplaceAll(s, "(s)", ""))
	var b strings.Builder
	space := false
	for _, r := range f {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// fieldOf returns the field a header maps to: overrides first (by folded
// header), then the synonyms; "" when none.
func fieldOf(header string, overrides map[string]string) string {
	k := headerKey(header)
	for h, f := range overrides {
		if headerKey(h) == k {
			return f
		}
	}
	for f, names := range Columns {
		for _, n := range names {
			if n == k {
				return f
			}
		}
	}
	return ""
}

// columnOf returns the index of the first column mapped to field, or -1.
func columnOf(header []cell, field string, overrides map[string]string) int {
	for i, h := range header {
		if fieldOf(h.text, overrides) == field {
			return i
		}
	}
	return -1
}
