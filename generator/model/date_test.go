package model

import (
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // String() of the result, "" for an error
	}{
		{"2019", "2019"},
		{"2019-06", "2019-06"},
		{"2020-07-17", "2020-07-17"},
		{"2024-02-29", "2024-02-29"},
		{"2023-02-29", ""},
		{"2020-04-31", ""},
		{"2020-13-01", ""},
		{"2020-00", ""},
		{"2020-7-17", ""},
		{"20200717", ""},
		{"juin 2019", ""},
		{"2020-07-+1", ""},
		{"", ""},
		// Years: MinYear to MaxYear.
		{"1900", "1900"},
		{"1900-01-01", "1900-01-01"},
		{"2100-12-31", "2100-12-31"},
		{"2100-12", "2100-12"},
		{"1899-12-31", ""},
		{"2101-01-01", ""},
		{"2101", ""},
		{"0000", ""},
		{"0000-01-01", ""},
		{"0001-01", ""},
		{"0999", ""},
		{"9999-12-31", ""},
		{"+202", ""},
		{"-202", ""},
		{"+202-01-01", ""},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if got := d.String(); got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseDateYearError(t *testing.T) {
	for _, in := range []string{"0000-01-01", "1899", "2101-06"} {
		_, err := ParseDate(in)
		if err == nil || !strings.Contains(err.Error(), "is not between 1900 and 2100") {
			t.Errorf("ParseDate(%q): error %v, want the year range", in, err)
		}
	}
	if _, err := ParseDate("1800-13-01"); err == nil || !strings.Contains(err.Error(), "month 13") {
		t.Errorf("ParseDate(1800-13-01): error %v, want the month first", err)
	}
}

func TestDateOf(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string // String() of the result, "" for an error
	}{
		{time.Date(2019, 6, 13, 0, 0, 0, 0, time.UTC), "2019-06-13"},
		{time.Date(1900, 1, 1, 0, 0, 0, 0, time.Local), "1900-01-01"},
		{time.Date(2100, 12, 31, 0, 0, 0, 0, time.UTC), "2100-12-31"},
		{time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), ""},
		{time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC), ""},
		{time.Date(2101, 1, 1, 0, 0, 0, 0, time.UTC), ""},
		{time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), ""},
		{time.Date(2019, 6, 13, 10, 30, 0, 0, time.UTC), ""}, // time of day
		{time.Date(2019, 6, 13, 0, 0, 0, 1, time.UTC), ""},
	}
	for _, tt := range tests {
		d, err := DateOf(tt.in)
		if got := d.String(); got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("DateOf(%v) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		if err == nil && d.Precision != Day {
			t.Errorf("DateOf(%v): precision %v, want Day", tt.in, d.Precision)
		}
	}
}

func TestCheckYear(t *testing.T) {
	for y, ok := range map[int]bool{0: false, -1: false, 1899: false, MinYear: true, 2026: true, MaxYear: true, 2101: false, 9999: false} {
		if err := CheckYear(y); (err == nil) != ok {
			t.Errorf("CheckYear(%d) = %v, want ok=%v", y, err, ok)
		}
	}
}

func TestDateBefore(t *testing.T) {
	a, _ := ParseDate("2019-06")
	b, _ := ParseDate("2019-06-01")
	c, _ := ParseDate("2019-06-02")
	if !a.Before(b) || b.Before(a) || !b.Before(c) || c.Before(a) {
		t.Error("Before: want 2019-06 < 2019-06-01 < 2019-06-02")
	}
}

func TestSizeTier(t *testing.T) {
	for pop, want := range map[int]int{0: 1, 39999: 1, 40000: 2, 48219: 2, 79999: 2, 80000: 3, 174999: 3, 175000: 4} {
		if got := SizeTier(pop); got != want {
			t.Errorf("SizeTier(%d) = %d, want %d", pop, got, want)
		}
	}
}

func TestNewsVisible(t *testing.T) {
	now := time.Date(2024, 4, 11, 12, 0, 0, 0, time.UTC)
	d := func(s string) Date { x, _ := ParseDate(s); return x }
	tests := []struct {
		name   string
		n      News
		drafts bool
		want   bool
	}{
		{"past", News{Date: d("2024-04-10")}, false, true},
		{"today", News{Date: d("2024-04-11")}, false, true},
		{"scheduled", News{Date: d("2024-04-12")}, false, false},
		{"this month", News{Date: d("2024-04")}, false, true},
		{"draft", News{Date: d("2024-01-01"), Draft: true}, false, false},
		{"draft shown", News{Date: d("2024-01-01"), Draft: true}, true, true},
		{"expired", News{Date: d("2024-01-01"), Expires: d("2024-04-11")}, false, false},
		{"not yet expired", News{Date: d("2024-01-01"), Expires: d("2024-04-12")}, false, true},
	}
	for _, tt := range tests {
		if got := tt.n.Visible(now, tt.drafts); got != tt.want {
			t.Errorf("%s: Visible = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestNewsVisibleAsTimes holds Visible, which compares days, to the
// instants the dates designate (Date.Time), for dates of every precision
// around instants at and near midnight, in UTC and in Paris time.
func TestNewsVisibleAsTimes(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		paris = time.FixedZone("CET", 3600)
	}
	var nows []time.Time
	for _, loc := range []*time.Location{time.UTC, paris} {
		for _, s := range []string{"2023-12-31T23:59:59", "2024-01-01T00:00:00", "2024-02-29T00:30:00", "2024-03-01T23:30:00", "2024-04-11T12:00:00"} {
			now, _ := time.ParseInLocation("2006-01-02T15:04:05", s, loc)
			nows = append(nows, now)
		}
	}
	var dates []Date
	for day := time.Date(2023, 12, 25, 0, 0, 0, 0, time.UTC); day.Before(time.Date(2024, 4, 20, 0, 0, 0, 0, time.UTC)); day = day.AddDate(0, 0, 1) {
		d := DayOf(day)
		dates = append(dates, d, Date{Year: d.Year, Month: d.Month, Precision: Month}, Date{Year: d.Year, Precision: Year})
	}
	for _, now := range nows {
		for _, d := range dates {
			for _, n := range []News{{Date: d}, {Expires: d}} {
				want := (n.Date.IsZero() || !n.Date.Time().After(now)) && (n.Expires.IsZero() || now.Before(n.Expires.Time()))
				if got := n.Visible(now, false); got != want {
					t.Fatalf("now %v, date %v, expires %v: Visible = %v, want %v", now, n.Date, n.Expires, got, want)
				}
			}
		}
	}
}
