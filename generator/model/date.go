package model

import (
	"fmt"
	"strconv"
	"time"
)

// Precision is how much of a date the source gives.
type Precision int8

const (
	// NoDate is the zero Date: unknown.
	NoDate Precision = iota
	// Year precision: "2019".
	Year
	// Month precision: "2019-06".
	Month
	// Day precision: "2019-06-13".
	Day
)

// MinYear and MaxYear bound the year of every date the site holds: CPTS
// creation and signature dates, news and their expiry, events, audit
// dates, and the dates of news file names. A year outside is a typo
// (0000, 2202) that would publish a news item today, sort it before all
// others or never expire it. ParseDate and DateOf enforce the range, so
// check and build refuse the same dates.
const (
	MinYear = 1900
	MaxYear = 2100
)

// CheckYear returns an error when year is outside MinYear–MaxYear.
func CheckYear(year int) error {
	if year < MinYear || year > MaxYear {
		return fmt.Errorf("year %04d is not between %d and %d", year, MinYear, MaxYear)
	}
	return nil
}

// Date is a calendar date with the precision its source gives, so a CPTS
// "created in June 2019" is not shown as created on 1 June. It takes 6
// bytes, where three ints took 32: a news item holds three dates, and a
// decade of news 400,000 items.
type Date struct {
	Year       int16 // 0000 to 9999 as read, MinYear to MaxYear once checked
	Month, Day int8  // 0 when the precision leaves them out
	Precision  Precision
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Precision == NoDate }

// String formats the date in ISO 8601 with its precision: 2019, 2019-06, 2019-06-13.
func (d Date) String() string {
	switch d.Precision {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// dayNumber orders the first days dates may designate, as Time does:
// a date without month or day counts from January or the first.
func (d Date) dayNumber() int {
	return dayNumber(int(d.Year), int(max(d.Month, 1)), int(max(d.Day, 1)))
}

// dayNumber numbers a calendar day so that later days get larger numbers.
func dayNumber(year, month, day int) int { return year<<9 | month<<5 | day }

// Time returns the first instant the date may designate, in UTC.
func (d Date) Time() time.Time {
	m, day := int(max(d.Month, 1)), int(max(d.Day, 1))
	return time.Date(int(d.Year), time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Before orders dates by the first instant they may designate, then by
// precision (the vaguer first).
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if dm, em := max(d.Month, 1), max(e.Month, 1); dm != em {
		return dm < em
	}
	if dd, ed := max(d.Day, 1), max(e.Day, 1); dd != ed {
		return dd < ed
	}
	return d.Precision < e.Precision
}

// DateOf returns the calendar day of t, with Day precision, as TOML dates
// (created = 2019-06-13) decode. It refuses a time with a time of day, and
// a year outside MinYear–MaxYear.
func DateOf(t time.Time) (Date, error) {
	if t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 || t.Nanosecond() != 0 {
		return Date{}, fmt.Errorf("%s has a time of day: want a date only", t.Format(time.RFC3339))
	}
	if err := CheckYear(t.Year()); err != nil {
		return Date{}, fmt.Errorf("%s is not a date: %v", t.Format(time.DateOnly), err)
	}
	return DayOf(t), nil
}

// DayOf returns the calendar day of t, in t's location, with Day
// precision; its year is not checked (see CheckYear).
func DayOf(t time.Time) Date {
	return Date{Year: int16(t.Year()), Month: int8(t.Month()), Day: int8(t.Day()), Precision: Day}
}

// ParseDate reads "2019", "2019-06" or "2019-06-13" and checks the calendar
// (no 31 April, 29 February only in leap years) and the year (MinYear to
// MaxYear).
func ParseDate(s string) (Date, error) {
	d, err := parseDate(s)
	if err != nil {
		return Date{}, err
	}
	if err := CheckYear(int(d.Year)); err != nil {
		return Date{}, fmt.Errorf("%q is not a date: %v", s, err)
	}
	return d, nil
}

// parseDate reads a date of any year from 0000 to 9999.
func parseDate(s string) (Date, error) {
	var d Date
	bad := fmt.Errorf("%q is not a date: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	switch len(s) {
	case 4, 7, 10:
	default:
		return d, bad
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || s[0] == '+' || s[0] == '-' {
		return d, bad
	}
	d = Date{Year: int16(y), Precision: Year}
	if len(s) == 4 {
		return d, nil
	}
	if s[4] != '-' {
		return Date{}, bad
	}
	m, err := strconv.Atoi(s[5:7])
	if err != nil || s[5] == '+' || s[5] == '-' {
		return Date{}, bad
	}
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("%q is not a date: month %d is not between 01 and 12", s, m)
	}
	d.Month, d.Precision = int8(m), Month
	if len(s) == 7 {
		return d, nil
	}
	if s[7] != '-' {
		return Date{}, bad
	}
	day, err := strconv.Atoi(s[8:10])
	if err != nil || s[8] == '+' || s[8] == '-' {
		return Date{}, bad
	}
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > last {
		return Date{}, fmt.Errorf("%q is not a date: %04d-%02d has days 01 to %02d", s, y, m, last)
	}
	d.Day, d.Precision = int8(day), Day
	return d, nil
}
