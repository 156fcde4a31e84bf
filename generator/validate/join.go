package validate

import (
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
)

// join checks the [join] table of a CPTS: the page cannot say both that
// membership is free and what it costs.
func (v *validator) join(c *model.CPTS) {
	j := c.Join
	if j == nil || !j.Free || j.Fee == "" {
		return
	}
	v.diags.Errorf(j.At("fee"), diag.Consistency, "join: fee %q with free = true", j.Fee).
		WithHint("keep fee for a paid membership and remove free = true, or remove fee if membership is free")
}
