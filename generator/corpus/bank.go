package corpus

// The sentence banks. Variables of a CPTS document:
//
//	la_cpts, La_cpts  "la CPTS du Pays de Lunel", capitalised
//	cpts_link         "[CPTS du Pays de Lunel](/cpts/pays-de-lunel/)"
//	short             "Pays de Lunel"
//	main, a_main, de_main   the main commune: "Lunel", "à Lunel", "de Lunel"
//	c2, a_c2, de_c2   another commune of the territory
//	c_link            a link to the commune page of c2
//	communes_links    links to up to three communes: "[A](...), [B](...) et [C](...)"
//	n_communes, pop, n_members   figures, formatted
//	profs             "infirmiers, pharmaciens et orthophonistes"
//	dept_link         "[Hérault](/departements/34/)"
//	voisin, partner   links to two other CPTS
//	person            a fictional name
//	year, created     year of the diagnosis, month of creation ("juin 2019")
//	date_event        a date in the news item's month ("12 mars 2024")
//	page_link         a link to the free page about CPTS
//	n_cpts            number of CPTS in the directory (site news)

// territoryOpening and partnersOpening open their sections, so that every
// presentation links to commune pages and to another CPTS.
const (
	territoryOpening = "Le territoire de {la_cpts} compte {n_communes} communes et environ {pop} habitants. " +
		"Il s’étend autour {de_main}, notamment sur les communes de {communes_links}."
	partnersOpening = "{La_cpts} travaille en lien étroit avec la {voisin}, notamment pour organiser la réponse aux demandes de soins non programmés."
)

var territoryPool = pool{
	"Les distances y sont parfois longues, et l’accès aux soins varie fortement d’une commune à l’autre.",
	"Plusieurs communes rurales n’ont plus de médecin installé, ce qui rend la coordination entre professionnels d’autant plus nécessaire.",
	"La population y vieillit plus vite que la moyenne nationale, et les maladies chroniques y sont fréquentes.",
	"Le bassin de vie s’organise autour {de_main}, où se trouvent la plupart des pharmacies, des laboratoires et des cabinets de radiologie.",
	"Les habitants {de_c2} se rendent souvent {a_main} pour consulter un spécialiste.",
	"Le territoire associe des quartiers urbains denses et des villages éloignés des services de santé.",
	"Chaque commune du territoire a désormais un interlocuteur identifié au sein de la communauté.",
	"Les élus locaux sont associés à la démarche depuis le début du projet.",
	"Les habitants de la commune de {c_link} peuvent consulter sur ce site la liste des professionnels engagés dans la CPTS.",
	"En été, la population augmente nettement avec l’arrivée des vacanciers, et la demande de soins non programmés avec elle.",
	"Les transports en commun restent rares entre les villages, ce qui complique l’accès aux consultations pour les personnes âgées.",
}

var whyPool = pool{
	"Une communauté professionnelle territoriale de santé réunit, à leur initiative, des professionnels de ville autour d’un projet de santé commun.",
	"L’objectif est simple : mieux se connaître pour mieux travailler ensemble au service des patients.",
	"Le diagnostic réalisé en {year} a mis en évidence des difficultés d’accès à un médecin traitant et des délais d’attente importants chez certains spécialistes.",
	"Les professionnels ont choisi de s’organiser plutôt que de subir la baisse de la démographie médicale.",
	"Le projet de santé, validé par l’Agence régionale de santé, fixe les priorités pour les cinq prochaines années.",
	"La CPTS ne remplace ni les cabinets ni les établissements : elle les aide à se coordonner.",
	"Comme le résume un membre du bureau, " + "«\u00a0on ne soigne bien que lorsque l’on se parle\u00a0»" + ".",
	"Les échanges entre l’hôpital et la ville restent un enjeu majeur, en particulier à la sortie d’hospitalisation.",
	"Le financement prévu par l’accord conventionnel interprofessionnel permet de rémunérer le temps consacré à la coordination.",
	"La communauté est née en {created}, après plusieurs réunions publiques {a_main}.",
	"Les premières réunions ont montré que beaucoup de professionnels ne se connaissaient pas, alors qu’ils suivaient les mêmes patients.",
	"Le projet de santé a été rédigé par des groupes de travail ouverts à tous les adhérents.",
}

var membersPool = pool{
	"L’association compte aujourd’hui {n_members} membres : {profs}, mais aussi des structures d’exercice coordonné.",
	"Le bureau se réunit chaque mois ; l’assemblée générale a lieu une fois par an.",
	"{person}, qui préside l’association, rappelle que " + "«\u00a0chaque profession a sa place dans la communauté\u00a0»" + ".",
	"Une équipe de coordination salariée assure le lien entre les membres et les partenaires.",
	"Les maisons de santé pluriprofessionnelles du territoire sont membres de la CPTS.",
	"Les établissements médico-sociaux et les services d’aide à domicile participent aux groupes de travail.",
	"Les pharmacies d’officine jouent un rôle de relais essentiel auprès des habitants.",
	"Les professionnels salariés des centres de santé ont rejoint la communauté dès sa création.",
	"Chaque adhérent peut proposer un projet et trouver des collègues pour le mener.",
}

var partnersPool = pool{
	"Des actions communes de prévention sont menées avec la {partner}.",
	"Retrouvez toutes les CPTS du département sur la page {dept_link}.",
	"Les professionnels échangent régulièrement avec le centre hospitalier de proximité et avec le dispositif d’appui à la coordination.",
	"La communauté est partenaire du conseil départemental pour le suivi des personnes âgées à domicile.",
	"Elle participe aussi aux travaux du conseil territorial de santé.",
}

var joinPool = pool{
	"Vous exercez sur le territoire et souhaitez rejoindre la communauté ? L’adhésion est ouverte à tous les professionnels de santé, quel que soit leur mode d’exercice.",
	"La cotisation annuelle est modeste et l’adhésion se fait en ligne ou auprès de la coordination.",
	"Pour en savoir plus, consultez la page {page_link} ou contactez la coordination.",
	"Les nouveaux installés sont accueillis lors d’une soirée de présentation organisée chaque trimestre.",
	"Les étudiants et les internes en stage sur le territoire sont les bienvenus aux réunions.",
	"Il n’est pas nécessaire d’exercer {a_main} : toutes les communes du territoire sont concernées.",
}

// healthPool holds general sentences that fit any text about a CPTS; it
// fills presentations and news up to their length.
var healthPool = pool{
	"La coordination entre professionnels permet d’éviter des hospitalisations et des passages aux urgences.",
	"Les patients atteints de maladies chroniques bénéficient d’un suivi mieux partagé entre le médecin, l’infirmier et le pharmacien.",
	"La messagerie sécurisée de santé facilite les échanges au quotidien.",
	"Les protocoles pluriprofessionnels précisent qui fait quoi, et quand.",
	"La prévention reste le parent pauvre du système de santé, et la communauté entend lui redonner sa place.",
	"Les délais de rendez-vous se sont allongés ces dernières années, en particulier en ophtalmologie et en dermatologie.",
	"Plusieurs médecins partiront à la retraite dans les cinq prochaines années.",
	"L’accueil des jeunes professionnels est une priorité : stages, remplacements et aide à l’installation.",
	"Les professionnels de santé consacrent du temps à la coordination, un temps désormais reconnu et financé.",
	"Les patients sans médecin traitant sont orientés vers les cabinets qui peuvent encore les accueillir.",
	"Les infirmiers libéraux signalent de plus en plus de patients isolés à domicile.",
	"La sortie d’hôpital est un moment à risque, surtout pour les personnes âgées qui vivent seules.",
	"Les pharmaciens participent aux campagnes de vaccination et au dépistage.",
	"Le travail en équipe attire les jeunes professionnels, qui ne veulent plus exercer seuls.",
	"Un annuaire des professionnels du territoire est tenu à jour par la coordination.",
	"Les réunions de concertation pluriprofessionnelles permettent d’étudier ensemble les situations complexes.",
	"La santé mentale des jeunes est une préoccupation croissante des professionnels.",
	"Les actions sont évaluées chaque année avec l’Assurance maladie et l’Agence régionale de santé.",
	"Les habitants sont invités à donner leur avis lors des réunions publiques.",
	"La télésanté complète les consultations en présentiel sans les remplacer.",
}

// newsPool holds sentences for any news item of a CPTS.
var newsPool = pool{
	"La réunion s’est tenue {a_c2} en présence d’une trentaine de professionnels.",
	"Les inscriptions sont ouvertes auprès de la coordination.",
	"L’événement est gratuit et ouvert à tous les professionnels du territoire, adhérents ou non.",
	"Les échanges ont été nourris et plusieurs pistes d’action ont été retenues.",
	"Un compte rendu sera adressé à tous les adhérents dans les prochains jours.",
	"{person}, qui préside la communauté, a remercié les participants pour leur engagement.",
	"La soirée s’est terminée par un moment convivial, l’occasion de faire connaissance entre collègues.",
	"Le projet a reçu le soutien de l’Agence régionale de santé et de la caisse primaire d’assurance maladie.",
	"La prochaine rencontre aura lieu {a_main}, à la maison des associations.",
	"Les professionnels intéressés peuvent rejoindre le groupe de travail à tout moment.",
	"Les patients concernés seront informés par leur médecin traitant ou leur pharmacien.",
	"Les supports de présentation sont disponibles auprès de la coordination.",
	"Cette action s’inscrit dans le projet de santé de la {cpts_link}.",
	"Une première évaluation sera présentée lors de la prochaine assemblée générale.",
	"Les élus {de_c2} ont salué l’initiative et proposé de mettre une salle à disposition.",
	"Le calendrier des prochaines dates sera publié sur cette page.",
	"Les habitants {de_main} et des communes voisines sont invités à relayer l’information.",
	"Plusieurs professionnels de la {voisin} se sont joints à la réunion.",
	"Le groupe se réunira de nouveau dans trois mois pour faire le point.",
	"Les questions peuvent être adressées à la coordination par courriel ou par téléphone.",
	"Les participants ont souligné l’intérêt de ces temps d’échange entre professions.",
	"La démarche sera étendue aux autres communes du territoire si le bilan est positif.",
	"Un questionnaire a été envoyé aux adhérents pour recueillir leurs besoins.",
	"La date du {date_event} a été retenue pour la prochaine étape.",
	"Le dispositif reste modeste, mais il a déjà fait ses preuves sur d’autres territoires.",
	"Plus d’informations sur la commune de {c_link} et sur les CPTS qui la couvrent.",
}

// sitePool holds sentences for news of the whole directory.
var sitePool = pool{
	"L’annuaire recense désormais {n_cpts} CPTS, de la simple lettre d’intention à l’accord signé.",
	"Chaque fiche précise le territoire couvert, les missions engagées et les moyens de contacter la communauté.",
	"Les données des communes proviennent du Code officiel géographique de l’INSEE.",
	"Parmi les dernières fiches mises à jour figure celle de la {partner}.",
	"Les CPTS peuvent signaler une erreur ou une évolution de leur territoire à l’équipe de l’annuaire.",
	"Les chiffres par département sont disponibles, par exemple pour le département {dept_link}.",
	"La couverture du territoire progresse chaque trimestre.",
	"Les communes qui ne sont couvertes par aucune CPTS affichent les communautés les plus proches.",
	"Pour comprendre le rôle de ces communautés, lisez la page {page_link}.",
	"La mise à jour du {date_event} a porté sur les contacts et les missions.",
	"Les professionnels de santé peuvent y trouver la CPTS de leur lieu d’exercice.",
	"Les habitants y trouvent la communauté qui couvre leur commune et la façon de la joindre.",
	"L’annuaire est publié sous licence ouverte et ses données peuvent être réutilisées.",
	"La {voisin} fait partie des communautés qui ont récemment complété leur fiche.",
}

// newsTopic is a kind of news item: its title templates, the sentences
// that open it and its tags.
type newsTopic struct {
	titles []string
	lead   pool
	tags   []string
	list   []string // items of an optional bulleted list
}

var cptsTopics = []newsTopic{
	{
		titles: []string{"Assemblée générale de la CPTS : le bilan de l’année", "Retour sur l’assemblée générale {a_main}"},
		lead: pool{"L’assemblée générale annuelle s’est tenue le {date_event} {a_main}.",
			"Le rapport d’activité a été adopté à l’unanimité des membres présents.",
			"Le bureau a été renouvelé pour deux ans.",
			"Le budget prévisionnel prévoit de renforcer l’équipe de coordination."},
		tags: []string{"assemblee-generale", "vie-associative"},
		list: []string{"adoption du rapport d’activité", "élection du bureau", "présentation du budget", "questions diverses"},
	},
	{
		titles: []string{"Signature de l’accord conventionnel interprofessionnel", "La CPTS signe son contrat avec l’Assurance maladie"},
		lead: pool{"Le {date_event}, {la_cpts} a signé l’accord conventionnel interprofessionnel avec l’Assurance maladie et l’Agence régionale de santé.",
			"Cette signature reconnaît le travail mené depuis la création de la communauté.",
			"Elle ouvre droit à un financement pour les missions du projet de santé.",
			"Les missions socles devront être engagées dans les prochains mois."},
		tags: []string{"aci", "financement"},
	},
	{
		titles: []string{"Une nouvelle maison de santé {a_c2}", "Ouverture d’une maison de santé pluriprofessionnelle {a_c2}"},
		lead: pool{"Une maison de santé pluriprofessionnelle ouvre ses portes {a_c2}.",
			"Elle réunit des médecins généralistes, des infirmiers, un masseur-kinésithérapeute et une orthophoniste.",
			"Le projet a été accompagné par la communauté dès ses débuts.",
			"La commune a mis le bâtiment à disposition des professionnels."},
		tags: []string{"exercice-coordonne", "installation"},
	},
	{
		titles: []string{"Campagne de vaccination contre la grippe", "Vaccination : les professionnels mobilisés cet hiver"},
		lead: pool{"La campagne de vaccination contre la grippe saisonnière a commencé.",
			"Médecins, infirmiers, pharmaciens et sages-femmes peuvent vacciner les personnes éligibles.",
			"Les personnes de plus de 65 ans et celles atteintes de maladies chroniques sont prioritaires.",
			"Une permanence de vaccination est organisée {a_main} le samedi matin."},
		tags: []string{"vaccination", "prevention"},
		list: []string{"personnes de 65 ans et plus", "femmes enceintes", "personnes atteintes de certaines maladies chroniques", "entourage des nourrissons fragiles"},
	},
	{
		titles: []string{"Dépistage du cancer colorectal : la CPTS se mobilise", "Octobre rose {a_main}"},
		lead: pool{"Le dépistage précoce sauve des vies, mais la participation reste trop faible sur le territoire.",
			"Les pharmaciens remettent désormais le kit de dépistage au comptoir.",
			"Un stand d’information sera tenu au marché {de_main}.",
			"Les professionnels rappellent que le test est gratuit pour les personnes concernées."},
		tags: []string{"depistage", "prevention"},
	},
	{
		titles: []string{"Recrutement d’un coordinateur ou d’une coordinatrice", "La CPTS recrute"},
		lead: pool{"{La_cpts} recrute un coordinateur ou une coordinatrice pour accompagner ses projets.",
			"Le poste est basé {a_main}, avec des déplacements sur tout le territoire.",
			"Une expérience dans le secteur de la santé ou de la gestion de projet est souhaitée.",
			"Les candidatures sont à adresser à la présidence de l’association."},
		tags: []string{"recrutement"},
		list: []string{"animer les groupes de travail", "suivre les indicateurs du projet de santé", "assurer le lien avec les partenaires", "organiser les réunions et les événements"},
	},
	{
		titles: []string{"Soins non programmés : un nouveau dispositif {a_main}", "Des créneaux de soins non programmés pour désengorger les urgences"},
		lead: pool{"Les médecins généralistes du territoire réservent désormais des créneaux pour les demandes de soins non programmés.",
			"Les patients sont orientés par le service d’accès aux soins ou par leur pharmacien.",
			"L’objectif est d’éviter des passages aux urgences qui pourraient être pris en charge en ville.",
			"Le dispositif sera évalué au bout de six mois."},
		tags: []string{"soins-non-programmes", "urgences"},
	},
	{
		titles: []string{"Journée de prévention {a_c2}", "Une journée santé pour les habitants {de_c2}"},
		lead: pool{"Une journée de prévention est organisée le {date_event} {a_c2}.",
			"Des professionnels de plusieurs métiers proposeront des dépistages gratuits et des conseils.",
			"Les familles sont les bienvenues : des ateliers sont prévus pour les enfants.",
			"Aucune inscription n’est nécessaire."},
		tags: []string{"prevention", "evenement"},
		list: []string{"mesure de la tension artérielle", "dépistage du diabète", "conseils nutritionnels", "prévention des chutes"},
	},
	{
		titles: []string{"Parcours insuffisance cardiaque : lancement du groupe de travail", "Un parcours coordonné pour les patients insuffisants cardiaques"},
		lead: pool{"Un groupe de travail consacré à l’insuffisance cardiaque a été lancé.",
			"Il réunit médecins généralistes, cardiologues, infirmiers et pharmaciens.",
			"L’objectif est de repérer plus tôt les décompensations et d’éviter les réhospitalisations.",
			"Un protocole commun sera proposé à tous les adhérents."},
		tags: []string{"parcours", "maladies-chroniques"},
	},
	{
		titles: []string{"Accueil des internes : une soirée d’information", "Jeunes professionnels : découvrez le territoire"},
		lead: pool{"Une soirée d’accueil est organisée pour les internes et les étudiants en stage sur le territoire.",
			"Ils pourront rencontrer les professionnels installés et découvrir les possibilités d’exercice.",
			"Des aides à l’installation existent et seront présentées.",
			"Le logement des stagiaires reste une difficulté que la communauté cherche à résoudre avec les communes."},
		tags: []string{"jeunes-professionnels", "installation"},
	},
	{
		titles: []string{"Canicule : les bons réflexes", "Fortes chaleurs : la CPTS appelle à la vigilance"},
		lead: pool{"Avec l’arrivée des fortes chaleurs, les professionnels appellent à la vigilance.",
			"Les personnes âgées, les nourrissons et les personnes malades sont les plus exposés.",
			"Les mairies tiennent un registre des personnes isolées qui peuvent être contactées.",
			"Les infirmiers libéraux renforcent leur attention lors des visites à domicile."},
		tags: []string{"prevention", "canicule"},
		list: []string{"boire régulièrement de l’eau", "fermer les volets le jour", "éviter les efforts aux heures chaudes", "prendre des nouvelles des proches isolés"},
	},
	{
		titles: []string{"Santé mentale : formation aux premiers secours", "Premiers secours en santé mentale : une nouvelle session"},
		lead: pool{"Une formation aux premiers secours en santé mentale est proposée aux professionnels et aux partenaires.",
			"Elle apprend à repérer les signes d’une détresse psychique et à orienter la personne.",
			"La formation dure deux jours et se tient {a_main}.",
			"Les places sont limitées à seize participants par session."},
		tags: []string{"sante-mentale", "formation"},
	},
	{
		titles: []string{"Télésoin : une expérimentation sur le territoire", "La téléconsultation assistée arrive dans les pharmacies"},
		lead: pool{"Plusieurs pharmacies du territoire proposent désormais des téléconsultations assistées.",
			"Le patient est accompagné par le pharmacien pendant la consultation à distance.",
			"Le dispositif vise d’abord les habitants sans médecin traitant.",
			"Il ne remplace pas les consultations en cabinet."},
		tags: []string{"telesante", "acces-aux-soins"},
	},
	{
		titles: []string{"Mois sans tabac : les professionnels mobilisés", "Arrêter de fumer : un accompagnement près de chez vous"},
		lead: pool{"À l’occasion du Mois sans tabac, les professionnels proposent un accompagnement à l’arrêt.",
			"Médecins, sages-femmes, infirmiers et pharmaciens peuvent prescrire des substituts nicotiniques.",
			"Des consultations dédiées sont ouvertes {a_main}.",
			"Les patients peuvent aussi être orientés vers un tabacologue."},
		tags: []string{"prevention", "tabac"},
	},
	{
		titles: []string{"Un médecin traitant pour chaque patient : point d’étape", "Patients sans médecin traitant : où en est-on ?"},
		lead: pool{"La communauté fait le point sur l’accès à un médecin traitant.",
			"Plusieurs centaines de patients en affection de longue durée ont retrouvé un médecin traitant depuis le début de l’année.",
			"Les médecins qui le peuvent acceptent de nouveaux patients, en priorité les plus fragiles.",
			"Le recrutement de nouveaux médecins reste la clé."},
		tags: []string{"medecin-traitant", "acces-aux-soins"},
	},
	{
		titles: []string{"Rencontre avec les élus {de_c2}", "Les élus du territoire rencontrent la CPTS"},
		lead: pool{"Les membres du bureau ont rencontré les élus {de_c2}.",
			"Les échanges ont porté sur l’installation de nouveaux professionnels et sur le logement des stagiaires.",
			"La commune envisage de rénover un local pour accueillir un cabinet.",
			"Une nouvelle rencontre est prévue avant la fin de l’année."},
		tags: []string{"partenariat", "elus"},
	},
	{
		titles: []string{"Formation pluriprofessionnelle sur les plaies chroniques", "Plaies et cicatrisation : une soirée de formation"},
		lead: pool{"Une soirée de formation sur la prise en charge des plaies chroniques a réuni médecins, infirmiers et pharmaciens.",
			"Un dermatologue a présenté les recommandations récentes.",
			"Les participants ont travaillé sur des cas concrets.",
			"Un protocole commun sera diffusé aux adhérents."},
		tags: []string{"formation", "parcours"},
	},
}

var siteTopics = []newsTopic{
	{
		titles: []string{"L’annuaire compte désormais {n_cpts} CPTS", "Nouvelles fiches dans l’annuaire"},
		lead:   pool{"L’annuaire national des CPTS s’enrichit de nouvelles fiches.", "Chaque CPTS dispose d’une page qui présente son territoire et ses missions."},
		tags:   []string{"annuaire", "chiffres"},
	},
	{
		titles: []string{"Mise à jour des communes : Code officiel géographique", "Les communes de l’annuaire mises à jour"},
		lead:   pool{"Les communes de l’annuaire suivent le Code officiel géographique de l’INSEE.", "Les communes nouvelles et les fusions de l’année ont été prises en compte."},
		tags:   []string{"annuaire", "donnees"},
	},
	{
		titles: []string{"Accessibilité de l’annuaire : où en sommes-nous ?", "Un annuaire plus accessible"},
		lead:   pool{"L’annuaire a fait l’objet d’un audit d’accessibilité.", "Les pages fonctionnent sans JavaScript et au clavier."},
		tags:   []string{"annuaire", "accessibilite"},
		list:   []string{"navigation au clavier", "contrastes renforcés", "index des communes sans JavaScript", "textes alternatifs"},
	},
}

// missionTitles gives, for each mission kind, titles and summaries.
var missionTitles = map[string][]string{
	"acces-medecin-traitant":        {"Un médecin traitant pour chacun", "Faciliter l’accès à un médecin traitant"},
	"soins-non-programmes":          {"Soins non programmés", "Organiser la réponse aux demandes de soins non programmés"},
	"parcours":                      {"Parcours pluriprofessionnels", "Parcours des patients atteints de maladies chroniques", "Parcours de la personne âgée à domicile"},
	"prevention":                    {"Prévention et dépistage", "Prévention des chutes et de la perte d’autonomie", "Dépistage des cancers"},
	"qualite-pertinence":            {"Qualité et pertinence des soins", "Bon usage des médicaments"},
	"accompagnement-professionnels": {"Attractivité du territoire", "Accueil des jeunes professionnels"},
	"crise-sanitaire":               {"Préparation aux crises sanitaires", "Plan de réponse aux crises sanitaires"},
	"libre":                         {"Santé mentale des jeunes", "Santé environnementale", "Éducation thérapeutique du patient"},
}

var missionSummaries = pool{
	"Réunir les professionnels concernés, définir un protocole commun et suivre des indicateurs partagés.",
	"Mettre en place une organisation simple, connue de tous les professionnels du territoire.",
	"Mieux coordonner les interventions autour du patient, de l’hôpital au domicile.",
	"Informer les habitants, repérer les personnes à risque et les orienter.",
	"Former les professionnels et partager les bonnes pratiques.",
	"S’appuyer sur les structures existantes plutôt que d’en créer de nouvelles.",
}

var contactHours = []string{"du lundi au vendredi, 9 h - 17 h", "du lundi au jeudi, 8 h 30 - 12 h 30", "le mardi et le jeudi, 14 h - 18 h", "sur rendez-vous"}

// nameForms make a CPTS's short name and full name from its main commune:
// "Pays de Lunel" and "CPTS du Pays de Lunel". A form returns ok = false
// when it does not suit the commune's name ("Grand Le Mans").
var nameForms = []func(c string) (short, name string, ok bool){
	func(c string) (string, string, bool) { s := "Pays " + de(c); return s, "CPTS du " + s, true },
	func(c string) (string, string, bool) { s := c + " et environs"; return s, "CPTS " + de(s), true },
	func(c string) (string, string, bool) { s := "Bassin " + de(c); return s, "CPTS du " + s, true },
	func(c string) (string, string, bool) { s := "Grand " + c; return s, "CPTS du " + s, !hasArticle(c) },
	func(c string) (string, string, bool) { s := "Cœur " + de(c); return s, "CPTS du " + s, true },
	func(c string) (string, string, bool) { s := "Territoire " + de(c); return s, "CPTS du " + s, true },
	func(c string) (string, string, bool) { s := "Portes " + de(c); return s, "CPTS des " + s, true },
}
