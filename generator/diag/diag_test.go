package diag

import (
	"reflect"
	"testing"
)

func TestSuggest(t *testing.T) {
	keys := []string{"name", "short_name", "status", "summary", "created", "aci_signed"}
	tests := []struct {
		word string
		want []string
	}{
		{"nmae", []string{"name"}},
		{"stauts", []string{"status"}},
		{"sumary", []string{"summary"}},
		{"colour", nil},
		{"name", nil},
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, keys, 2); !reflect.DeepEqual(got, tt.want) && (len(got) != 0 || len(tt.want) != 0) {
			t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"", "abc", 3}, {"34145", "34415", 1}, {"é", "e", 1}, {"kitten", "sitting", 3}, {"same", "same", 0}} {
		if got := Distance(tt.a, tt.b); got != tt.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
}

func TestListSortAndFormat(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "b.toml", Line: 1, Col: 1}, UnknownFile, "second")
	l.Errorf(Pos{File: "a.toml", Line: 3, Col: 2}, Syntax, "first").WithHint("fix it\nthen again")
	l.Errorf(Pos{File: "a.toml", Line: 3, Col: 2}, Syntax, "first").WithHint("fix it\nthen again")
	l = l.Sort()
	if len(l) != 2 {
		t.Fatalf("Sort kept %d diagnostics, want 2 (duplicates dropped)", len(l))
	}
	want := "a.toml:3:2: error: first [syntax]\n\thint: fix it\n\thint: then again"
	if got := l[0].String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got := l.Summary(); got != "1 error, 1 warning" {
		t.Errorf("Summary() = %q", got)
	}
	if l.Err() == nil || List(nil).Err() != nil {
		t.Error("Err: want an error only when the list has errors")
	}
	if got := (Pos{File: "f"}).String(); got != "f" {
		t.Errorf("Pos without line = %q", got)
	}
}
