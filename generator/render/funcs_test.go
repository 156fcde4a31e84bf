package render

import (
	"testing"

	"github.com/cpts-fr/cpts/generator/model"
)

func TestTn(t *testing.T) {
	strs := map[string]string{
		"members_structures":     "%s structures",
		"members_structures_one": "%s structure",
		"coverage":               "%s communes sur %s",
	}
	tests := []struct {
		lang string
		key  string
		n    int
		args []any
		want string
	}{
		{"fr", "members_structures", 0, nil, "0 structure"},
		{"fr", "members_structures", 1, nil, "1 structure"},
		{"fr", "members_structures", 2, nil, "2 structures"},
		{"fr", "members_structures", 1500, nil, "1\u202f500 structures"},
		{"fr-BE", "members_structures", 1, nil, "1 structure"},
		{"en", "members_structures", 0, nil, "0 structures"},
		{"en", "members_structures", 1, nil, "1 structure"},
		{"fr", "coverage", 1, []any{"586"}, "1 communes sur 586"}, // no singular form: the plural stays
	}
	for _, tc := range tests {
		r := &renderer{strings: strs, missing: map[string]bool{}, site: &model.Site{Config: model.Config{Language: tc.lang}}}
		if got := r.tn(tc.key, tc.n, tc.args...); got != tc.want {
			t.Errorf("%s: tn(%q, %d) = %q, want %q", tc.lang, tc.key, tc.n, got, tc.want)
		}
	}
}
