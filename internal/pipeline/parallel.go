package pipeline

import (
	"runtime"
	"sync"

	"chiso/internal/diag"
)

// onAllCores runs work(0) … work(n-1) on every core and returns when all are done. Each
// call writes only its own slot of the caller's result slice, so the order of work never
// shows in the output. A panic in a worker is raised here, in the caller's goroutine,
// where the command turns it into one Vietnamese line (diag.Carry).
func onAllCores(n int, work func(i int)) {
	var wg sync.WaitGroup
	var carry diag.Carry
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				func() {
					defer carry.Catch()
					work(i)
				}()
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	carry.Raise()
}

// beside runs work on a goroutine of its own, beside what the caller does next; done
// returns once work has returned, and raises a panic of work in the caller's goroutine,
// like onAllCores. The caller must call done, on every path, before it returns.
func beside(work func()) (done func()) {
	var carry diag.Carry
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		defer carry.Catch()
		work()
	}()
	return func() {
		<-finished
		carry.Raise()
	}
}
