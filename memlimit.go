package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// heapRoom is how far above the largest live heap seen a build's memory may grow before
// the collector runs: half of it again, and room for the runtime's own. The collector's
// default lets the heap double the live one, and the peak of a build is its page bodies,
// all live at once (a mid-scale site: 269 MB live, 725 MB of memory); held to 1.5 times
// the largest live heap, the collector runs more often only while the heap is at its high
// mark, not while it is below.
const (
	heapRoomNum, heapRoomDen = 3, 2
	heapRoomFloor            = 32 << 20
)

// boundHeap sets a soft memory limit (debug.SetMemoryLimit) that follows the largest live
// heap seen after each collection, for `chiso build` only. GOGC or GOMEMLIMIT in the
// environment turn it off: whoever sets them chose. stop lifts the limit.
func boundHeap() (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	var mu sync.Mutex // stop and a collection's after may meet
	done := false
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var peak uint64
	var after func()
	// after runs once a collection is over (a finalizer of an object that was garbage),
	// then waits for the next one.
	after = func() {
		mu.Lock()
		defer mu.Unlock()
		if done {
			return
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			if live := sample[0].Value.Uint64(); live > peak {
				peak = live
				debug.SetMemoryLimit(int64(min(peak/heapRoomDen*heapRoomNum+heapRoomFloor, math.MaxInt64/2)))
			}
		}
		rearm(after)
	}
	rearm(after)
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done = true
		debug.SetMemoryLimit(math.MaxInt64)
	}
}

// sentinel is an object made only to be collected; a pointer keeps it out of the tiny
// allocator, whose blocks are freed together.
type sentinel struct{ _ *byte }

func rearm(f func()) {
	runtime.SetFinalizer(new(sentinel), func(*sentinel) { f() })
}
