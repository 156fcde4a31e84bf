package geo

import (
	"slices"
	"testing"
)

func TestSuggestCodes(t *testing.T) {
	tab := load(t)
	tests := []struct {
		code    string
		n       int
		want    string // must be among the suggestions
		first   string // first suggestion, "" to skip
		wantLen int    // -1 to skip
	}{
		{"34154", 6, "34145", "", -1}, // swapped neighbours
		{"46128", 6, "46127", "", -1}, // one digit changed
		{"2A005", 6, "2A004", "", -1},
		{"2a005", 6, "2A004", "", -1},
		{"34145", 3, "", "", 3}, // a known code suggests its neighbours, not itself
		{"99999", 3, "", "", 0},
		{"123", 3, "", "", 0},
	}
	for _, tt := range tests {
		got := tab.SuggestCodes(tt.code, tt.n)
		cs := codes(got)
		if len(got) > tt.n {
			t.Errorf("SuggestCodes(%s, %d) returned %d", tt.code, tt.n, len(got))
		}
		if tt.want != "" && !slices.Contains(cs, tt.want) {
			t.Errorf("SuggestCodes(%s) = %v, want %s among them", tt.code, cs, tt.want)
		}
		if tt.wantLen >= 0 && len(cs) != tt.wantLen {
			t.Errorf("SuggestCodes(%s) = %v, want %d", tt.code, cs, tt.wantLen)
		}
		if slices.Contains(cs, upper(tt.code)) {
			t.Errorf("SuggestCodes(%s) suggests itself", tt.code)
		}
		dep := ""
		for i, c := range got {
			if i > 0 && c.Departement == departementOf(upper(tt.code)) && dep != c.Departement {
				t.Errorf("SuggestCodes(%s) = %v: same département not first", tt.code, cs)
			}
			dep = c.Departement
		}
	}
}

func TestSuggestNames(t *testing.T) {
	tab := load(t)
	tests := []struct {
		name, first string
	}{
		{"Gourdn", "46127"},
		{"Lunnel", "34145"},
		{"Colomier", "31149"},
		{"St-Ettienne", "42218"},
		{"Lion d'Anger", "49176"},
		{"Gourdon", "46127"}, // exact match first
	}
	for _, tt := range tests {
		got := codes(tab.SuggestNames(tt.name, 3))
		if len(got) == 0 || got[0] != tt.first || len(got) > 3 {
			t.Errorf("SuggestNames(%q) = %v, want %s first", tt.name, got, tt.first)
		}
	}
	if got := tab.SuggestNames("xqzwvkj", 3); len(got) != 0 {
		t.Errorf("SuggestNames(nonsense) = %v, want none", codes(got))
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 1, 0},
		{"abc", "abc", 1, 0},
		{"abc", "acb", 1, 1},
		{"abc", "abd", 1, 1},
		{"abc", "ab", 1, 1},
		{"ab", "abc", 1, 1},
		{"abc", "xyz", 2, 3},
		{"abc", "xyz", 3, 3},
		{"lunel", "lunnel", 1, 1},
		{"saint etienne", "saint ettiene", 3, 2},
		{"gourdon", "gordon", 2, 1},
		{"abcdef", "badcfe", 3, 3},
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3},
	}
	var buf distBuf
	for _, tt := range tests {
		if got := buf.distance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

func BenchmarkSuggestNames(b *testing.B) {
	tab := load(b)
	b.ReportAllocs()
	for b.Loop() {
		tab.SuggestNames("Saint-Ettiene-de-Lugdarès", 3)
	}
}
