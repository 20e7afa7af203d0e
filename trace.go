package main

import (
	"os"
	"runtime/trace"
)

// CHISO_TRACE=FILE makes `chiso build` write an execution trace (go tool trace) of the
// whole command: where a core waits idle while the other works, which a CPU profile does
// not show. For the developers, like CHISO_CPUPROFILE.
func execTrace() (stop func()) {
	file := os.Getenv("CHISO_TRACE")
	if file == "" {
		return func() {}
	}
	f, err := os.Create(file)
	if err != nil {
		return func() {}
	}
	if err := trace.Start(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() { trace.Stop(); f.Close() }
}
