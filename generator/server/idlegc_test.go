package server

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"
)

// TestIdleGC checks that the collection comes once the server is idle,
// only if the heap is near its goal, and never while a build runs.
func TestIdleGC(t *testing.T) {
	for _, tc := range []struct {
		name  string
		near  bool
		steps func(g *idleGC)
		want  int32
	}{
		{"idle, heap near its goal", true, func(g *idleGC) { g.busy(); g.idle() }, 1},
		{"idle, room left", false, func(g *idleGC) { g.busy(); g.idle() }, 0},
		{"a build starts before the delay", true, func(g *idleGC) { g.idle(); g.busy() }, 0},
		{"builds in a row", true, func(g *idleGC) { g.idle(); g.busy(); g.idle(); g.busy(); g.idle() }, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each waits on its own idleGC
			var collected atomic.Int32
			const delay = 100 * time.Millisecond
			g := &idleGC{delay: delay, near: func() bool { return tc.near }, collect: func() { collected.Add(1) }}
			tc.steps(g)
			for deadline := time.Now().Add(3 * time.Second); collected.Load() < tc.want && time.Now().Before(deadline); {
				time.Sleep(delay / 10)
			}
			time.Sleep(4 * delay) // time for a collection that should not come
			if got := collected.Load(); got != tc.want {
				t.Errorf("%d collections, want %d", got, tc.want)
			}
		})
	}
}

// TestHeapNearGoal checks heapNearGoal against the runtime: far from its
// goal right after a collection, the heap gets near it as garbage piles
// up, before the runtime collects by itself (a collection forced by
// another test's server, when idle, does not count).
func TestHeapNearGoal(t *testing.T) {
	keep := make([][]byte, 0, 64)
	for range 64 {
		keep = append(keep, make([]byte, 1<<20))
	}
	runtime.GC()
	if heapNearGoal() {
		t.Fatal("the heap is near its goal right after a collection")
	}
	cycles := []metrics.Sample{{Name: "/gc/cycles/automatic:gc-cycles"}}
	metrics.Read(cycles)
	before := cycles[0].Value.Uint64()
	gogc := debug.SetGCPercent(100) // read it, then put it back
	debug.SetGCPercent(gogc)
	if gogc < 0 {
		t.Skip("GOGC=off: the runtime never collects")
	}
	var garbage []byte
	for !heapNearGoal() {
		garbage = make([]byte, 64<<10)
		metrics.Read(cycles)
		if cycles[0].Value.Uint64() != before {
			t.Fatal("the runtime collected before the heap was near its goal")
		}
	}
	_, _ = keep[63], garbage
}
