package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pool is a bank of sentence templates. A template names its variables in
// braces: "{la_cpts} compte {n_communes} communes." Every variable a
// template uses must be set in the writer, or fill panics: the tests
// generate every kind of document, so a typo shows up there.
type pool []string

// writer builds a Markdown document from pools, counting its words. Each
// pool is shuffled once per document and consumed in that order, so a
// document never repeats a sentence.
type writer struct {
	b     strings.Builder
	words int
	rng   *rand.Rand
	vars  map[string]string
	decks map[*pool][]string
}

func newWriter(rng *rand.Rand, vars map[string]string) *writer {
	return &writer{rng: rng, vars: vars, decks: map[*pool][]string{}}
}

// draw returns the next unused sentence of the first pool that has one, or
// "" when all are used up.
func (w *writer) draw(pools ...*pool) string {
	for _, p := range pools {
		d, ok := w.decks[p]
		if !ok {
			d = make([]string, len(*p))
			for i, j := range w.rng.Perm(len(*p)) {
				d[i] = (*p)[j]
			}
		}
		if len(d) > 0 {
			w.decks[p] = d[1:]
			return w.fill(d[0])
		}
		w.decks[p] = d
	}
	return ""
}

// fill replaces the {name} variables of a template.
func (w *writer) fill(tmpl string) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		name := tmpl[i+1 : i+j]
		v, ok := w.vars[name]
		if !ok {
			panic("corpus: template variable {" + name + "} is not set in: " + tmpl)
		}
		b.WriteString(tmpl[:i])
		b.WriteString(v)
		tmpl = tmpl[i+j+1:]
	}
}

// write adds raw Markdown and counts its words.
func (w *writer) write(s string) {
	w.b.WriteString(s)
	w.words += countWords(s)
}

// countWords counts the runs of non-space bytes of s.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\n'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

func (w *writer) heading(title string) { w.write("## " + title + "\n\n") }

// para writes a paragraph of n sentences drawn from the pools.
func (w *writer) para(n int, pools ...*pool) { w.paraWith("", n, pools...) }

// paraWith writes a paragraph that opens with the template first, then
// n sentences drawn from the pools.
func (w *writer) paraWith(first string, n int, pools ...*pool) {
	var parts []string
	if first != "" {
		parts = append(parts, w.fill(first))
	}
	for range n {
		if s := w.draw(pools...); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) > 0 {
		w.write(strings.Join(parts, " ") + "\n\n")
	}
}

// fillTo writes paragraphs of 2 to 4 sentences until the document has
// `words` words (it stops within a sentence of it) or the pools run dry.
func (w *writer) fillTo(words int, pools ...*pool) {
	for w.words < words {
		var parts []string
		n := w.words
		for range 2 + w.rng.IntN(3) {
			s := w.draw(pools...)
			if s == "" {
				break
			}
			parts = append(parts, s)
			if n += countWords(s); n >= words {
				break
			}
		}
		if len(parts) == 0 {
			return
		}
		w.write(strings.Join(parts, " ") + "\n\n")
	}
}

// list writes a bulleted list.
func (w *writer) list(items []string) {
	if len(items) == 0 {
		return
	}
	var b strings.Builder
	for _, it := range items {
		b.WriteString("- " + it + "\n")
	}
	b.WriteString("\n")
	w.write(b.String())
}

func (w *writer) String() string { return strings.TrimRight(w.b.String(), "\n") + "\n" }

// pick returns a random element.
func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// quote wraps text in French quotation marks with no-break spaces.
func quote(s string) string { return "«\u00a0" + s + "\u00a0»" }

// elides reports whether "de" and "le" elide before a word: a vowel or a
// mute h (h is treated as mute, which is right for most place names).
func elides(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch unicode.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'é', 'è', 'ê', 'â', 'î', 'ô', 'û', 'œ':
		return true
	}
	return false
}

// de returns "de X" with the French contractions: "du Mans", "des
// Sables-d'Olonne", "d’Agen", "de La Rochelle".
func de(name string) string {
	switch {
	case strings.HasPrefix(name, "Le "):
		return "du " + name[3:]
	case strings.HasPrefix(name, "Les "):
		return "des " + name[4:]
	case strings.HasPrefix(name, "La "), strings.HasPrefix(name, "L'"), strings.HasPrefix(name, "L’"):
		return "de " + name
	case elides(name):
		return "d’" + name
	}
	return "de " + name
}

// a returns "à X" with the contractions: "au Mans", "aux Sables-d'Olonne".
func a(name string) string {
	switch {
	case strings.HasPrefix(name, "Le "):
		return "au " + name[3:]
	case strings.HasPrefix(name, "Les "):
		return "aux " + name[4:]
	}
	return "à " + name
}

// number formats an integer the French way: 48 219 (narrow no-break space).
func number(n int) string {
	s := strconv.Itoa(n)
	if len(s) <= 4 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(r)
	}
	return b.String()
}

var months = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// longDate writes a date in French: "1er mars 2024", "12 juin 2023".
func longDate(y, m, d int) string {
	day := strconv.Itoa(d)
	if d == 1 {
		day = "1er"
	}
	return day + " " + months[m-1] + " " + strconv.Itoa(y)
}

// enumerate joins items the French way: "a, b et c".
func enumerate(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " et " + items[len(items)-1]
}

// Fictional people. The surnames are ordinary French words that say the
// person does not exist.
var (
	firstNames = []string{"Camille", "Dominique", "Claude", "Sacha", "Alix", "Morgan", "Lou", "Jeanne", "Louis",
		"Hélène", "Mathis", "Inès", "Théo", "Chloé", "Noé", "Léa", "Hugo", "Manon", "Élise", "Rémi", "Maël",
		"Agathe", "Bastien", "Capucine", "Émile", "Margaux", "Yanis", "Solène", "Gaspard", "Anaïs"}
	lastNames = []string{"Exemple", "Fictif", "Imaginaire", "Factice", "Modèle", "Spécimen", "Maquette",
		"Prototype", "Brouillon", "Fiction", "Inventé", "Pseudonyme", "Témoin", "Essai", "Démo", "Chimère"}
)

func fictionalName(rng *rand.Rand) string { return pick(rng, firstNames) + " " + pick(rng, lastNames) }

// Streets for the addresses of contacts.
var streets = []string{"place de la Mairie", "rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo",
	"rue du Général-de-Gaulle", "place de l’Église", "rue Pasteur", "boulevard Gambetta", "rue de la Gare",
	"chemin des Écoles", "rue des Tilleuls", "allée des Soignants"}

// professionPlural names a profession in a sentence.
var professionPlural = map[string]string{
	"medecin-generaliste": "médecins généralistes", "medecin-specialiste": "médecins spécialistes",
	"infirmier": "infirmiers", "pharmacien": "pharmaciens", "masseur-kinesitherapeute": "masseurs-kinésithérapeutes",
	"sage-femme": "sages-femmes", "chirurgien-dentiste": "chirurgiens-dentistes", "orthophoniste": "orthophonistes",
	"orthoptiste": "orthoptistes", "psychologue": "psychologues", "pedicure-podologue": "pédicures-podologues",
	"dieteticien": "diététiciens", "ergotherapeute": "ergothérapeutes", "psychomotricien": "psychomotriciens",
	"biologiste": "biologistes", "audioprothesiste": "audioprothésistes", "opticien": "opticiens",
	"assistant-social": "assistants sociaux", "coordinateur": "coordinateurs",
}

// hasArticle reports whether a place name starts with an article.
func hasArticle(name string) bool {
	for _, p := range []string{"Le ", "La ", "Les ", "L'", "L’"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
