package sitetest

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

func TestParseTxtar(t *testing.T) {
	got := ParseTxtar("comment\n-- a.toml --\nx = 1\n\n-- b/c.md --\n+++\n-- not a name\n")
	if len(got) != 2 || got[0].Name != "a.toml" || got[0].Data != "x = 1\n\n" || got[1].Name != "b/c.md" || got[1].Data != "+++\n-- not a name\n" {
		t.Errorf("%q", got)
	}
}

// recorder stands in for testing.T, so the assertions' own failures can be checked.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(f string, a ...any) {
	r.errs = append(r.errs, fmt.Sprintf(f, a...))
}
func (r *recorder) Fatalf(f string, a ...any) {
	r.Errorf(f, a...)
	runtime.Goexit()
}

// run calls f with a recorder in its own goroutine (Fatalf ends it) and returns the failures.
func run(t *testing.T, f func(tb testing.TB)) []string {
	r := &recorder{TB: t}
	done := make(chan bool)
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r.errs
}

// TestAssertionsFail: every assertion of the harness fails when what it states is false,
// and names what it looked for.
func TestAssertionsFail(t *testing.T) {
	b := Build(t, "")
	b.AssertClean()
	const page = "bai-viet/2024-04/index.html"
	for name, c := range map[string]struct {
		f    func(r *Result)
		want string
	}{
		"AssertFile, missing text":  {func(r *Result) { r.AssertFile(page, "không có câu này") }, "lacks"},
		"AssertFile, missing file":  {func(r *Result) { r.AssertFile("bai-viet/2099-01/index.html") }, "was not built"},
		"AssertNoFile":              {func(r *Result) { r.AssertNoFile(page) }, "want it absent"},
		"AssertNotContains, source": {func(r *Result) { r.AssertNotContains(page, "<h1>") }, "holds"},
		"AssertNotContains, text":   {func(r *Result) { r.AssertNotContains(page, "88,62 điểm") }, "88,62 điểm"},
		"AssertDiag, clean build":   {func(r *Result) { r.AssertDiag("data/periods/2024-04.toml:24", "lỗi", "176%") }, "no diagnostic"},
		"AssertFailed, clean build": {func(r *Result) { r.AssertFailed() }, "succeeded"},
		"Replace, text not in base": {func(r *Result) { Source(r.t, "", Replace("config.toml", "không có", "x")) }, "has no"},
		"Delete, file not in base":  {func(r *Result) { Source(r.t, "", Delete("data/units.toml")) }, "has no"},
		"Append, file not in base":  {func(r *Result) { Source(r.t, "", Append("data/units.toml", "x")) }, "has no"},
	} {
		errs := run(t, func(tb testing.TB) { c.f(&Result{t: tb, Source: b.Source, Files: b.Files, Diags: b.Diags}) })
		if len(errs) == 0 || !strings.Contains(strings.Join(errs, "\n"), c.want) {
			t.Errorf("%s: failures %q, want one saying %q", name, errs, c.want)
		}
	}
	// And they pass when it is true.
	b.AssertFile(page, "<h1>", "88,62 điểm")
	b.AssertNotContains(page, "không có câu này")
	b.AssertNoFile("bai-viet/2099-01/index.html")
}

func TestDiagnostics(t *testing.T) {
	b := Build(t, "", Replace("data/periods/2024-04.toml", "whole = 76", "whole = 176"))
	b.AssertFailed()
	line := b.Line("data/periods/2024-04.toml", "whole = 176")
	b.AssertDiag(line, "lỗi", "176%")
	b.AssertDiag(line+":1", "lỗi", "nằm ngoài khoảng 0–100")
	for name, f := range map[string]func(r *Result){
		"wrong line":     func(r *Result) { r.AssertDiag("data/periods/2024-04.toml:2", "lỗi", "176%") },
		"wrong severity": func(r *Result) { r.AssertDiag("data/periods/2024-04.toml:24", "cảnh báo", "176%") },
		"wrong message":  func(r *Result) { r.AssertDiag("data/periods/2024-04.toml:24", "lỗi", "177%") },
		"unwanted":       func(r *Result) { r.AssertNoDiag("176%") },
		"not clean":      func(r *Result) { r.AssertClean() },
	} {
		if errs := run(t, func(tb testing.TB) { f(&Result{t: tb, Diags: b.Diags, Err: b.Err}) }); len(errs) == 0 {
			t.Errorf("%s: passed", name)
		}
	}
}

func TestLine(t *testing.T) {
	src := Source(t, "-- x.toml --\n# a\n\nb = 2\n")
	if got := Line(t, src, "x.toml", "b ="); got != "x.toml:3" {
		t.Errorf("Line = %s, want x.toml:3", got)
	}
	if errs := run(t, func(tb testing.TB) { Line(tb, src, "x.toml", "c =") }); len(errs) == 0 {
		t.Error("Line of a text the file lacks passed")
	}
}

func TestSet(t *testing.T) {
	src := Source(t, "-- x.toml --\na = 1\nb = 2\n\n[t]\nc = 3\n", Set("x.toml", "b", "5"), Set("x.toml", "d", `"e"`))
	if got := string(src["x.toml"].Data); got != "a = 1\nb = 5\n\nd = \"e\"\n[t]\nc = 3\n" {
		t.Errorf("%q", got)
	}
}

func TestText(t *testing.T) {
	got := Text(`<p>đạt <strong>88,62</strong>&nbsp;điểm</p><script>x()</script><li>a</li><li>b</li>`)
	if got != "đạt 88,62 điểm a b" {
		t.Errorf("%q", got)
	}
}
