package model

// The closed lists of the content model. Each type lists its allowed values
// (Values), which the loader checks and uses for did-you-mean hints; their
// French labels live with the theme's UI strings.

// Status is the stage of a CPTS in its lifecycle.
type Status string

// The stages of a CPTS, in order.
const (
	StatusProjet            Status = "projet"
	StatusLettreIntention   Status = "lettre-intention"
	StatusProjetSanteValide Status = "projet-sante-valide"
	StatusACISigne          Status = "aci-signe"
	// StatusUnknown is a stage the source does not give: status left out.
	StatusUnknown Status = ""
)

// Values lists the allowed statuses in lifecycle order.
func (Status) Values() []string {
	return []string{"projet", "lettre-intention", "projet-sante-valide", "aci-signe"}
}

// MemberKind tells a professional from a structure.
type MemberKind string

// Kinds of members.
const (
	KindProfessionnel MemberKind = "professionnel"
	KindStructure     MemberKind = "structure"
)

// Values lists the member kinds.
func (MemberKind) Values() []string { return []string{"professionnel", "structure"} }

// Profession is a health profession, or "non-precise" when the source does not say.
type Profession string

// Values lists the professions.
func (Profession) Values() []string {
	return []string{
		"medecin-generaliste", "medecin-specialiste", "infirmier", "pharmacien",
		"masseur-kinesitherapeute", "sage-femme", "chirurgien-dentiste", "orthophoniste",
		"orthoptiste", "psychologue", "pedicure-podologue", "dieteticien", "ergotherapeute",
		"psychomotricien", "biologiste", "audioprothesiste", "opticien", "assistant-social",
		"coordinateur", "non-precise",
	}
}

// Structure is how a professional practises, or what kind of structure a member is.
type Structure string

// Values lists the structure types.
func (Structure) Values() []string {
	return []string{"liberal", "msp", "centre-de-sante", "etablissement-sanitaire", "medico-social", "social"}
}

// BoardRole is a seat on the board of the carrying association.
type BoardRole string

// Values lists the board roles.
func (BoardRole) Values() []string {
	return []string{"president", "vice-president", "tresorier", "secretaire", "membre-du-bureau"}
}

// MissionKind is one of the missions of the ACI (accord conventionnel
// interprofessionnel), or "libre" for a mission of the CPTS's own.
type MissionKind string

// Values lists the mission kinds in the order of the ACI.
func (MissionKind) Values() []string {
	return []string{
		"acces-medecin-traitant", "soins-non-programmes", "parcours", "prevention",
		"qualite-pertinence", "accompagnement-professionnels", "crise-sanitaire", "libre",
	}
}

// MissionStatus is how far a mission has gone.
type MissionStatus string

// Values lists the mission statuses.
func (MissionStatus) Values() []string {
	return []string{"prevue", "en-cours", "realisee", "abandonnee"}
}

// CommunePages chooses which communes get a page of their own.
type CommunePages string

// The choices of CommunePages.
const (
	PagesCovered     CommunePages = "covered"
	PagesDepartments CommunePages = "departments"
	PagesAll         CommunePages = "all"
)

// Values lists the choices.
func (CommunePages) Values() []string { return []string{"covered", "departments", "all"} }
