package geo

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

func TestParseCoord(t *testing.T) {
	tests := []string{"44.73180", "1.37703", "-0.75282", "0.00000", "-0.00001", "179.99999",
		"-21.34215", "48.8566", "2", "1e3", "-", "", "4x.12345", "123.45678", "1234.56789"}
	for _, s := range tests {
		want, wantErr := strconv.ParseFloat(s, 64)
		got, err := parseCoord(s)
		if got != want || (err == nil) != (wantErr == nil) {
			t.Errorf("parseCoord(%q) = %v, %v; want %v, %v", s, got, err, want, wantErr)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		s := fmt.Sprintf("%.5f", (r.Float64()-0.5)*360)
		want, _ := strconv.ParseFloat(s, 64)
		if got, err := parseCoord(s); got != want || err != nil {
			t.Fatalf("parseCoord(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
}

func TestCodeSlot(t *testing.T) {
	tests := []struct {
		code string
		slot int
		ok   bool
	}{
		{"01001", 1001, true},
		{"99999", 99999, true},
		{"2A004", 100004, true},
		{"2a004", 100004, true},
		{"2B366", 101366, true},
		{"2b366", 101366, true},
		{"3A004", 0, false},
		{"2AA04", 0, false},
		{"0100", 0, false},
		{"010011", 0, false},
		{"0100x", 0, false},
	}
	for _, tt := range tests {
		slot, ok := codeSlot(tt.code)
		if slot != tt.slot || ok != tt.ok {
			t.Errorf("codeSlot(%q) = %d, %v; want %d, %v", tt.code, slot, ok, tt.slot, tt.ok)
		}
		if ok && slot >= codeSlots {
			t.Errorf("codeSlot(%q) = %d, beyond %d", tt.code, slot, codeSlots)
		}
	}
}
