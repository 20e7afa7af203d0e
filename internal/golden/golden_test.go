package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10"
	b := "1\n2\n3\n4\n5\nsix\n7\n8\n9\n10\n11"
	got := Diff(a, b)
	for _, line := range []string{"- 6\n", "+ six\n", "+ 11\n", "  5\n", "  …\n"} {
		if !strings.Contains(got, line) {
			t.Errorf("diff lacks %q:\n%s", line, got)
		}
	}
	if strings.Contains(got, "  1\n") {
		t.Errorf("diff keeps a far unchanged line:\n%s", got)
	}
	if Diff("x\ny", "x\ny") != "  …\n" {
		t.Errorf("diff of equal texts: %q", Diff("x\ny", "x\ny"))
	}
}

// fakeT records failures instead of stopping the test.
type fakeT struct {
	testing.TB
	failed bool
	msg    string
}

func (f *fakeT) Helper()                        {}
func (f *fakeT) Errorf(format string, a ...any) { f.failed = true; f.msg += format }
func (f *fakeT) Fatalf(format string, a ...any) { f.failed = true; f.msg += format }

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.golden")
	os.WriteFile(p, []byte("# Reviewed by: Lan, 2026-12-01 — against the seed.\nabc\n"), 0o644)

	if f := check(t, p, "abc\n"); f.failed {
		t.Errorf("same text failed: %s", f.msg)
	}
	if f := check(t, p, "abd\n"); !f.failed {
		t.Error("a different text passed")
	}
	// -update never passes and never touches the golden file.
	f := &fakeT{TB: t}
	Check(f, p, []byte("abd\n"), true)
	if !f.failed {
		t.Error("-update with a change passed")
	}
	if b, _ := os.ReadFile(p); !strings.HasSuffix(string(b), "\nabc\n") {
		t.Errorf("golden file rewritten: %q", b)
	}
	nw, _ := os.ReadFile(p + ".new")
	if !strings.HasPrefix(string(nw), Pending+"\n") || !strings.HasSuffix(string(nw), "\nabd\n") {
		t.Errorf(".new file: %q", nw)
	}
	// Moved over the golden file without a name: still fails.
	os.Rename(p+".new", p)
	if f := check(t, p, "abd\n"); !f.failed {
		t.Error("an unreviewed golden file passed")
	}
}

func check(t *testing.T, path, got string) *fakeT {
	f := &fakeT{TB: t}
	Check(f, path, []byte(got), false)
	return f
}
