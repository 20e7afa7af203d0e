package build_test

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"chiso/internal/build"
	"chiso/internal/diag"
)

// The broken-input corpus: testdata/broken/*.txt, one case a file.
//
//	# What the editor did wrong (comment lines start with #).
//	data/periods/2024-05.toml:12:9: lỗi: … — …     ← every diagnostic, exactly, in order
//	-- data/periods/2024-05.toml --                ← files laid over testdata/minimal
//	…
//	-- data/periods/2024-06.toml [latin1] --       ← written as ISO-8859-1 bytes, not UTF-8
//	-- data/periods/2024-04.toml [delete] --       ← removed from the minimal site
//
// Each case builds testdata/minimal (plus the repository's templates/) in memory with the
// case's files laid over it — build.Site runs build.Check, then renders, so a broken
// template shows too; this is what `chiso check` prints — and compares the full list of
// diagnostic lines.
// To add a case: write the file with the files only, run
//
//	go test ./internal/build -run TestBroken -update
//
// and read the lines it wrote into the header: they are the spec, so check every word.
var update = flag.Bool("update", false, "rewrite the expected lines of testdata/broken/*.txt")

type brokenCase struct {
	comments []string
	want     []string
	files    []caseFile
}

type caseFile struct {
	name           string
	latin1, delete bool
	data           string
}

func parseCase(src string) (*brokenCase, error) {
	c := &brokenCase{}
	lines := strings.SplitAfter(src, "\n")
	var cur *caseFile
	for _, line := range lines {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") {
			name := strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			f := caseFile{name: name}
			if n, ok := strings.CutSuffix(name, " [latin1]"); ok {
				f.name, f.latin1 = n, true
			}
			if n, ok := strings.CutSuffix(name, " [delete]"); ok {
				f.name, f.delete = n, true
			}
			c.files = append(c.files, f)
			cur = &c.files[len(c.files)-1]
			continue
		}
		if cur != nil {
			cur.data += line
			continue
		}
		switch {
		case strings.HasPrefix(trimmed, "#"):
			c.comments = append(c.comments, trimmed)
		case strings.TrimSpace(trimmed) != "":
			c.want = append(c.want, trimmed)
		}
	}
	if len(c.files) == 0 {
		return nil, fmt.Errorf("no files (-- name -- sections)")
	}
	return c, nil
}

func (c *brokenCase) format() string {
	var b strings.Builder
	for _, l := range c.comments {
		b.WriteString(l + "\n")
	}
	for _, l := range c.want {
		b.WriteString(l + "\n")
	}
	for _, f := range c.files {
		name := f.name
		if f.latin1 {
			name += " [latin1]"
		}
		if f.delete {
			name += " [delete]"
		}
		b.WriteString("-- " + name + " --\n" + f.data)
	}
	return b.String()
}

// minimalSite is testdata/minimal with the repository's templates, in memory.
func minimalSite(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	add := func(fsys fs.FS, root, prefix string) {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
			m[path.Join(prefix, rel)] = &fstest.MapFile{Data: data}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	add(os.DirFS("testdata/minimal"), ".", "")
	add(os.DirFS("../.."), "templates", "templates")
	return m
}

func (c *brokenCase) site(t testing.TB, base fstest.MapFS) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range base {
		m[k] = v
	}
	for _, f := range c.files {
		if f.delete {
			delete(m, f.name)
			continue
		}
		data := []byte(f.data)
		if f.latin1 {
			data = data[:0:0]
			for _, r := range f.data {
				if r > 0xFF {
					t.Fatalf("%s: %q has no ISO-8859-1 byte", f.name, r)
				}
				data = append(data, byte(r))
			}
		}
		m[f.name] = &fstest.MapFile{Data: data}
	}
	return m
}

// check is what `chiso check` reports: Check's problems, then the templates'.
func check(fsys fs.FS) diag.List {
	_, probs, _ := build.Site(build.Options{Source: fsys})
	return probs
}

func lines(l diag.List) []string {
	s := strings.TrimRight(l.String(), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// TestMinimalSiteIsClean: the base of the corpus has no problem of its own, so every line
// a case produces comes from the case.
func TestMinimalSiteIsClean(t *testing.T) {
	probs := check(minimalSite(t))
	if len(probs) > 0 {
		t.Fatalf("testdata/minimal is not clean:\n%s", probs)
	}
}

func TestBroken(t *testing.T) {
	base := minimalSite(t)
	names, _ := filepath.Glob("testdata/broken/*.txt")
	if len(names) < 30 {
		t.Errorf("only %d cases in testdata/broken", len(names))
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txt"), func(t *testing.T) {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			c, err := parseCase(string(src))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			probs := check(c.site(t, base))
			got := lines(probs)
			if *update {
				c.want = got
				if err := os.WriteFile(name, []byte(c.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if len(got) == 0 {
				t.Errorf("%s: no diagnostic at all: the mistake passed silently", name)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("%s:\n got:\n\t%s\nwant:\n\t%s", name, strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
			}
			for _, d := range probs {
				checkWording(t, d)
			}
		})
	}
}

// checkWording: every line says where (file and line), what and what to do, with no Go
// or English left in it.
func checkWording(t *testing.T, d diag.Diagnostic) {
	t.Helper()
	s := d.String()
	if d.Pos.File == "" || d.Pos.Line == 0 && d.Code != diag.NoPeriods {
		t.Errorf("no file and line: %s", s)
	}
	if d.Hint() == "" {
		t.Errorf("no hint saying what to do: %s", s)
	}
	for _, goish := range []string{"%!", "<nil>", "toml: ", "expected", "unexpected", "invalid", "executing", "can't", "not defined", "*model.", "[]interface", "map["} {
		if strings.Contains(s, goish) {
			t.Errorf("Go or English wording %q: %s", goish, s)
		}
	}
}

// TestBrokenCoversEveryCode: each code of the message table has a case, so a new kind of
// problem comes with an example of how an editor sees it.
func TestBrokenCoversEveryCode(t *testing.T) {
	base := minimalSite(t)
	seen := map[diag.Code]bool{}
	names, _ := filepath.Glob("testdata/broken/*.txt")
	for _, name := range names {
		src, _ := os.ReadFile(name)
		c, err := parseCase(string(src))
		if err != nil {
			continue
		}
		probs := check(c.site(t, base))
		for _, d := range probs {
			seen[d.Code] = true
		}
	}
	// Problems no data file can cause: they come from the command line or the disk.
	exempt := map[diag.Code]string{
		diag.ReadFailed: "a file the system refuses to read",
		diag.NoECharts:  "--echarts file unreadable (main.go)",
	}
	var missing []string
	for _, c := range diag.Codes() {
		if !seen[c] && exempt[c] == "" {
			missing = append(missing, string(c))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("no case in testdata/broken shows these codes: %s\n(add a case file; see broken_test.go)", strings.Join(missing, ", "))
	}
}
