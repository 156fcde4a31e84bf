package corpus

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// cptsInfo is a generated CPTS: its territory, names and the variables its
// texts use.
type cptsInfo struct {
	tr                *territory
	slug, name, short string
	created           time.Time // month of creation
	vars              map[string]string
	newsSlugs         map[string]bool
}

func (c *cptsInfo) rng(stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed^stream, c.tr.seed))
}

func (c *cptsInfo) link() string { return "[" + c.name + "](/cpts/" + c.slug + "/)" }

func communeLink(com *geo.Commune) string { return "[" + com.Name + "](/communes/" + com.Code + "/)" }

// slugify turns a name into a slug: "Pays d’Agen" -> "pays-d-agen".
func slugify(s string) string { return fold.Slug(s) }

// name gives every territory a CPTS name and a unique slug.
func (g *generator) name() {
	used := map[string]bool{}
	for _, tr := range g.territories {
		c := &cptsInfo{tr: tr, newsSlugs: map[string]bool{}}
		rng := c.rng(1)
		main := tr.main.Name
		if tr.main.Parent != "" { // "Paris 15e Arrondissement" -> "Paris 15e"
			c.short = strings.TrimSuffix(main, " Arrondissement")
			c.name = "CPTS " + c.short
		} else {
			for i := rng.IntN(len(nameForms)); ; i = (i + 1) % len(nameForms) {
				if short, name, ok := nameForms[i](main); ok {
					c.short, c.name = short, name
					break
				}
			}
		}
		c.slug = slugify(c.short)
		if used[c.slug] {
			c.slug += "-" + strings.ToLower(tr.dept.Code)
			c.name += " (" + tr.dept.Name + ")"
		}
		for n, base := 2, c.slug; used[c.slug]; n++ {
			c.slug = fmt.Sprintf("%s-%d", base, n)
		}
		used[c.slug] = true
		c.created = time.Date(2018+rng.IntN(7), time.Month(1+rng.IntN(12)), 1, 0, 0, 0, 0, time.UTC)
		g.cpts = append(g.cpts, c)
	}
	for i, c := range g.cpts {
		rng := c.rng(2)
		voisin := g.neighbour(i, rng)
		partner := g.cpts[rng.IntN(len(g.cpts))]
		if partner == c {
			partner = voisin
		}
		main := c.tr.main
		c.vars = map[string]string{
			"la_cpts": "la " + c.name, "La_cpts": "La " + c.name, "cpts_link": c.link(), "short": c.short,
			"main": main.Name, "a_main": a(main.Name), "de_main": de(main.Name),
			"n_communes": number(len(c.tr.communes)), "pop": number(c.tr.pop),
			"dept_link": "[" + c.tr.dept.Name + "](/departements/" + c.tr.dept.Code + "/)",
			"voisin":    voisin.link(), "partner": partner.link(),
			"year":      fmt.Sprint(c.created.Year() - rng.IntN(2)),
			"created":   months[c.created.Month()-1] + " " + fmt.Sprint(c.created.Year()),
			"page_link": "[Qu’est-ce qu’une CPTS ?](/pages/qu-est-ce-qu-une-cpts/)",
			"person":    fictionalName(rng),
		}
	}
}

// neighbour returns the previous or next CPTS of the same département, or
// any other CPTS when it is alone there.
func (g *generator) neighbour(i int, rng *rand.Rand) *cptsInfo {
	var near []*cptsInfo
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(g.cpts) && g.cpts[j].tr.dept == g.cpts[i].tr.dept {
			near = append(near, g.cpts[j])
		}
	}
	if len(near) == 0 {
		j := rng.IntN(len(g.cpts))
		if j == i {
			j = (i + 1) % len(g.cpts)
		}
		return g.cpts[j]
	}
	return pick(rng, near)
}

// docVars adds the variables that change from one document to the next:
// another commune of the territory and a few commune links.
func (c *cptsInfo) docVars(rng *rand.Rand) map[string]string {
	v := maps.Clone(c.vars)
	cs := c.tr.communes
	c2 := cs[rng.IntN(len(cs))]
	if c2 == c.tr.main && len(cs) > 1 {
		c2 = cs[(slices.Index(cs, c2)+1)%len(cs)]
	}
	v["c2"], v["a_c2"], v["de_c2"], v["c_link"] = c2.Name, a(c2.Name), de(c2.Name), communeLink(c2)
	var links []string
	for _, j := range rng.Perm(len(cs))[:min(3, len(cs))] {
		links = append(links, communeLink(cs[j]))
	}
	v["communes_links"] = enumerate(links)
	return v
}

// Weighted choices of the member records.
var (
	statuses    = weighted{{"aci-signe", 60}, {"projet-sante-valide", 15}, {"lettre-intention", 15}, {"projet", 10}}
	professions = weighted{{"infirmier", 24}, {"medecin-generaliste", 16}, {"pharmacien", 12}, {"masseur-kinesitherapeute", 12},
		{"medecin-specialiste", 5}, {"sage-femme", 4}, {"chirurgien-dentiste", 4}, {"orthophoniste", 4}, {"psychologue", 4},
		{"pedicure-podologue", 3}, {"dieteticien", 2}, {"ergotherapeute", 2}, {"orthoptiste", 1}, {"psychomotricien", 1},
		{"biologiste", 1}, {"audioprothesiste", 1}, {"opticien", 1}, {"assistant-social", 1}, {"non-precise", 2}}
	practices  = weighted{{"liberal", 70}, {"msp", 15}, {"centre-de-sante", 8}, {"etablissement-sanitaire", 5}, {"medico-social", 2}}
	structures = weighted{{"msp", 40}, {"centre-de-sante", 20}, {"etablissement-sanitaire", 15}, {"medico-social", 15}, {"social", 10}}
	missionMix = weighted{{"acces-medecin-traitant", 10}, {"soins-non-programmes", 10}, {"parcours", 9}, {"prevention", 9},
		{"qualite-pertinence", 5}, {"accompagnement-professionnels", 6}, {"crise-sanitaire", 4}, {"libre", 3}}
	missionStates = weighted{{"en-cours", 50}, {"prevue", 25}, {"realisee", 20}, {"abandonnee", 5}}
)

type weighted []struct {
	v string
	w int
}

func (ws weighted) pick(rng *rand.Rand) string {
	total := 0
	for _, x := range ws {
		total += x.w
	}
	n := rng.IntN(total)
	for _, x := range ws {
		if n -= x.w; n < 0 {
			return x.v
		}
	}
	return ws[len(ws)-1].v
}

func tomlDate(t time.Time) string { return t.Format("2006-01-02") }

// dayBetween returns a random day in [from, to].
func dayBetween(rng *rand.Rand, from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours()/24) + 1
	return from.AddDate(0, 0, rng.IntN(max(1, days)))
}

// lastDay is the latest date the corpus uses: before "today" (2026-11-23).
var lastDay = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// writeCPTS writes the five files of one CPTS folder.
func (g *generator) writeCPTS(i int) {
	c := g.cpts[i]
	dir := "content/cpts/" + c.slug + "/"
	rng := c.rng(3)
	members, total, profs := g.members(c, rng)
	c.vars["n_members"] = number(total)
	c.vars["profs"] = enumerate(profs)
	g.add(dir+"members.toml", members)
	g.add(dir+"communes.toml", g.communes(c))
	missions, titles := missions(rng)
	g.add(dir+"missions.toml", missions)
	g.add(dir+"contacts.toml", g.contacts(c, rng))

	var b strings.Builder
	status := statuses.pick(rng)
	b.WriteString("+++\n# Synthetic CPTS generated by generator/corpus: the territory is real, everything else is fictional.\n")
	fmt.Fprintf(&b, "name = %s\nshort_name = %s\nstatus = %q\ncreated = %q\n", tomlString(c.name), tomlString(c.short), status, c.created.Format("2006-01"))
	if status == "aci-signe" {
		signed := dayBetween(rng, c.created.AddDate(0, 6, 0), c.created.AddDate(2, 6, 0))
		if signed.After(lastDay) {
			signed = lastDay
		}
		fmt.Fprintf(&b, "aci_signed = %s\n", tomlDate(signed))
	}
	if rng.IntN(5) > 0 {
		fmt.Fprintf(&b, "size_tier = %d\n", model.SizeTier(c.tr.pop))
	}
	fmt.Fprintf(&b, "declared_population = %d\ndeclared_communes = %d\ndepartements = [%q]\n", max(1, c.tr.pop), len(c.tr.communes), c.tr.dept.Code)
	fmt.Fprintf(&b, "association = %s\n", tomlString("Association des professionnels de santé du "+c.short))
	fmt.Fprintf(&b, "website = \"https://example.org/%s/\"\n", c.slug)
	summary := fmt.Sprintf("Communauté professionnelle territoriale de santé de %s communes autour %s (%s), forte de %s membres.",
		c.vars["n_communes"], c.vars["de_main"], c.tr.dept.Name, c.vars["n_members"])
	fmt.Fprintf(&b, "summary = %s\n", tomlString(summary))
	fmt.Fprintf(&b, "updated = %s\n+++\n", tomlDate(dayBetween(rng, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), lastDay)))
	body, words := g.presentation(c, rng, titles)
	b.WriteString(body)
	g.stats.Words += words
	g.add(dir+"index.md", b.String())
	g.stats.CPTS++
}

// presentation writes the Markdown body of index.md: 300 to 800 words
// with headings, a list of missions and links.
func (g *generator) presentation(c *cptsInfo, rng *rand.Rand, missions []string) (string, int) {
	target := 300 + rng.IntN(461) // fillTo may overshoot by a sentence
	w := newWriter(rng, c.docVars(rng))
	w.heading(pick(rng, []string{"Notre territoire", "Le territoire", "Un territoire, des besoins"}))
	w.paraWith(territoryOpening, 2, &territoryPool)
	w.fillTo(target*25/100, &territoryPool, &healthPool)
	w.heading(pick(rng, []string{"Pourquoi une CPTS ?", "Notre projet de santé", "Une communauté, un projet"}))
	w.para(2, &whyPool)
	w.fillTo(target*45/100, &whyPool, &healthPool)
	w.heading(pick(rng, []string{"Nos missions", "Ce que nous faisons"}))
	w.write("Conformément à l’accord conventionnel interprofessionnel, " + w.vars["la_cpts"] + " s’est engagée sur les missions suivantes :\n\n")
	w.list(missions)
	w.heading(pick(rng, []string{"Qui sommes-nous ?", "Les membres"}))
	w.para(2, &membersPool)
	w.fillTo(target*65/100, &membersPool, &healthPool)
	w.heading(pick(rng, []string{"Nos partenaires", "Les CPTS voisines"}))
	w.paraWith(partnersOpening, 2, &partnersPool)
	w.fillTo(target*85/100, &partnersPool, &healthPool)
	w.heading(pick(rng, []string{"Nous rejoindre", "Adhérer"}))
	w.para(2, &joinPool)
	w.fillTo(target, &joinPool, &healthPool)
	return w.String(), w.words
}

func (g *generator) communes(c *cptsInfo) string {
	var b strings.Builder
	b.WriteString("# Territory of a synthetic CPTS: neighbouring communes of one département.\n")
	notes := map[string]string{}
	for code, other := range c.tr.sharedBy {
		notes[code] = "commune partagée avec la " + g.sibling(c, other).name
	}
	b.WriteString("communes = [\n")
	for _, com := range c.tr.communes {
		if c.tr.shared[com.Code] {
			fmt.Fprintf(&b, "  { insee = %q, partial = true, note = %s },\n", com.Code, tomlString(notes[com.Code]))
			continue
		}
		fmt.Fprintf(&b, "  %q, # %s\n", com.Code, com.Name)
	}
	b.WriteString("]\n")
	return b.String()
}

// sibling returns the CPTS of the territory at index other among those
// of c's département.
func (g *generator) sibling(c *cptsInfo, other int) *cptsInfo {
	var same []*cptsInfo
	for _, o := range g.cpts {
		if o.tr.dept == c.tr.dept {
			same = append(same, o)
		}
	}
	return same[other]
}

// members writes members.toml: 30 to 200 entries, a board with public
// fictional names, professionals one by one, some groups and structures.
func (g *generator) members(c *cptsInfo, rng *rand.Rand) (string, int, []string) {
	var b strings.Builder
	b.WriteString("# Fictional members of a synthetic CPTS.\n")
	n := 30 + rng.IntN(171)
	total := 0
	seen := map[string]bool{}
	var profs []string
	commune := func() string { return c.tr.communes[rng.IntN(len(c.tr.communes))].Code }
	for i := range n {
		b.WriteString("\n[[member]]\n")
		switch {
		case i < 4: // the board
			p := pick(rng, []string{"medecin-generaliste", "infirmier", "pharmacien", "masseur-kinesitherapeute", "sage-femme"})
			role := []string{"president", "vice-president", "tresorier", "secretaire"}[i]
			name := c.vars["person"]
			if i > 0 {
				name = fictionalName(rng)
			}
			fmt.Fprintf(&b, "profession = %q\nstructure = %q\ncommune = %q\nboard_role = %q\nname = %s\npublic = true\n",
				p, practices.pick(rng), commune(), role, tomlString(name))
			total++
		case rng.IntN(12) == 0:
			fmt.Fprintf(&b, "kind = \"structure\"\nstructure = %q\ncommune = %q\n", structures.pick(rng), commune())
			total++
		case rng.IntN(10) == 0:
			count := 2 + rng.IntN(11)
			p := professions.pick(rng)
			fmt.Fprintf(&b, "profession = %q\nstructure = \"liberal\"\ncount = %d\nnote = \"Professionnels libéraux adhérents, non nommés.\"\n", p, count)
			total += count
			if !seen[p] && professionPlural[p] != "" {
				seen[p] = true
				profs = append(profs, professionPlural[p])
			}
		default:
			p := professions.pick(rng)
			fmt.Fprintf(&b, "profession = %q\nstructure = %q\ncommune = %q\n", p, practices.pick(rng), commune())
			if rng.IntN(3) == 0 {
				fmt.Fprintf(&b, "name = %s\n", tomlString(string([]rune(pick(rng, firstNames))[0])+". "+pick(rng, lastNames)))
			}
			total++
			if !seen[p] && professionPlural[p] != "" {
				seen[p] = true
				profs = append(profs, professionPlural[p])
			}
		}
	}
	g.stats.Members += n
	if len(profs) > 4 {
		profs = profs[:4]
	}
	return b.String(), total, profs
}

// missions writes missions.toml (3 to 6 missions of different kinds) and
// returns the list items for the presentation.
func missions(rng *rand.Rand) (string, []string) {
	var b strings.Builder
	var items []string
	kinds := map[string]bool{}
	summaries := rng.Perm(len(missionSummaries))
	for n := 3 + rng.IntN(4); len(kinds) < n; {
		k := missionMix.pick(rng)
		if kinds[k] {
			continue
		}
		kinds[k] = true
		title := pick(rng, missionTitles[k])
		summary := missionSummaries[summaries[len(kinds)-1]]
		fmt.Fprintf(&b, "[[mission]]\nkind = %q\ntitle = %s\nstatus = %q\nsummary = %s\n\n", k, tomlString(title), missionStates.pick(rng), tomlString(summary))
		items = append(items, "**"+title+"** : "+strings.ToLower(summary[:1])+summary[1:])
	}
	return strings.TrimSuffix(b.String(), "\n"), items
}

// contacts writes contacts.toml: 2 to 4 contacts with example.org
// addresses and numbers of the 01 99 00 xx xx range that ARCEP keeps for
// fiction.
func (g *generator) contacts(c *cptsInfo, rng *rand.Rand) string {
	var b strings.Builder
	labels := []string{"Coordination", "Secrétariat", "Présidence", "Référent parcours"}
	n := 2 + rng.IntN(3)
	main := c.tr.main
	for i := range n {
		label := labels[i]
		local := strings.ReplaceAll(fold.Fold(label), " ", "-")
		fmt.Fprintf(&b, "[[contact]]\nlabel = %s\nemail = \"%s.%s@example.org\"\n", tomlString(label), local, c.slug)
		num := int((c.tr.seed + uint64(i)*7919) % 10000)
		fmt.Fprintf(&b, "phone = \"01 99 00 %02d %02d\"\n", num/100, num%100)
		switch i {
		case 0:
			fmt.Fprintf(&b, "hours = %s\n", tomlString(pick(rng, contactHours)))
			if len(main.PostalCodes) > 0 {
				fmt.Fprintf(&b, "[contact.address]\nstreet = %s\npostal_code = %q\ncommune = %q\n",
					tomlString(fmt.Sprintf("%d %s", 1+rng.IntN(40), pick(rng, streets))), main.PostalCodes[0], main.Code)
			}
		case 1:
			fmt.Fprintf(&b, "website = \"https://example.org/%s/\"\nform = \"https://example.org/%s/contact\"\n", c.slug, c.slug)
		}
		b.WriteString("\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
