package pipeline_test

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"chiso/internal/diag"
	"chiso/internal/golden"
	"chiso/internal/load"
	"chiso/internal/pipeline"
)

// The broken-input corpus: testdata/broken/*.txt, one case a file.
//
//	# What the editor did wrong (comment lines start with #).
//	data/periods/2024-05.toml:12:9: lỗi: … — …     ← every diagnostic, exactly, in order
//	-- data/periods/2024-05.toml --                ← files laid over testdata/minimal
//	…
//	-- data/periods/2024-06.toml [latin1] --       ← written as ISO-8859-1 bytes, not UTF-8
//	-- data/periods/2024-04.toml [delete] --       ← removed from the minimal site
//	-- content/passwd.md [symlink] --              ← a symbolic link to the first line
//	-- data/levels.toml [fifo] --                  ← a named pipe
//	-- data/levels.toml [dir] --                   ← an empty folder
//	exit 1                                         ← the status expected when not the usual
//
// In a file's text, {{repeat 5000 "x"}} stands for 5000 x's (size limits).
//
// Each case writes testdata/minimal (plus the repository's templates/) to a folder with
// the case's files laid over it, reads it as the commands do (load.Dir: no link out of
// it, regular files only) and builds it — pipeline.Site runs pipeline.Check, then renders, so
// a broken template shows too; this is what `chiso check --full` prints — and compares the full
// list of diagnostic lines. The case is then published over an earlier output: the exit
// status must be 1 when there is an error ("exit N" overrides) and the earlier output
// must stay byte-identical.
// To add a case: write the file with the files only, run
//
//	go test ./internal/pipeline -run TestBroken -update-broken
//
// and read the lines it wrote into the header (it prints what changed): they are the
// spec, so check every word. The flag touches only this corpus; CI never runs it.
var updateBroken = flag.Bool("update-broken", false, "rewrite the expected lines of testdata/broken/*.txt, printing what changed")

type brokenCase struct {
	exit     int // from an "exit N" line; -1 when absent
	comments []string
	want     []string
	files    []caseFile
}

type caseFile struct {
	name           string
	latin1, delete bool
	kind           string // "symlink", "fifo", "dir" or "" for a file
	data           string
}

// fileKinds are the bracketed suffixes of a file section that make something other than a
// text file.
var fileKinds = []string{"symlink", "fifo", "dir"}

func parseCase(src string) (*brokenCase, error) {
	c := &brokenCase{exit: -1}
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
			for _, k := range fileKinds {
				if n, ok := strings.CutSuffix(name, " ["+k+"]"); ok {
					f.name, f.kind = n, k
				}
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
			if n, ok := strings.CutPrefix(trimmed, "exit "); ok {
				c.exit, _ = strconv.Atoi(n)
			}
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
		if f.kind != "" {
			name += " [" + f.kind + "]"
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
		if f.kind != "" {
			m[f.name] = &fstest.MapFile{Data: []byte(f.data), Mode: kindMode[f.kind]}
			continue
		}
		data := []byte(expandRepeats(f.data))
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

var kindMode = map[string]fs.FileMode{"symlink": fs.ModeSymlink, "fifo": fs.ModeNamedPipe, "dir": fs.ModeDir}

var repeatPattern = regexp.MustCompile(`\{\{repeat (\d+) "([^"]*)"\}\}`)

// expandRepeats writes out {{repeat N "s"}}: size-limit cases without megabytes in the
// corpus.
func expandRepeats(s string) string {
	return repeatPattern.ReplaceAllStringFunc(s, func(m string) string {
		sub := repeatPattern.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sub[1])
		return strings.Repeat(sub[2], n)
	})
}

// onDisk writes a site to a new folder, with links, pipes and folders as the case asks,
// and opens it as the commands do.
func onDisk(t testing.TB, m fstest.MapFS) (string, fs.FS) {
	t.Helper()
	dir := t.TempDir()
	for _, name := range slices.Sorted(maps.Keys(m)) {
		f := m[name]
		dst := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch f.Mode {
		case fs.ModeSymlink:
			err = os.Symlink(strings.TrimSpace(string(f.Data)), dst)
		case fs.ModeNamedPipe:
			err = syscall.Mkfifo(dst, 0o644)
		case fs.ModeDir:
			err = os.MkdirAll(dst, 0o755)
		default:
			err = os.WriteFile(dst, f.Data, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	src, err := load.Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, src
}

// check is what `chiso check --full` and build report: Check's problems, then the templates'.
func check(fsys fs.FS) diag.List {
	_, probs, _ := pipeline.Site(pipeline.Options{Source: fsys})
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
	// The earlier output every failing case is published over: it must not change.
	_, baseSrc := onDisk(t, base)
	prev := filepath.Join(t.TempDir(), "public")
	if _, probs, err := pipeline.ToDir(pipeline.Options{Source: baseSrc}, prev); err != nil {
		t.Fatalf("minimal site: %v\n%s", err, probs)
	}
	prevTree := tree(t, prev)
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
			_, site := onDisk(t, c.site(t, base))
			probs := check(site)
			got := lines(probs)
			status := publishOver(t, site, prev, prevTree, probs.HasErrors())
			if c.exit >= 0 || status != usualExit(got) {
				got = append(got, fmt.Sprintf("exit %d", status))
			}
			if *updateBroken {
				if d := strings.Join(got, "\n"); d != strings.Join(c.want, "\n") {
					t.Logf("%s rewritten (- before, + now):\n%s", name, golden.Diff(strings.Join(c.want, "\n"), d))
				}
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
			// A plain `chiso check` (Validate, no render) finds an error in every case
			// that has one, except the few that only laying out the pages can show.
			plain := pipeline.Validate(site).HasErrors()
			want := probs.HasErrors() && !renderOnly[strings.TrimSuffix(filepath.Base(name), ".txt")]
			if plain != want {
				t.Errorf("%s: plain check finds an error: %v, want %v (renderOnly lists the cases only a render finds)", name, plain, want)
			}
		})
	}
}

// renderOnly are the cases whose error a plain `chiso check` cannot see: they show only
// when the pages are laid out (`chiso check --full`, `chiso build`).
var renderOnly = map[string]bool{
	"chuyen-huong-che-trang":     true, // a redirect over a page: needs every page's path
	"chuyen-huong-khong-co-dich": true, // a redirect to no page: likewise
	"mau-trang-mat-tep":          true, // a page kind without its template: found when that kind is laid out
	"mau-trang-truong-khong-co":  true, // a field that is not there: found when the template runs
	"ui-en-thieu-dong":           true, // an English UI string missing: found when an English page is laid out
}

// usualExit is the status a case's lines imply: 1 when one is an error.
func usualExit(lines []string) int {
	for _, l := range lines {
		if strings.Contains(l, ": lỗi: ") {
			return 1
		}
	}
	return 0
}

// publishOver publishes the case's site over the earlier output, as `chiso build` does,
// and returns the exit status build would give. A failing case must leave the output
// byte-identical; a passing one is written to a folder of its own.
func publishOver(t *testing.T, src fs.FS, prev string, prevTree map[string]string, failing bool) int {
	t.Helper()
	out := prev
	if !failing {
		out = filepath.Join(t.TempDir(), "public")
	}
	_, _, err := pipeline.ToDir(pipeline.Options{Source: src}, out)
	if failing {
		if got := tree(t, prev); !maps.Equal(got, prevTree) {
			t.Errorf("the earlier output changed after a failed build")
		}
	}
	if err != nil {
		return 1
	}
	return 0
}

// tree is every file under dir with a hash of its content and its mode.
func tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		h := ""
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h = fmt.Sprintf("%x", sha256.Sum256(b))
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = fmt.Sprintf("%s %s", info.Mode(), h)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkWording: every line says where (file and line), what and what to do, with no Go
// or English left in it.
func checkWording(t *testing.T, d diag.Diagnostic) {
	t.Helper()
	s := d.String()
	if d.Pos.File == "" || d.Pos.Line == 0 && d.Code != diag.NoPeriods && d.Code != diag.TemplateMissing {
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
		_, site := onDisk(t, c.site(t, base))
		for _, d := range check(site) {
			seen[d.Code] = true
		}
	}
	// Problems no data file can cause: they come from the command line or the disk.
	exempt := map[diag.Code]string{
		diag.ReadFailed: "a file the system refuses to read",
		diag.NoECharts:  "--echarts file unreadable (main.go)",
		// --out and the disk: TestOutGuard (main) and the publish fault tests.
		diag.OutIsSource: "--out", diag.OutHoldsSource: "--out", diag.OutInsideInput: "--out",
		diag.OutNotFolder: "--out", diag.OutNotOurs: "--out", diag.OutUnreadable: "--out",
		diag.OutBusy: "two builds at once", diag.WriteFailed: "a full disk",
		diag.BuildFailed: "a full disk while pages are made (TestBuildFailureWording)",
		diag.Internal:    "a panic: the preview's answer (internal/preview)",
		diag.NotASite:    "--source names a folder without config.toml and data/ (TestNotASite, main)",
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
