package main

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runEnv, set, makes the test binary a `chiso` run with these arguments (one a line).
const runEnv = "CHISO_TEST_RUN"

// TestKilledBuild: a build of the sample site killed with kill -9 while it holds its
// temporary files (search excerpts, workbook) leaves the published folder as it was and
// nothing in the temporary folder; the next build clears its work folder and lock and
// publishes the same site as a build never interrupted, with nothing else beside it.
func TestKilledBuild(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("watches the build's open files in /proc")
	}
	parent, tmp := t.TempDir(), t.TempDir()
	out := filepath.Join(parent, "public")
	build := func() {
		t.Helper()
		if code, _, stderr := runCmd("build", "--source", ".", "--out", out, "--no-cache"); code != 0 {
			t.Fatalf("build: exit %d: %s", code, stderr)
		}
	}
	build()
	before := snapshot(t, out)

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, runEnv+"=build\n--source\n.\n--out\n"+out+"\n--no-cache")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// Killed at the first moment it holds a file of the temporary folder open.
	fds := filepath.Join("/proc", strconv.Itoa(cmd.Process.Pid), "fd")
	var held string
	for deadline := time.Now().Add(time.Minute); held == "" && time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		select {
		case err := <-done:
			t.Fatalf("the build ended (%v) before it held a temporary file", err)
		default:
		}
		links, _ := os.ReadDir(fds)
		for _, l := range links {
			if to, err := os.Readlink(filepath.Join(fds, l.Name())); err == nil && strings.HasPrefix(to, tmp+string(filepath.Separator)) {
				held = to
			}
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	<-done
	if held == "" {
		t.Fatal("the build never held a temporary file")
	}
	if l, _ := os.ReadDir(tmp); len(l) > 0 {
		t.Errorf("a killed build (holding %s) left in the temporary folder: %v", held, names(l))
	}
	if !maps.Equal(before, snapshot(t, out)) {
		t.Errorf("the killed build changed the published folder")
	}

	build()
	if !maps.Equal(before, snapshot(t, out)) {
		t.Errorf("the build after a killed one published another site")
	}
	if l, _ := os.ReadDir(parent); len(l) != 1 {
		t.Errorf("beside the output after the next build: %v", names(l))
	}
}

func names(entries []os.DirEntry) []string {
	var l []string
	for _, e := range entries {
		l = append(l, e.Name())
	}
	return l
}
