package render

import "github.com/cpts-fr/cpts/generator/model"

// splitEvents returns the upcoming events (soonest first) and the past
// ones (latest first).
func (r *renderer) splitEvents(events []*model.Event) (next, past []*model.Event) {
	for _, e := range events {
		if r.plan.Upcoming(e) {
			next = append(next, e)
		} else {
			past = append([]*model.Event{e}, past...)
		}
	}
	return next, past
}
