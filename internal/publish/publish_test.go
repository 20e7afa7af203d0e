package publish

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"

	"chiso/internal/diag"
)

// site is a small built site whose every file says which build it comes from.
func site(version string) Files {
	f := Files{}
	for i := range 50 {
		f[fmt.Sprintf("bai-viet/%02d/index.html", i)] = []byte(version + strings.Repeat(".", 2000))
	}
	f["index.html"] = []byte(version)
	return f
}

// whole reports which build the folder holds, entirely: "" when it is missing, mixed or
// incomplete.
func whole(t *testing.T, out string) string {
	t.Helper()
	version := ""
	n := 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == Marker {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		v, _, _ := strings.Cut(string(b), ".")
		if version == "" {
			version = v
		}
		if v != version {
			version = "mixed"
		}
		n++
		return nil
	})
	if err != nil || n != 51 || version == "mixed" {
		return ""
	}
	return version
}

func leftovers(t *testing.T, out string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+"-new-*"))
	return m
}

// TestMain lets a test run this binary as a build that kills itself (kill -9) at a
// chosen moment of the publish.
func TestMain(m *testing.M) {
	if at := os.Getenv("CHISO_TEST_KILL_AT"); at != "" {
		die := func(string, string) { syscall.Kill(os.Getpid(), syscall.SIGKILL) }
		switch at {
		case "before-swap":
			beforeSwap = die
		case "after-swap":
			afterSwap = die
		case "mid-write":
			n := 0
			writeFile = func(name string, data []byte, umask int) error {
				if n++; n == 20 {
					die("", "")
				}
				return writeReadable(name, data, umask)
			}
		}
		Write(os.Getenv("CHISO_TEST_OUT"), site("new"))
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestKillDuringPublish kills a build (SIGKILL, nothing runs after it) while it writes,
// just before the swap and just after it, before the old tree is removed: the output is
// always one whole build, and the next build clears what the killed one left.
func TestKillDuringPublish(t *testing.T) {
	for _, at := range []struct{ moment, want string }{{"mid-write", "old"}, {"before-swap", "old"}, {"after-swap", "new"}} {
		t.Run(at.moment, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if err := Write(out, site("old")); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "CHISO_TEST_KILL_AT="+at.moment, "CHISO_TEST_OUT="+out)
			err := cmd.Run()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
				t.Fatalf("the build was not killed: %v", err)
			}
			if got := whole(t, out); got != at.want {
				t.Fatalf("after a kill %s: output holds %q, want the whole %q build", at.moment, got, at.want)
			}
			if len(leftovers(t, out)) == 0 {
				t.Fatalf("the killed build left no work folder: the hook did not run where meant")
			}
			if err := Write(out, site("next")); err != nil {
				t.Fatal(err)
			}
			if got := whole(t, out); got != "next" {
				t.Errorf("next build: %q", got)
			}
			if l := leftovers(t, out); len(l) > 0 {
				t.Errorf("stale work folders not cleared: %v", l)
			}
			if l := besideOut(t, out); len(l) > 0 {
				t.Errorf("beside the output after the next build: %v", l)
			}
		})
	}
}

// besideOut lists what lies in the output's parent folder besides the output itself.
func besideOut(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var l []string
	for _, e := range entries {
		if e.Name() != filepath.Base(out) {
			l = append(l, e.Name())
		}
	}
	return l
}

// TestLockLeavesNothing: a build lets go of its lock by removing the lock file, a lock
// file left by a killed build is taken over and removed, and builds that race for the
// lock while holders remove it are still never two at once.
func TestLockLeavesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, site("old")); err != nil {
		t.Fatal(err)
	}
	if l := besideOut(t, out); len(l) > 0 {
		t.Errorf("beside the output after a build: %v", l)
	}
	name := filepath.Join(filepath.Dir(out), ".public.lock")
	if err := os.WriteFile(name, nil, 0o644); err != nil { // as a killed build leaves it
		t.Fatal(err)
	}
	if err := Write(out, site("new")); err != nil {
		t.Fatal(err)
	}
	if l := besideOut(t, out); len(l) > 0 {
		t.Errorf("a killed build's lock file not removed: %v", l)
	}
	var holders, most, taken atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				unlock, err := lock(name)
				if err != nil {
					continue // busy
				}
				n := holders.Add(1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
				taken.Add(1)
				runtime.Gosched()
				holders.Add(-1)
				unlock()
			}
		})
	}
	wg.Wait()
	if most.Load() != 1 || taken.Load() == 0 {
		t.Errorf("lock held by up to %d at once (taken %d times)", most.Load(), taken.Load())
	}
	if _, err := os.Stat(name); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left after the race: %v", err)
	}
}

// TestFullDisk: a disk that fills up mid-build leaves the old output whole, no work
// folder, and says so in Vietnamese (not "no space left on device"). On a real full
// tmpfs when this runs as root, else with the write failing as the system would.
func TestFullDisk(t *testing.T) {
	check := func(t *testing.T, out string, err error) {
		t.Helper()
		var pe *Error
		if !errors.As(err, &pe) {
			t.Fatalf("no publish error on a full disk: %v", err)
		}
		line := pe.Diagnostic().String()
		if !strings.Contains(line, "ổ đĩa đã đầy") || strings.Contains(line, "no space") {
			t.Errorf("message: %s", line)
		}
		if got := whole(t, out); got != "old" {
			t.Errorf("output after a full disk: %q", got)
		}
		if l := leftovers(t, out); len(l) > 0 {
			t.Errorf("work folder left on the full disk: %v", l)
		}
	}
	t.Run("injected", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "public")
		if err := Write(out, site("old")); err != nil {
			t.Fatal(err)
		}
		defer func() { writeFile = writeReadable }()
		n := 0
		writeFile = func(name string, data []byte, umask int) error {
			if n++; n > 10 {
				return &os.PathError{Op: "write", Path: name, Err: syscall.ENOSPC}
			}
			return writeReadable(name, data, umask)
		}
		check(t, out, Write(out, site("new")))
	})
	t.Run("tmpfs", func(t *testing.T) {
		mnt := t.TempDir()
		if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=256k"); err != nil {
			t.Skip("cannot mount a tmpfs here:", err)
		}
		defer syscall.Unmount(mnt, 0)
		out := filepath.Join(mnt, "public")
		if err := Write(out, site("old")); err != nil {
			t.Fatal(err)
		}
		big := site("new")
		big["du-lieu/ket-qua.csv"] = bytes.Repeat([]byte("x"), 300<<10)
		check(t, out, Write(out, big))
	})
}

// TestTwoBuildsAtOnce: a build that finds another one publishing to the same folder
// stops with a Vietnamese line; builds racing each other leave one whole site.
func TestTwoBuildsAtOnce(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, site("old")); err != nil {
		t.Fatal(err)
	}
	unlock, err := lock(filepath.Join(filepath.Dir(out), ".public.lock"))
	if err != nil {
		t.Fatal(err)
	}
	err = Write(out, site("new"))
	unlock()
	var pe *Error
	if !errors.As(err, &pe) || pe.Code != diag.OutBusy {
		t.Fatalf("a second build while one publishes: %v", err)
	}
	if got := whole(t, out); got != "old" {
		t.Errorf("output: %q", got)
	}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() { Write(out, site(fmt.Sprint("b", i))) })
	}
	wg.Wait()
	if got := whole(t, out); got == "" {
		t.Errorf("racing builds left no whole site")
	}
	if l := leftovers(t, out); len(l) > 0 {
		t.Errorf("racing builds left %v", l)
	}
}

// TestModesUnderAnyUmask: the web server can read every file whatever the umask of
// the account that built the site.
func TestModesUnderAnyUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, site("v")); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		info, _ := d.Info()
		want := os.FileMode(0o644)
		if d.IsDir() {
			want = 0o755 | os.ModeDir
		}
		if info.Mode() != want {
			t.Errorf("%s: %v, want %v", p, info.Mode(), want)
		}
		return nil
	})
}
