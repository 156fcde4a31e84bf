package search

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cpts-fr/cpts/generator/model"
)

// A query that names a profession and a place ("infirmier gourdon",
// "kiné lunel") is answered with the place: its results, each CPTS of a
// commune said to list the profession among its members or not. The
// manifest holds the words that name a profession (professionWords); the
// CPTS that list each profession are in search/professions.<hash>.json,
// fetched only for such a query.

// professionSynonyms are words people type for a profession besides those
// of its label and slug.
var professionSynonyms = map[string][]string{
	"masseur-kinesitherapeute": {"kine", "kines", "kinesi", "kinesitherapeute", "physiotherapeute"},
	"medecin-generaliste":      {"generaliste", "medecin", "docteur", "mg"},
	"infirmier":                {"infirmiere", "infirmieres", "idel", "ide"},
	"pharmacien":               {"pharmacienne", "pharmacie", "officine"},
	"sage-femme":               {"sagefemme", "maieuticien"},
	"chirurgien-dentiste":      {"dentiste"},
	"pedicure-podologue":       {"podologue", "pedicure"},
	"dieteticien":              {"dieteticienne"},
	"psychologue":              {"psy"},
}

// professionsJSON is search/professions.<hash>.json: for each profession,
// its label and the slugs of the CPTS that list it among their members.
type professionsJSON struct {
	Version int                         `json:"v"`
	P       map[string]professionListed `json:"p"`
}

type professionListed struct {
	Label string   `json:"label"`
	CPTS  []string `json:"cpts"`
}

// professionWords maps each word naming a profession to its slug: the
// words of its label and slug of four letters or more ("infirmier",
// "infirmiere"; not "ou"), and professionSynonyms.
func professionWords(label func(key, fallback string) string) map[string]string {
	out := map[string]string{}
	for _, p := range model.Profession("").Values() {
		if p == "non-precise" || p == "coordinateur" {
			continue
		}
		words := append(Words(label("profession."+p, p)), Words(strings.ReplaceAll(p, "-", " "))...)
		for _, w := range words {
			if len(w) >= 4 && !Particle(w) {
				if _, taken := out[w]; !taken {
					out[w] = p
				}
			}
		}
		for _, w := range professionSynonyms[p] {
			out[w] = p
		}
	}
	return out
}

// professionsListed returns, for each profession, its label and the CPTS
// that list it among their members, by slug.
func professionsListed(site *model.Site, label func(key, fallback string) string) professionsJSON {
	out := professionsJSON{Version: FormatVersion, P: map[string]professionListed{}}
	for _, p := range model.Profession("").Values() {
		if p == "non-precise" || p == "coordinateur" {
			continue
		}
		l := professionListed{Label: label("profession."+p, p), CPTS: []string{}}
		for _, x := range site.CPTS {
			if listsProfession(x, p) {
				l.CPTS = append(l.CPTS, x.Slug)
			}
		}
		out.P[p] = l
	}
	return out
}

// professionOf returns the slug of the profession a word of a query names
// (a word of the manifest's vocabulary, or its plural), or "".
func (s *Searcher) professionOf(w string) string {
	if p, ok := s.man.Professions[w]; ok {
		return p
	}
	return s.man.Professions[strings.TrimSuffix(w, "s")]
}

// splitProfession returns the profession a query names (a word of the
// manifest's vocabulary, or its plural) and its words that do not name
// it: the place; "" when there is no profession or no place.
func (s *Searcher) splitProfession(req []string) (string, []string) {
	p := ""
	for _, w := range req {
		if p = s.professionOf(w); p != "" {
			break
		}
	}
	var place []string
	for _, w := range req {
		if p != "" && s.professionOf(w) != p {
			place = append(place, w)
		}
	}
	if len(place) == 0 {
		return "", nil
	}
	return p, place
}

// withProfession says, of each CPTS of the results, whether it lists the
// profession among its members.
func (s *Searcher) withProfession(results []Result, p string) ([]Result, error) {
	if s.professions == nil {
		data, err := s.read("search/professions." + s.man.ProfessionsFile + ".json")
		if err != nil {
			return nil, err
		}
		s.professions = new(professionsJSON)
		if err := json.Unmarshal(data, s.professions); err != nil {
			return nil, fmt.Errorf("search: professions: %v", err)
		}
	}
	listed := s.professions.P[p]
	for i := range results {
		r := &results[i]
		r.Profession = listed.Label
		r.Listed = make([]bool, len(r.slugs))
		for j, slug := range r.slugs {
			r.Listed[j] = contains(listed.CPTS, slug)
		}
	}
	return results, nil
}
