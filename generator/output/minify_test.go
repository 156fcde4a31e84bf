package output

import "testing"

// TestMinifyKeepsJSONNumbers: the open data and the search index are read
// as integers; 1000 must not become 1e3, nor 0.50 change its spelling
// beyond white space.
func TestMinifyKeepsJSONNumbers(t *testing.T) {
	got, err := NewMinifier().Minify("donnees/cpts.json", []byte(`{ "population": 1000, "part": 0.50, "codes": [ 30000, 100 ] }`))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"population":1000,"part":0.50,"codes":[30000,100]}`; string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
