package search

import (
	"reflect"
	"testing"
)

// TestDeletions checks the deletion terms of a word: one per letter of
// the key of its shard, deeper where the trie is split; none for short
// words and codes.
func TestDeletions(t *testing.T) {
	split := map[string]bool{"vi": true, "vil": true, "vill": true}
	for _, tc := range []struct {
		w    string
		want []string
	}{
		{"lunel", []string{"~unel", "~lnel"}},
		{"villefranche", []string{"~illefranche", "~vllefranche", "~vilefranche", "~vilefranche", "~villfranche"}},
		{"lune", nil},
		{"34400", nil},
	} {
		if got := deletions(tc.w, split); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("deletions(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}
