package model

// Reach is what a territory covers, in communes and inhabitants, told
// apart whole and in part: a CPTS that covers part of a city does not get
// its whole population.
type Reach struct {
	// Communes counts the communes and arrondissements listed and known.
	Communes int
	// Population counts the inhabitants of the communes covered whole.
	Population int
	// Partial lists the entries of communes covered in part, in listed order.
	Partial []*TerritoryEntry
	// PartialPopulation counts the inhabitants of the communes covered in
	// part, each whole: the share the CPTS covers is not known.
	PartialPopulation int
	// Tier is the size tier the figures give, 0 when they cannot tell: the
	// list is incomplete or empty, or the communes covered in part may
	// bring the population over a threshold.
	Tier int
}

// Measure computes the reach of the territory from its resolved entries
// and stores it in t.Reach.
func (t *Territory) Measure() {
	r := Reach{}
	for _, e := range t.Entries {
		if e.Commune == nil {
			continue
		}
		r.Communes++
		if e.Partial {
			r.Partial = append(r.Partial, e)
			r.PartialPopulation += e.Commune.Population
		} else {
			r.Population += e.Commune.Population
		}
	}
	low, high := r.Population, r.Population+r.PartialPopulation
	if !t.Incomplete && high > 0 && SizeTier(low) == SizeTier(high) {
		r.Tier = SizeTier(low)
	}
	t.Reach = r
}

// WholeCommunes counts the communes covered whole.
func (r Reach) WholeCommunes() int { return r.Communes - len(r.Partial) }
