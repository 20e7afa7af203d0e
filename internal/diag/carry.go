package diag

import "sync"

// Carry takes a panic out of a worker goroutine to the goroutine that waits for the
// workers, where the command's recover turns it into one line for the editor: a panic
// left in a worker would end the program with a Go stack trace.
type Carry struct {
	mu sync.Mutex
	v  any
}

// Catch is deferred by the worker, around each piece of work.
func (c *Carry) Catch() {
	if r := recover(); r != nil {
		c.mu.Lock()
		if c.v == nil {
			c.v = r
		}
		c.mu.Unlock()
	}
}

// Raise panics again, in the waiting goroutine, with the first panic caught.
func (c *Carry) Raise() {
	if c.v != nil {
		panic(c.v)
	}
}
