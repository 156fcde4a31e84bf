package server

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// IdleGCDelay is how long the server waits, after a build, before it may
// run the garbage collector.
const IdleGCDelay = 200 * time.Millisecond

// idleGC moves the garbage collections the runtime would make during a
// rebuild to the quiet time after one. The server holds a whole site in
// memory (about 800 MB for a national directory), so a collection is
// 100-150 ms of marking on two cores; started by the runtime when the
// heap reaches its goal, it falls in the middle of some rebuild, which it
// slows by as much. Once the server has been idle for delay after a
// build, idleGC collects if near says the next collection is close (the
// garbage of the first full build, or of some 15 incremental ones): no
// more collections than the runtime would make, only at other times.
type idleGC struct {
	delay   time.Duration
	near    func() bool // whether the runtime will collect soon
	collect func()

	mu    sync.Mutex
	timer *time.Timer
}

func newIdleGC() *idleGC {
	return &idleGC{delay: IdleGCDelay, near: heapNearGoal, collect: runtime.GC}
}

// busy stops a pending collection: a build starts.
func (g *idleGC) busy() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.timer != nil {
		g.timer.Stop()
		g.timer = nil
	}
}

// idle schedules a collection after delay, unless busy is called first.
func (g *idleGC) idle() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.timer != nil {
		g.timer.Stop()
	}
	var t *time.Timer
	t = time.AfterFunc(g.delay, func() {
		g.mu.Lock()
		current := g.timer == t
		g.timer = nil
		g.mu.Unlock()
		if current && g.near() {
			g.collect()
		}
	})
	g.timer = t
}

// heapNearGoal reports whether the heap has used half the room the
// runtime leaves it above the live heap before it collects (the runtime
// starts a collection at 70 to 95% of it).
func heapNearGoal() bool {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}, {Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	for _, v := range s {
		if v.Value.Kind() != metrics.KindUint64 {
			return false
		}
	}
	goal, live, heap := s[0].Value.Uint64(), s[1].Value.Uint64(), s[2].Value.Uint64()
	return goal > live && heap > live && (heap-live)*2 >= goal-live
}
