// Package gcbudget sets the garbage collector of a build process: no
// collection at all until the heap reaches a first threshold, then a
// memory budget while the live heap is small next to it, and a growth
// ratio once it is not.
//
// A build allocates about twenty times its live heap (the pages it makes
// are garbage as soon as they are written), so the collector's CPU is set
// by how much the heap may grow between two collections. A fixed GOGC of
// 50 keeps the peak low but collects every 150-200 MB on the national
// corpus (84 collections, 6-8 s of CPU); a memory limit lets the heap grow
// up to the budget, but makes the collector run without pause once the
// live heap nears it (×4 news: 217 s of CPU instead of 94 s). Start does
// the first while the live heap stays under half the budget, then falls
// back to the second for the rest of the process, under a memory limit
// that follows the live heap (Policy.Headroom), so that the memory the
// heap no longer uses goes back to the system instead of adding to the
// peak. Before both, a small
// site is built without any collection: a one-CPTS build allocates about
// 100 MB, most of it the embedded boundaries and communes that stay live,
// and its three or four collections were a fifth of its CPU (0.41 s
// against 0.33 s with none, medians of six runs alternated).
package gcbudget

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// Policy is what Start sets.
type Policy struct {
	// Budget is the memory limit while the live heap is small (bytes).
	Budget int64
	// Percent is GOGC while the budget holds: high, so that the budget,
	// not the ratio, decides when to collect.
	Percent int
	// Fallback is GOGC once the live heap passes Budget*Share, with no
	// memory limit.
	Fallback int
	// Share of the budget the live heap may reach before the fallback.
	Share float64
	// Every is how often the live heap is read.
	Every time.Duration
	// Headroom, when set, makes the memory limit follow the live heap
	// after the fallback, at Headroom times it: the runtime then returns
	// to the system the memory the heap no longer uses instead of keeping
	// it, so the peak stays near Headroom times the live heap.
	Headroom float64
	// Quiet, when set, is the size the heap may reach before the first
	// collection (GOGC off, a memory limit of Quiet); the budget and
	// Percent apply from the first collection on. At most Budget.
	Quiet int64
}

// Build is the policy of cpts build: no collection before the heap
// reaches 256 MiB, then a 896 MiB budget (the peak stays under 1 GiB of
// RSS: 911 MiB on the national corpus), GOGC 400 under it, GOGC 50 once
// the live heap passes 55 % of it, with a memory limit at 1.7 times the
// live heap (400,000 news: peak RSS 2.41 → 2.06 GB, no more CPU).
var Build = Policy{Budget: 896 << 20, Percent: 400, Fallback: 50, Share: 0.55, Every: 10 * time.Millisecond, Quiet: 256 << 20, Headroom: 1.7}

// Start applies p until stop is called; stop returns whether the policy
// fell back (the live heap passed its share of the budget). stop leaves
// the collector as it is then.
func Start(p Policy) (stop func() (fellBack bool)) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(sample)
	collections := sample[1].Value.Uint64() // before Start
	quiet := p.Quiet > 0 && p.Quiet <= p.Budget
	if quiet {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(p.Quiet)
	} else {
		debug.SetGCPercent(p.Percent)
		debug.SetMemoryLimit(p.Budget)
	}
	done := make(chan struct{})
	var (
		wg       sync.WaitGroup
		fellBack bool
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(p.Every)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if quiet && sample[1].Value.Uint64() > collections { // the first collection: the budget from now on
				debug.SetGCPercent(p.Percent)
				debug.SetMemoryLimit(p.Budget)
				quiet = false
			}
			if !fellBack && over(sample[0].Value, p) {
				debug.SetMemoryLimit(math.MaxInt64)
				debug.SetGCPercent(p.Fallback)
				fellBack = true
				if p.Headroom == 0 {
					return
				}
			}
			if fellBack && sample[0].Value.Kind() == metrics.KindUint64 {
				debug.SetMemoryLimit(int64(p.Headroom * float64(sample[0].Value.Uint64())))
			}
		}
	}()
	var once sync.Once
	return func() bool {
		once.Do(func() { close(done); wg.Wait() })
		return fellBack
	}
}

// over reports whether a reading of the live heap calls for the fallback.
func over(live metrics.Value, p Policy) bool {
	return live.Kind() == metrics.KindUint64 && float64(live.Uint64()) > p.Share*float64(p.Budget)
}
