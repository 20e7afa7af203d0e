package pipeline

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"runtime/trace"
	"strings"
	"syscall"
	"time"
)

// CHISO_PHASES=1 makes a build print, on stderr, each phase's wall and CPU time and the
// cores it kept busy (CPU / wall): for the developers looking for a core left idle, like
// CHISO_CPUPROFILE. Not an editor's flag.
// A trace (CHISO_TRACE) gets the phases' ends as logs, for bench/cores.py.
type phases struct {
	on   bool
	wall time.Time
	cpu  time.Duration
}

func newPhases() *phases {
	p := &phases{on: os.Getenv("CHISO_PHASES") != ""}
	if p.on {
		p.wall, p.cpu = time.Now(), cpuTime()
	}
	return p
}

// done prints the phase that ends now, and marks its end in an execution trace
// (CHISO_TRACE).
func (p *phases) done(name string) {
	if trace.IsEnabled() {
		trace.Log(context.Background(), "phase", name)
	}
	if !p.on {
		return
	}
	now, cpu := time.Now(), cpuTime()
	wall, used := now.Sub(p.wall), cpu-p.cpu
	cores := 0.0
	if wall > 0 {
		cores = float64(used) / float64(wall)
	}
	fmt.Fprintf(os.Stderr, "phase %-16s wall %7.3fs cpu %7.3fs cores %.2f\n", name, wall.Seconds(), used.Seconds(), cores)
	p.wall, p.cpu = now, cpu
}

// doneStep is done for a page step, named after its method (rankingPages).
func (p *phases) doneStep(step func() error) {
	if !p.on && !trace.IsEnabled() {
		return
	}
	name := runtime.FuncForPC(reflect.ValueOf(step).Pointer()).Name() // ….(*builder).home-fm
	name = strings.TrimSuffix(name[strings.LastIndex(name, ".")+1:], "-fm")
	p.done(name)
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
