package validate

import (
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
)

// ars checks the [[ars]] tables of the configuration: a known région,
// once, and a way to reach the agency.
func (v *validator) ars(cfg model.Config) {
	seen := map[string]bool{}
	for _, a := range cfg.ARS {
		switch {
		case a.Region == "":
			continue // required: reported by the loader
		case v.geo.Region(a.Region) == nil:
			v.diags.Errorf(a.At("region"), diag.Value, "ars: unknown région code %q", a.Region).
				WithHint("write the INSEE code of the région: \"76\" for Occitanie, \"52\" for Pays de la Loire")
		case seen[a.Region]:
			v.diags.Errorf(a.At("region"), diag.Consistency, "ars: région %s has another [[ars]] table above", a.Region).
				WithHint("keep one [[ars]] table per région")
		}
		seen[a.Region] = true
		if a.URL == "" && a.Email == "" {
			v.diags.Errorf(a.At("name"), diag.Consistency, "ars: %s has neither url nor email", a.Name).
				WithHint("add url = \"https://…\" (its page on CPTS) or email = \"…\" to this [[ars]] table")
		}
	}
}
