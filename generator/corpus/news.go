package corpus

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Random streams of the news and pages; CPTS streams are 1 to 3.
const (
	newsStream  = 0x6e657773 // "news"
	siteStream  = 0x73697465 // "site"
	sitePercent = 8          // share of site-wide news items
)

var firstNewsDay = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

// writeNews writes the news items. Item i depends only on i and the list
// of CPTS, so a scale with more news starts with the same items.
func (g *generator) writeNews() {
	site := map[string]bool{}
	for i := range g.scale.News {
		rng := rand.New(rand.NewPCG(seed^newsStream, uint64(i)))
		if rng.IntN(100) < sitePercent {
			g.siteNews(rng, site)
			continue
		}
		g.cptsNews(g.cpts[rng.IntN(len(g.cpts))], rng)
	}
}

// newsItem is what both kinds of news share.
type newsItem struct {
	dir   string
	topic *newsTopic
	vars  map[string]string
	slugs map[string]bool
	from  time.Time
	pools []*pool
	dated bool // the title ends with the month: site news repeat their topics
}

func (g *generator) cptsNews(c *cptsInfo, rng *rand.Rand) {
	from := c.created
	if from.Before(firstNewsDay) {
		from = firstNewsDay
	}
	g.news(rng, newsItem{
		dir: "content/cpts/" + c.slug + "/news/", topic: &cptsTopics[rng.IntN(len(cptsTopics))],
		vars: c.docVars(rng), slugs: c.newsSlugs, from: from, pools: []*pool{&newsPool, &healthPool},
	})
}

func (g *generator) siteNews(rng *rand.Rand, slugs map[string]bool) {
	c := g.cpts[rng.IntN(len(g.cpts))]
	vars := map[string]string{
		"n_cpts": number(len(g.cpts)), "partner": c.link(), "voisin": g.cpts[rng.IntN(len(g.cpts))].link(),
		"dept_link": c.vars["dept_link"], "page_link": c.vars["page_link"],
	}
	g.news(rng, newsItem{
		dir: "content/news/", topic: &siteTopics[rng.IntN(len(siteTopics))],
		vars: vars, slugs: slugs, from: firstNewsDay, pools: []*pool{&sitePool}, dated: true,
	})
}

// news writes one news file of 200 to 600 words.
func (g *generator) news(rng *rand.Rand, n newsItem) {
	date := dayBetween(rng, n.from, lastDay)
	n.vars = maps.Clone(n.vars)
	n.vars["date_event"] = longDate(date.Year(), int(date.Month()), 1+rng.IntN(28))
	w := newWriter(rng, n.vars)
	title := w.fill(pick(rng, n.topic.titles))
	slug := newsSlug(title)
	if n.dated {
		month := months[date.Month()-1] + " " + fmt.Sprint(date.Year())
		title += " (" + month + ")"
		slug += "-" + slugify(month)
	}
	for k, base := 2, slug; n.slugs[slug]; k++ {
		slug = fmt.Sprintf("%s-%d", base, k)
	}
	n.slugs[slug] = true

	dateText, dateTOML := date.Format("2006-01-02"), date.Format("2006-01-02")
	if rng.IntN(100) < 3 { // a date known to the month only
		dateText = date.Format("2006-01")
		dateTOML = `"` + dateText + `"`
	}
	lead := w.fill(n.topic.lead[0]) // the opening sentence, also the summary
	rest := n.topic.lead[1:]
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %s\ndate = %s\nsummary = %s\n", tomlString(title), dateTOML, tomlString(lead))
	tags := n.topic.tags
	if rng.IntN(3) == 0 {
		tags = append(tags[:len(tags):len(tags)], pick(rng, []string{"territoire", "coordination", "patients", "professionnels"}))
	}
	fmt.Fprintf(&b, "tags = [%s]\n", quoteAll(tags))
	switch r := rng.IntN(200); {
	case r == 0:
		b.WriteString("draft = true\n")
	case r < 3:
		fmt.Fprintf(&b, "expires = %s\n", date.AddDate(1, 0, 0).Format("2006-01-02"))
	}
	b.WriteString("+++\n")

	target := 200 + rng.IntN(371) // fillTo may overshoot by a sentence
	w.write(lead + " ")
	w.para(1+rng.IntN(3), &rest)
	if len(n.topic.list) > 0 && rng.IntN(2) == 0 {
		w.write(pick(rng, []string{"Au programme :", "En pratique :", "Les points clés :"}) + "\n\n")
		w.list(n.topic.list)
	}
	if p, ok := n.vars["person"]; ok && rng.IntN(2) == 0 {
		w.write(quote(pick(rng, quotes)) + ", explique " + p + ", qui préside la communauté.\n\n")
	}
	if rng.IntN(3) == 0 {
		w.heading(pick(rng, []string{"En pratique", "Et ensuite ?", "Pour aller plus loin"}))
	}
	w.fillTo(target, n.pools...)
	b.WriteString(w.String())
	g.stats.Words += w.words
	g.add(n.dir+dateText+"-"+slug+".md", b.String())
	g.stats.News++
}

// newsSlug makes a file slug of at most 8 words from a title, without a
// dangling "de" or "la".
func newsSlug(title string) string {
	words := strings.Split(slugify(title), "-")
	if len(words) > 8 {
		words = words[:8]
	}
	for len(words) > 1 && slices.Contains(stopWords, words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return strings.Join(words, "-")
}

var stopWords = []string{"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "pour", "sur", "un", "une"}

var quotes = []string{
	"Nous avons tous à gagner à travailler ensemble",
	"Ce projet est né d’un constat partagé par toutes les professions",
	"Les patients nous le disent : ils veulent des professionnels qui se parlent",
	"Rien ne se fera sans les professionnels de terrain",
	"C’est une étape importante pour le territoire",
	"Nous avançons pas à pas, mais nous avançons",
}

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

// pagePool holds the sentences of the free pages.
var pagePool = pool{
	"Une communauté professionnelle territoriale de santé, ou CPTS, rassemble les professionnels de santé d’un territoire autour d’un projet de santé commun.",
	"Elle est créée à l’initiative des professionnels eux-mêmes, le plus souvent sous la forme d’une association.",
	"Son territoire est défini par ses membres : quelques communes, un bassin de vie ou une agglomération.",
	"Elle signe avec l’Assurance maladie et l’Agence régionale de santé un accord qui finance ses missions.",
	"Les missions socles portent sur l’accès à un médecin traitant, les soins non programmés, les parcours et la prévention.",
	"Tous les professionnels du territoire peuvent y adhérer, qu’ils exercent en libéral, en centre de santé ou en établissement.",
	"Les patients ne s’inscrivent pas à une CPTS : ils bénéficient de l’organisation qu’elle met en place.",
	"Cet annuaire présente chaque CPTS, son territoire, ses membres, ses missions et ses actualités.",
	"Les données de cet annuaire sont synthétiques : les communes sont réelles, mais les CPTS, leurs membres et leurs contacts sont fictifs.",
	"Les numéros de téléphone appartiennent à la tranche 01 99 00 que l’Arcep réserve aux œuvres de fiction, et les adresses électroniques au domaine example.org.",
	"Pour signaler une erreur, écrivez à l’équipe de l’annuaire.",
	"Chaque commune dispose d’une page qui indique la CPTS qui la couvre ou, à défaut, les plus proches.",
}

var sitePages = []struct {
	slug, title, summary string
	weight               int
}{
	{"qu-est-ce-qu-une-cpts", "Qu’est-ce qu’une CPTS ?", "Les communautés professionnelles territoriales de santé en quelques mots.", 10},
	{"comment-adherer", "Comment adhérer à une CPTS ?", "Professionnels de santé : rejoindre la communauté de votre territoire.", 20},
	{"a-propos", "À propos de cet annuaire", "Un corpus synthétique pour mesurer le générateur.", 30},
	{"mentions-legales", "Mentions légales", "Éditeur, hébergement et données.", 40},
}

// writeSite writes config.toml and the free pages.
func (g *generator) writeSite() {
	g.add("config.toml", `# Synthetic corpus generated by generator/corpus (scale `+g.scale.Name+`).
title = "Annuaire des CPTS"
base_url = "https://example.org/"
language = "fr"
theme = "default"
description = "Annuaire public des communautés professionnelles territoriales de santé (CPTS) : territoires, membres, missions et actualités."

[communes]
pages = "departments"

[accessibility]
entity = "Fédération fictive des CPTS"
status = "partiellement-conforme"
audit_date = 2026-01-15
auditor = "Cabinet Exemple"
rate = "87 %"
non_conformities = ["Certaines cartes n’ont pas d’alternative textuelle complète."]
contact_email = "accessibilite@example.org"

[legal]
publisher = "Fédération fictive des CPTS"
publisher_email = "contact@example.org"
director = "La présidence de la fédération fictive"
host = "Hébergeur fictif"
`)
	for i, p := range sitePages {
		rng := rand.New(rand.NewPCG(seed^siteStream, uint64(i)))
		c := g.cpts[rng.IntN(len(g.cpts))]
		w := newWriter(rng, c.vars)
		w.para(3, &pagePool)
		w.heading("En bref")
		w.fillTo(300+rng.IntN(300), &pagePool, &healthPool)
		w.write("Exemple : la " + c.link() + ".\n")
		g.add("content/pages/"+p.slug+".md", fmt.Sprintf("+++\ntitle = %s\nsummary = %s\nweight = %d\n+++\n%s",
			tomlString(p.title), tomlString(p.summary), p.weight, w.String()))
		g.stats.Words += w.words
		g.stats.Pages++
	}
}
