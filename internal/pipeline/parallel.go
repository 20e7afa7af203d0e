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
