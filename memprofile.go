package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// CHISO_MEMPROFILE=FILE makes `chiso build` write a heap profile (go tool pprof) taken
// near its peak: a sampler looks at the heap every 20 ms and writes the profile again
// each time the heap in use grows past the largest seen by 5 %. An environment variable,
// not a flag: it is for the developers measuring memory beside bench/run.sh, not the editors.
// CHISO_MEMTRACE=1 besides prints each new high of the heap, with the time, to stderr.
func memProfile() (stop func()) {
	file, trace := os.Getenv("CHISO_MEMPROFILE"), os.Getenv("CHISO_MEMTRACE") != ""
	if file == "" && !trace {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var peak uint64
		var ms runtime.MemStats
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse <= peak+peak/20 {
				continue
			}
			peak = ms.HeapInuse
			if trace {
				fmt.Fprintf(os.Stderr, "memtrace %s heap-inuse %d MiB sys %d MiB\n", time.Now().Format("15:04:05.000"), ms.HeapInuse>>20, ms.Sys>>20)
			}
			if file == "" {
				continue
			}
			if f, err := os.Create(file); err == nil {
				pprof.Lookup("heap").WriteTo(f, 0)
				f.Close()
			}
		}
	}()
	return func() { close(done); <-finished }
}
