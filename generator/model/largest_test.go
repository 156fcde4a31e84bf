package model

import (
	"reflect"
	"testing"

	"github.com/cpts-fr/cpts/generator/geo"
)

func TestLargest(t *testing.T) {
	entry := func(name string, pop int) *TerritoryEntry {
		return &TerritoryEntry{Commune: &geo.Commune{Name: name, Population: pop}}
	}
	terr := &Territory{Entries: []*TerritoryEntry{entry("Bram", 300), {Code: "99999"}, entry("Alzonne", 300), entry("Castelnaudary", 11000), entry("Airoux", 90)}}
	for _, tc := range []struct {
		n    int
		want Largest
	}{
		{2, Largest{Names: []string{"Castelnaudary", "Alzonne"}, More: 2}},
		{4, Largest{Names: []string{"Castelnaudary", "Alzonne", "Bram", "Airoux"}}},
		{9, Largest{Names: []string{"Castelnaudary", "Alzonne", "Bram", "Airoux"}}},
		{0, Largest{More: 4}},
	} {
		if got := terr.Largest(tc.n); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Largest(%d) = %+v, want %+v", tc.n, got, tc.want)
		}
	}
	if got := (&Territory{}).Largest(12); !reflect.DeepEqual(got, Largest{}) {
		t.Errorf("empty territory: %+v", got)
	}
}
