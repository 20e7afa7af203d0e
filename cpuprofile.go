package main

import (
	"os"
	"runtime/pprof"
)

// CHISO_CPUPROFILE=FILE makes `chiso build` write a CPU profile (go tool pprof) of the
// whole command. An environment variable, not a flag, like CHISO_MEMPROFILE: it is for the
// developers measuring build time beside bench/run.sh, not the editors.
func cpuProfile() (stop func()) {
	file := os.Getenv("CHISO_CPUPROFILE")
	if file == "" {
		return func() {}
	}
	f, err := os.Create(file)
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}
