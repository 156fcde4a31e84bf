package fold

import "testing"

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Pays de Lunel":    "pays-de-lunel",
		"Pays_de_Lunel":    "pays-de-lunel",
		"E-Rhôny":          "e-rhony",
		"Qu'est-ce ?":      "qu-est-ce",
		"  --Cœur  ":       "coeur",
		"CPTS 2024 (Gard)": "cpts-2024-gard",
		"Santé mentale":    "sante-mentale",
		"":                 "",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
