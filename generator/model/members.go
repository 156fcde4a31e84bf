package model

// MemberCounts are the members of a CPTS counted, the one rule its page,
// its open data and its search record read: professionals and structures,
// by profession and by structure (the empty value for an entry that does
// not say), and the members whose names may be published.
type MemberCounts struct {
	Professionals, Structures int
	ByProfession              map[Profession]int
	ByStructure               map[Structure]int
	// Named are the members whose names may be published, in the file's
	// order.
	Named []*Member
	// Counted tells whether some entry gives a count: else the members
	// are those the sources cite one by one, and the sums are no totals.
	Counted bool
}

// CountMembers counts the members of c (see MemberCounts).
func (c *CPTS) CountMembers() MemberCounts {
	out := MemberCounts{ByProfession: map[Profession]int{}, ByStructure: map[Structure]int{}}
	for _, m := range c.Members {
		out.Counted = out.Counted || m.Count > 0
		if m.Kind == KindStructure {
			out.Structures += m.Size()
			out.ByStructure[m.Structure] += m.Size()
		} else {
			out.Professionals += m.Size()
			out.ByProfession[m.Profession] += m.Size()
		}
		if m.PublicName() != "" {
			out.Named = append(out.Named, m)
		}
	}
	return out
}
