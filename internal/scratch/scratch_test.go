//go:build unix

package scratch

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
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
	empty("after a build holding a scratch file was killed")
}
