//go:build unix

package scratch

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets a test run this binary as a build that holds a scratch file until it is
// killed.
func TestMain(m *testing.M) {
	if os.Getenv("CHISO_TEST_SCRATCH_HOLD") != "" {
		f, err := File("chiso-test-*")
		if err == nil {
			_, err = f.Write([]byte("excerpts"))
		}
		if err == nil {
			_, err = Dir("chiso-test-dir-")
		}
		fmt.Println("ready", err)
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestNothingLeft: a scratch file has no name in the temporary folder while it is used,
// reads back what was written, and a build killed with kill -9 while holding one leaves
// nothing there.
func TestNothingLeft(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	empty := func(when string) {
		t.Helper()
		if l, _ := os.ReadDir(tmp); len(l) > 0 {
			t.Errorf("%s: the temporary folder holds %v", when, l)
		}
	}
	f, err := File("chiso-test-*")
	if err != nil {
		t.Fatal(err)
	}
	empty("while a scratch file is open")
	if _, err := f.WriteAt([]byte("words"), 3); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 5)
	if _, err := f.ReadAt(buf, 3); err != nil || string(buf) != "words" {
		t.Errorf("read back %q, %v", buf, err)
	}
	if err := Close(f); err != nil {
		t.Error(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CHISO_TEST_SCRATCH_HOLD=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "ready <nil>\n" {
		cmd.Process.Kill()
		t.Fatalf("the build did not make its scratch file: %q", line)
	}
	cmd.Process.Kill() // SIGKILL: no deferred removal runs
	io.Copy(io.Discard, out)
	cmd.Wait()
	l, _ := os.ReadDir(tmp)
	if len(l) != 1 || !strings.HasPrefix(l[0].Name(), "chiso-test-dir-") {
		t.Fatalf("after a run holding a scratch file and folder was killed: the temporary folder holds %v, want its folder only", l)
	}
	killed := filepath.Join(tmp, l[0].Name())

	// The next run removes the killed run's folder once it is stale, never a folder held
	// by a run alive, one just made, or one not named as ours.
	d, err := Dir("chiso-test-dir-")
	if err != nil {
		t.Fatal(err)
	}
	young := filepath.Join(tmp, "chiso-test-dir-1")
	other := filepath.Join(tmp, "chiso-test-dir-mine")
	for _, p := range []string{young, other} {
		if err := os.Mkdir(p, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * staleAfter)
	for _, p := range []string{killed, d.Path, other} {
		os.Chtimes(p, old, old)
	}
	d2, err := Dir("chiso-test-dir-")
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{killed: false, d.Path: true, young: true, other: true, d2.Path: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: there %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
	d.Remove()
	d2.Remove()
	os.Remove(young)
	os.Remove(other)
	empty("after the folders were removed")
}
