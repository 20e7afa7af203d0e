package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestBoundHeap: after a collection the build's soft limit follows the live heap; stop
// lifts it; GOGC in the environment leaves the collector alone.
func TestBoundHeap(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	stop := boundHeap()
	keep := make([]byte, 8<<20)
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) == math.MaxInt64 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	limit := debug.SetMemoryLimit(-1)
	runtime.KeepAlive(keep)
	stop()
	if limit == math.MaxInt64 || limit < heapRoomFloor+8<<20 {
		t.Errorf("limit after a collection = %d, want the live heap's 1.5 times + %d", limit, heapRoomFloor)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit after stop = %d, want none", got)
	}
	t.Setenv("GOGC", "100")
	boundHeap()()
	runtime.GC()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit with GOGC set = %d, want none", got)
	}
}
