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

// TestAddCompactSkipsTheMinifier: Add minifies, AddCompact keeps the bytes
// its caller wrote.
func TestAddCompactSkipsTheMinifier(t *testing.T) {
	s := NewSet()
	s.MinifyWith(NewMinifier())
	spaced := []byte(`{ "a": [ 1, 2 ] }`)
	if err := s.Add("a.json", spaced); err != nil {
		t.Fatal(err)
	}
	if err := s.AddCompact("b.json", spaced); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get("a.json"); string(got) != `{"a":[1,2]}` {
		t.Errorf("Add stored %s, want it minified", got)
	}
	if got, _ := s.Get("b.json"); string(got) != string(spaced) {
		t.Errorf("AddCompact stored %s, want the bytes given", got)
	}
	if err := s.AddCompact("b.json", spaced); err == nil {
		t.Error("AddCompact of a path taken: no error")
	}
}
