package model_test

import (
	"reflect"
	"testing"

	"github.com/cpts-fr/cpts/generator/model"
)

// TestCountMembers checks the counts of a CPTS's members that its page
// and its open data read: an entry without count is one member, the
// sums by profession and structure (the empty value for an entry that
// does not say), only public names, and whether some entry counts.
func TestCountMembers(t *testing.T) {
	for _, tc := range []struct {
		name    string
		members []*model.Member
		want    model.MemberCounts
	}{
		{"none", nil, model.MemberCounts{ByProfession: map[model.Profession]int{}, ByStructure: map[model.Structure]int{}}},
		{"cited one by one", []*model.Member{
			{Profession: "medecin-generaliste", Name: "A", Public: true},
			{Profession: "medecin-generaliste", Name: "B"},
			{Kind: model.KindStructure, Structure: "msp", Name: "C", Public: true},
		}, model.MemberCounts{Professionals: 2, Structures: 1,
			ByProfession: map[model.Profession]int{"medecin-generaliste": 2}, ByStructure: map[model.Structure]int{"msp": 1}}},
		{"counted", []*model.Member{
			{Profession: "infirmier", Count: 12},
			{Count: 3},
			{Kind: model.KindStructure, Count: 2},
		}, model.MemberCounts{Professionals: 15, Structures: 2, Counted: true,
			ByProfession: map[model.Profession]int{"infirmier": 12, "": 3}, ByStructure: map[model.Structure]int{"": 2}}},
	} {
		c := &model.CPTS{Members: tc.members}
		got := c.CountMembers()
		var named []string
		for _, m := range got.Named {
			named = append(named, m.Name)
		}
		got.Named = nil
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
		if tc.name == "cited one by one" && !reflect.DeepEqual(named, []string{"A", "C"}) {
			t.Errorf("%s: named %q, want the public ones", tc.name, named)
		}
	}
}
