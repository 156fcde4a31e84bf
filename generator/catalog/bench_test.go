package catalog

import "testing"

// BenchmarkText translates a message made of parts, the common case of
// a field's error.
func BenchmarkText(b *testing.B) {
	fr, _ := For("fr")
	for b.Loop() {
		fr.Text(`status: "signe" is not one of the allowed values`)
		fr.Text(`did you mean "aci-signe"? (allowed: projet, lettre-intention, projet-sante-valide, aci-signe)`)
	}
}
