package render_test

import (
	"strings"
	"testing"
)

// TestAnswerFirst checks the pages that answer "which CPTS covers my
// commune, and how do I reach it": the commune page opens with the
// answer, before the facts and the map, in each of its forms, and each
// CPTS card says how to reach it or what to do when nothing is published.
func TestAnswerFirst(t *testing.T) {
	config := siteConfig(t, "")["config.toml"]
	withLegal := map[string]string{"config.toml": strings.Replace(config, "[communes]", "[legal]\npublisher = \"Fédération test\"\npublisher_email = \"contact@federation.example.org\"\ndirector = \"A. Test\"\nhost = \"Hébergeur test\"\n[communes]", 1)}
	withEdit := map[string]string{"config.toml": strings.Replace(config, "[communes]", "edit_url = \"https://git.example.org/edit/\"\n[communes]", 1)}
	for _, tc := range []struct {
		name  string
		extra map[string]string
		page  string
		want  []string // in this order
		not   []string
	}{
		{"two CPTS, each in part", nil, "communes/34145/index.html",
			[]string{`<h1>Lunel</h1>`, `<p class="lead answer">Lunel est couverte par 2 CPTS`, `tel:&#43;33467000000`, `mailto:contact@example.org`, `Aucune coordonnée n’est publiée pour cette CPTS.`, `<dl class="facts">`, `<figure`}, nil},
		{"one CPTS, whole", nil, "communes/34146/index.html",
			[]string{`<p class="lead answer">Lunel-Viel est couverte par une CPTS : <a href="/annuaire/cpts/lunel/">CPTS du Pays de Lunel</a>.</p>`, `<dl class="facts">`}, nil},
		{"one CPTS, in part", map[string]string{"content/cpts/lunel/communes.toml": "communes = [{ insee = \"34146\", partial = true }]\n"}, "communes/34146/index.html",
			[]string{`<p class="lead answer">Une partie de Lunel-Viel est couverte par une CPTS : <a href="/annuaire/cpts/lunel/">`}, nil},
		{"no contact, no way to report", nil, "communes/34151/index.html",
			[]string{`Aucune coordonnée n’est publiée pour cette CPTS.`}, []string{`Signaler une information`}},
		{"no contact, report by mail to the publisher", withLegal, "communes/34151/index.html",
			[]string{`Aucune coordonnée n’est publiée pour cette CPTS.`, `<a href="mailto:contact@federation.example.org?subject=Annuaire%20des%20CPTS%20%3A%20information%20sur%20CPTS%20de%20Petite%20Camargue">Signaler une information manquante ou erronée</a>`}, nil},
		{"no contact, report by editing the record", withEdit, "cpts/petite-camargue/index.html",
			[]string{`<h2 id="contacts">`, `Aucune coordonnée n’est publiée pour cette CPTS.`, `<a href="https://git.example.org/edit/content/cpts/petite-camargue/index.md">Signaler une information manquante ou erronée</a>`, `<h2 id="territoire">`}, nil},
		{"only a website", map[string]string{"content/cpts/lunel/contacts.toml": ""}, "communes/34146/index.html",
			[]string{`la CPTS a un site internet : <a href="https://example.org/lunel">`}, []string{`Aucune coordonnée n’est publiée pour cette CPTS.`}},
		{"CPTS page: contacts first, empty sections left out", nil, "cpts/petite-camargue/index.html",
			[]string{`<nav class="toc"`, `<h2 id="contacts">`, `<h2 id="territoire">`, `<h2 id="rejoindre">`}, []string{`id="membres"`, `id="missions"`, `href="#membres"`}},
		{"members named one by one are not a total", map[string]string{"content/cpts/lunel/members.toml": "[[member]]\nprofession = \"infirmier\"\nname = \"E. Test\"\n"}, "cpts/lunel/index.html",
			[]string{`1 professionnel de santé cité dans cet annuaire`, `la CPTS en compte sans doute davantage`}, []string{`<p>1 professionnel de santé</p>`}},
		{"members counted are a total", nil, "cpts/lunel/index.html",
			[]string{`<p>14 professionnels de santé · 2 structures</p>`}, []string{`sans doute davantage`}},
		{"a mission titled as its kind is not named twice", nil, "cpts/lunel/index.html",
			[]string{`<h3>Soins non programmés (sans rendez-vous prévu)</h3>`, `<li><span class="tag">En cours</span> — Un créneau`, `<li><strong>Dépistage</strong></li>`}, nil},
		{"how to join, from the join table", map[string]string{"content/cpts/petite-camargue/index.md": "+++\nname = \"CPTS de Petite Camargue\"\nstatus = \"projet\"\n[join]\nprofessions = [\"infirmier\", \"pharmacien\"]\nfree = true\nform = \"https://example.org/adhesion\"\ndocuments = [\"Le formulaire signé\"]\n+++\n"}, "cpts/petite-camargue/index.html",
			[]string{`<h2 id="rejoindre">`, `<dt>Qui peut adhérer</dt><dd>Infirmier ou infirmière, Pharmacien ou pharmacienne</dd>`, `<dd>Gratuite</dd>`, `<a href="https://example.org/adhesion">Remplir le formulaire d’adhésion</a>`, `<li>Le formulaire signé</li>`}, []string{`Ses coordonnées ne sont pas encore publiées`}},
		{"who may join, when the table lists no profession", map[string]string{"content/cpts/petite-camargue/index.md": "+++\nname = \"CPTS de Petite Camargue\"\n[join]\nfee = \"20 € par an\"\n+++\n"}, "cpts/petite-camargue/index.html",
			[]string{`<dd>Toutes les professions de santé du territoire</dd>`, `<dd>20 € par an</dd>`, `Ses coordonnées ne sont pas encore publiées`}, nil},
		{"a CPTS whose communes are not listed is named under the map of France", map[string]string{"content/cpts/petite-camargue/index.md": "+++\nname = \"CPTS de Petite Camargue\"\ndepartements = [\"34\"]\ndeclared_communes = 5\ndeclared_population = 20000\n+++\n", "content/cpts/petite-camargue/communes.toml": "communes = []\n"}, "carte/index.html",
			[]string{`1 CPTS ne figure pas sur la carte, car la liste de ses communes n’est pas publiée : <a href="/annuaire/cpts/petite-camargue/">CPTS de Petite Camargue</a>.`}, nil},
		{"coverage figures from incomplete lists are not given as totals", map[string]string{"content/cpts/petite-camargue/index.md": "+++\nname = \"CPTS de Petite Camargue\"\ndepartements = [\"34\"]\ndeclared_communes = 5\ndeclared_population = 20000\n+++\n", "content/cpts/petite-camargue/communes.toml": "communes = []\n"}, "departements/34/index.html",
			[]string{`d’après les listes de communes publiées</p>`, `La couverture réelle peut être plus grande : 1 CPTS ne publie pas la liste complète de ses communes.`, `CPTS de Petite Camargue</a> : elle dit couvrir 5 communes et 20`}, nil},
		{"the way in for professionals: the search, how to join, the CPTS that say how, the ARS", map[string]string{
			"config.toml":                           strings.Replace(config, "[communes]", "[[ars]]\nregion = \"76\"\nname = \"ARS Occitanie\"\nurl = \"https://ars.example.org/cpts\"\n[[ars]]\nregion = \"52\"\nname = \"ARS Pays de la Loire\"\nemail = \"cpts@ars.example.org\"\n[communes]", 1),
			"content/cpts/petite-camargue/index.md": "+++\nname = \"CPTS de Petite Camargue\"\n[join]\nform = \"https://example.org/adhesion\"\n+++\n"}, "rejoindre/index.html",
			[]string{`<h1>Rejoindre une CPTS</h1>`, `<form class="search"`, `<h2 id="modalites">`, `<a href="/annuaire/cpts/petite-camargue/#rejoindre">CPTS de Petite Camargue</a>`, `<h2 id="creer">`, `<li>ARS Occitanie : <a href="https://ars.example.org/cpts">`, `<li>ARS Pays de la Loire : <a href="mailto:cpts@ars.example.org">`}, []string{`/annuaire/cpts/lunel/#rejoindre`}},
		{"a commune no CPTS covers gives the ARS of its région", map[string]string{
			"config.toml": strings.Replace(strings.Replace(config, "pages = \"covered\"", "pages = \"departments\"", 1), "[communes]", "[[ars]]\nregion = \"76\"\nname = \"ARS Occitanie\"\nurl = \"https://ars.example.org/cpts\"\n[communes]", 1)}, "communes/34154/index.html",
			[]string{`Cet annuaire ne connaît aucune CPTS qui couvre Mauguio.`, `Pour créer une CPTS ici, contactez l’agence régionale de santé :`, `<li>ARS Occitanie : <a href="https://ars.example.org/cpts">`, `Mauguio dans son département, Hérault. Aucune CPTS de cet annuaire ne la couvre.`, `<figcaption>La commune en orange, dans son département. Aucune CPTS de cet annuaire ne la couvre.</figcaption>`}, []string{`qui la couvrent`}},
		{"the list of départements says what to do for a commune of another", map[string]string{
			"config.toml": strings.Replace(config, "[communes]", "[[ars]]\nregion = \"76\"\nname = \"ARS Occitanie\"\nurl = \"https://ars.example.org/cpts\"\n[communes]", 1)}, "departements/index.html",
			[]string{`<section id="ailleurs" aria-labelledby="ailleurs-titre">`, `Votre commune est dans un autre département ?`, `<li>ARS Occitanie : <a href="https://ars.example.org/cpts">`, `<h2 id="urgence">`}, nil},
		{"and so does the A-Z index of communes, where the search leads without JavaScript", nil, "communes/index.html",
			[]string{`<section id="ailleurs"`, `Cherchez « ARS » et le nom de votre région sur internet.`}, nil},
		{"the stage explained where it appears", nil, "cpts/lunel/index.html",
			[]string{`Accord signé avec l’Assurance maladie</span><p class="hint">La CPTS a signé l’accord (ACI)`, `<a href="/annuaire/glossaire/#etapes">`}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, _ := renderArchive(t, "site.txtar", tc.extra)
			page, ok := res.Files.Get(tc.page)
			if !ok {
				t.Fatalf("no %s", tc.page)
			}
			rest := string(page)
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("%s lacks, or has out of order, %s", tc.page, w)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tc.not {
				if strings.Contains(string(page), n) {
					t.Errorf("%s has %s", tc.page, n)
				}
			}
		})
	}
}
