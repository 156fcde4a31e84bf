package model

import (
	"fmt"
	"strconv"
)

// Event is a dated event of a CPTS (general assembly, training evening,
// prevention day), from events.toml.
type Event struct {
	Fields
	Title       string    `toml:"title" cpts:"required"`
	Date        Date      `toml:"date" cpts:"required"`
	Time        ClockTime `toml:"time"`     // start, local time in France
	EndTime     ClockTime `toml:"end_time"` // end, the same day
	Place       string    `toml:"place"`
	Commune     string    `toml:"commune"` // INSEE code
	Description string    `toml:"description"`
	Link        URL       `toml:"link"`

	CPTS *CPTS
}

// ClockTime is a time of day, "18:30".
type ClockTime struct {
	Hour, Minute int
	Valid        bool // the time was given
}

// Set reads "18:30" or "18h30".
func (c *ClockTime) Set(s string) error {
	bad := fmt.Errorf("%q is not a time of day: want HH:MM, such as \"18:30\"", s)
	if len(s) != 5 || (s[2] != ':' && s[2] != 'h') {
		return bad
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || s[0] == '+' || s[3] == '+' || s[0] == '-' || s[3] == '-' {
		return bad
	}
	*c = ClockTime{Hour: h, Minute: m, Valid: true}
	return nil
}

// String formats the time as "18:30", or "" when not set.
func (c ClockTime) String() string {
	if !c.Valid {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute)
}

// Minutes is the time as minutes since midnight.
func (c ClockTime) Minutes() int { return c.Hour*60 + c.Minute }
