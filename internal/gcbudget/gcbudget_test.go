package gcbudget

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// restore puts the collector back as the test found it.
func restore(t *testing.T) {
	percent := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
}

var keep [][]byte

func TestStaysWithinBudgetWhileLiveHeapIsSmall(t *testing.T) {
	restore(t)
	p := Policy{Budget: 1 << 30, Percent: 400, Fallback: 50, Share: 0.5, Every: time.Millisecond}
	stop := Start(p)
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	if stop() {
		t.Fatal("fell back with a live heap far under the budget")
	}
	if got := debug.SetMemoryLimit(-1); got != p.Budget {
		t.Errorf("memory limit = %d, want the budget %d", got, p.Budget)
	}
	if got := debug.SetGCPercent(100); got != p.Percent {
		t.Errorf("GOGC = %d, want %d", got, p.Percent)
	}
}

func TestFallsBackWhenLiveHeapPassesItsShare(t *testing.T) {
	restore(t)
	p := Policy{Budget: 64 << 20, Percent: 400, Fallback: 50, Share: 0.5, Every: time.Millisecond}
	stop := Start(p)
	for range 48 {
		keep = append(keep, make([]byte, 1<<20)) // 48 MiB live: 75 % of the budget
	}
	runtime.GC()
	deadline := time.Now().Add(2 * time.Second)
	for debug.SetMemoryLimit(-1) != math.MaxInt64 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if !stop() {
		t.Fatal("did not fall back with the live heap at 75 % of the budget")
	}
	keep = nil
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("memory limit = %d after the fallback, want none", got)
	}
	if got := debug.SetGCPercent(100); got != p.Fallback {
		t.Errorf("GOGC = %d after the fallback, want %d", got, p.Fallback)
	}
}

// TestQuietUntilTheFirstCollection: with Quiet, the collector is off under
// a memory limit of Quiet; the first collection (here forced) brings the
// budget and Percent.
func TestQuietUntilTheFirstCollection(t *testing.T) {
	restore(t)
	p := Policy{Budget: 1 << 30, Percent: 400, Fallback: 50, Share: 0.5, Every: time.Millisecond, Quiet: 256 << 20}
	stop := Start(p)
	defer stop()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("GOGC = %d while quiet, want off", got)
	}
	if got := debug.SetMemoryLimit(-1); got != p.Quiet {
		t.Errorf("memory limit = %d while quiet, want %d", got, p.Quiet)
	}
	runtime.GC()
	deadline := time.Now().Add(2 * time.Second)
	for debug.SetMemoryLimit(-1) != p.Budget && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got != p.Budget {
		t.Errorf("memory limit = %d after the first collection, want the budget %d", got, p.Budget)
	}
	if got := debug.SetGCPercent(100); got != p.Percent {
		t.Errorf("GOGC = %d after the first collection, want %d", got, p.Percent)
	}
}

// TestHeadroomFollowsTheLiveHeap: after the fallback, with Headroom, the
// memory limit is Headroom times the live heap, and follows it as it grows.
func TestHeadroomFollowsTheLiveHeap(t *testing.T) {
	restore(t)
	p := Policy{Budget: 64 << 20, Percent: 400, Fallback: 50, Share: 0.5, Every: time.Millisecond, Headroom: 1.7}
	stop := Start(p)
	defer func() { keep = nil }()
	limitFor := func(live int) {
		t.Helper()
		for len(keep) < live {
			keep = append(keep, make([]byte, 1<<20))
		}
		runtime.GC()
		want := int64(1.7 * float64(live<<20))
		deadline := time.Now().Add(2 * time.Second)
		got := debug.SetMemoryLimit(-1)
		slack := int64(28 << 20) // 1.7 times 16 MiB: the rest of the test's heap
		for (got < want || got > want+slack) && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
			got = debug.SetMemoryLimit(-1)
		}
		if got < want || got > want+slack {
			t.Errorf("memory limit %d MiB with %d MiB live, want about %d MiB", got>>20, live, want>>20)
		}
	}
	limitFor(48) // 75 % of the budget: the fallback
	limitFor(96)
	if !stop() {
		t.Error("did not fall back")
	}
	if got := debug.SetGCPercent(100); got != p.Fallback {
		t.Errorf("GOGC = %d after the fallback, want %d", got, p.Fallback)
	}
}
