package listing

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/model"
)

// stageOf reads a stage as listings word it; ok is false for words that
// match no stage.
func stageOf(s string) (model.Status, bool) {
	k := headerKey(s)
	has := func(w ...string) bool {
		for _, x := range w {
			if !strings.Contains(" "+k+" ", " "+x) {
				return false
			}
		}
		return true
	}
	switch {
	case k == "":
		return model.StatusUnknown, strings.TrimSpace(s) == ""
	case has("aci") && (has("sign") || k == "aci" || has("contractualis")), has("contrat", "sign"), k == "aci signe":
		return model.StatusACISigne, true
	case has("projet", "sante", "valid"), k == "psv", has("ps", "valid"):
		return model.StatusProjetSanteValide, true
	case has("lettre", "intention"), k == "li", has("lettre"):
		return model.StatusLettreIntention, true
	case k == "projet", k == "en projet", has("emergence"), k == "pre projet", k == "en construction", k == "en reflexion":
		return model.StatusProjet, true
	}
	return model.StatusUnknown, false
}

// labels are the stages as the site writes them, folded: a cell that says
// so needs no note.
var labels = map[model.Status]string{
	model.StatusProjet: "projet", model.StatusLettreIntention: "lettre d intention",
	model.StatusProjetSanteValide: "projet de sante valide", model.StatusACISigne: "aci signe",
}

func (im *importer) status(c *CPTS, cl cell) {
	st, ok := stageOf(cl.text)
	switch {
	case !ok:
		im.note(cl.pos, "stage %q left out: it matches no stage (projet, lettre d'intention, projet de santé validé, ACI signé); the site shows \"étape non renseignée\"", cl.text)
	case c.Status == "":
		c.Status = st
		if labels[st] != headerKey(cl.text) {
			im.note(cl.pos, "stage %q read as %s", cl.text, st)
		}
	case c.Status != st:
		im.note(cl.pos, "stage %q left out: %s was given above", cl.text, c.Status)
	}
}

var bareHost = regexp.MustCompile(`^(?i)(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$`)

func (im *importer) website(c *CPTS, cl cell) {
	v := strings.TrimSpace(cl.text)
	if bareHost.MatchString(v) {
		im.note(cl.pos, "website %q written https://%s", v, v)
		v = "https://" + v
	}
	var u model.URL
	if err := u.Set(v); err != nil {
		im.note(cl.pos, "website %q left out: %v", cl.text, err)
		return
	}
	if c.Website != "" && c.Website != string(u) {
		im.note(cl.pos, "website %q left out: %s was given above", v, c.Website)
		return
	}
	c.Website = string(u)
}

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	phoneRe = regexp.MustCompile(`(?:\+33\s?(?:\(0\)\s?)?|0033\s?|0)[1-9](?:[\s.\-\x{a0}]?\d{2}){4}`)
)

// webmails are the domains of personal mailboxes.
var webmails = []string{"gmail.com", "orange.fr", "wanadoo.fr", "hotmail.com", "hotmail.fr", "yahoo.fr", "yahoo.com", "free.fr",
	"laposte.net", "outlook.com", "outlook.fr", "live.fr", "sfr.fr", "neuf.fr", "icloud.com", "aol.com", "bbox.fr", "numericable.fr", "protonmail.com", "proton.me"}

// generic are the local parts of a structure's mailbox.
var generic = []string{"contact", "cpts", "secretariat", "coordination", "coordinateur", "coordinatrice", "info", "infos",
	"accueil", "direction", "admin", "bonjour", "association", "communication", "president", "presidence"}

// personal reports whether an address looks like a person's: a webmail,
// or firstname.lastname@ with no word of a structure's mailbox.
func personal(addr string) bool {
	at := strings.LastIndexByte(addr, '@')
	local, domain := strings.ToLower(addr[:at]), strings.ToLower(addr[at+1:])
	for _, g := range generic {
		if strings.Contains(local, g) {
			return false
		}
	}
	if slices.Contains(webmails, domain) {
		return true
	}
	parts := strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '-' || r == '_' })
	if len(parts) != 2 {
		return false
	}
	for _, p := range parts {
		for _, r := range p {
			if r < 'a' || r > 'z' {
				return false
			}
		}
	}
	return true
}

// contact reads e-mail addresses and phone numbers from a cell, noting
// what else it held (a person's name is not published).
func (im *importer) contact(c *CPTS, cl cell) {
	rest := cl.text
	for _, m := range emailRe.FindAllString(cl.text, -1) {
		rest = strings.Replace(rest, m, " ", 1)
		var e model.Email
		if err := e.Set(m); err != nil {
			im.note(cl.pos, "e-mail %q left out: %v", m, err)
			continue
		}
		if personal(m) && !im.opts.KeepPersonalEmails {
			im.note(cl.pos, "e-mail %q left out: it looks like a person's address (personal data); keep it with --keep-personal-emails", m)
			continue
		}
		if !slices.Contains(c.Emails, m) {
			c.Emails = append(c.Emails, m)
		}
	}
	for _, m := range phoneRe.FindAllString(rest, -1) {
		rest = strings.Replace(rest, m, " ", 1)
		var p model.Phone
		if err := p.Set(m); err != nil {
			im.note(cl.pos, "phone %q left out: %v", m, err)
			continue
		}
		n := phoneText(p)
		if n != m {
			im.note(cl.pos, "phone %q written %q", m, n)
		}
		if !slices.Contains(c.Phones, n) {
			c.Phones = append(c.Phones, n)
		}
	}
	if left := strings.Trim(rest, " \t\n\r;,/|-–:()\u00a0"); left != "" {
		im.note(cl.pos, "%q left out: contacts keep e-mail addresses and phone numbers, not names", left)
	}
}

// phoneText writes a number in the French way: "04 67 00 00 00".
func phoneText(p model.Phone) string {
	d := p.E164
	if !strings.HasPrefix(d, "+33") {
		return p.E164
	}
	d = "0" + d[3:]
	return d[0:2] + " " + d[2:4] + " " + d[4:6] + " " + d[6:8] + " " + d[8:10]
}

func (im *importer) population(c *CPTS, cl cell) {
	v := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		if r == ' ' || r == '.' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return 'x'
	}, cl.text)
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		im.note(cl.pos, "population %q left out: not a whole number of inhabitants", cl.text)
		return
	}
	if n != c.Population && c.Population != 0 {
		im.note(cl.pos, "population %q left out: %d was given above", cl.text, c.Population)
		return
	}
	c.Population = n
}

// shared marks partial the communes claimed by several CPTS, and a city
// listed whole by a CPTS when others list its arrondissements; a CPTS
// that lists a city and some of its arrondissements keeps the city.
func (im *importer) shared() {
	claims := map[string][]*CPTS{}
	for _, c := range im.order {
		for _, com := range c.Communes {
			claims[com.Code] = append(claims[com.Code], c)
		}
	}
	for _, c := range im.order {
		kept := c.Communes[:0]
		for _, com := range c.Communes {
			g := im.opts.Geo.Commune(com.Code)
			if g.Parent != "" && slices.ContainsFunc(c.Communes, func(x *Commune) bool { return x.Code == g.Parent }) {
				im.note(com.pos, "%s left out: %s lists all of its city", com.Name, c.Name)
				continue
			}
			kept = append(kept, com)
			others := slices.DeleteFunc(slices.Clone(claims[com.Code]), func(x *CPTS) bool { return x == c })
			for _, a := range im.opts.Geo.Arrondissements(com.Code) {
				for _, x := range claims[a.Code] {
					if x != c && !slices.Contains(others, x) {
						others = append(others, x)
					}
				}
			}
			if len(others) > 0 && !com.Partial {
				com.Partial = true
				names := make([]string, len(others))
				for i, x := range others {
					names[i] = x.Name
				}
				im.note(com.pos, "%s (%s) marked partial for %s: also claimed by %s", com.Name, com.Code, c.Name, strings.Join(names, ", "))
			}
		}
		c.Communes = kept
	}
}

// slugOf makes a folder name of a CPTS's name: "CPTS du Pays de Lunel" →
// "pays-de-lunel".
func slugOf(name string) string {
	words := strings.Fields(strings.NewReplacer("-", " ", "'", " ", "’", " ").Replace(fold.Fold(name)))
	if len(words) > 1 && words[0] == "cpts" {
		words = words[1:]
	}
	for len(words) > 1 && slices.Contains([]string{"de", "du", "des", "d", "l", "la", "le", "les"}, words[0]) {
		words = words[1:]
	}
	if s := fold.Slug(strings.Join(words, " ")); s != "" {
		return s
	}
	return "cpts"
}
