package write_test

import (
	"bufio"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"chiso/internal/load"
	"chiso/internal/model"
	"chiso/internal/render"
	"chiso/internal/validate"
	"chiso/internal/write"
)

// diffOnly prints the difference of each failing case; the expected texts are written by
// hand and never rewritten by the test.
var diffOnly = flag.Bool("diff", false, "print each failing case's expected and actual text line by line")

// ArticleCase is one case of a case file in testdata/articles/*.txt, in the style of
// goldmark's extension/_test files:
//
//	3: index-only rank only
//	//- - - - - - - - -//
//	period = "2025-10"           ← a period file, or several files as "-- path --" sections
//	…
//	//- - - - - - - - -//
//	the article as plain text    ← title, lead, body, author
//	//= = = = = = = = = = = = = = = = = = = = = = = =//
type ArticleCase struct {
	File, Name string
	Line       int
	Input      string
	Want       string
}

const (
	caseSep = "//- - - - - - - - -//"
	caseEnd = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

var caseHeader = regexp.MustCompile(`^(\d+):\s*(\S.*)$`)

// ReadCases parses one case file.
func ReadCases(t testing.TB, file string) []ArticleCase {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		out   []ArticleCase
		cur   *ArticleCase
		part  int // 0 header, 1 input, 2 output
		lines []string
		n     int
	)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case cur == nil:
			if strings.TrimSpace(line) == "" {
				continue
			}
			m := caseHeader.FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("%s:%d: expected a case header \"N: name\", got %q", file, n, line)
			}
			cur = &ArticleCase{File: file, Name: strings.TrimSpace(m[2]), Line: n}
			part = 0
		case line == caseSep && part == 0:
			part, lines = 1, nil
		case line == caseSep && part == 1:
			cur.Input = strings.Join(lines, "\n") + "\n"
			part, lines = 2, nil
		case line == caseEnd && part == 2:
			cur.Want = strings.Join(lines, "\n")
			out = append(out, *cur)
			cur = nil
		case part == 0:
			t.Fatalf("%s:%d: expected %s after the case header", file, n, caseSep)
		default:
			lines = append(lines, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if cur != nil {
		t.Fatalf("%s:%d: case %q has no end line %s", file, cur.Line, cur.Name, caseEnd)
	}
	return out
}

// caseFiles are the sample site's files every case starts from: its configuration,
// documents, indicators, levels, entities and templates, with no period.
func caseFiles(t testing.TB) fstest.MapFS {
	t.Helper()
	root := os.DirFS("../..")
	m := fstest.MapFS{}
	for _, pattern := range []string{"config.toml", "data/*.toml", "templates/*.html", "templates/wording/*.html", "templates/wording/en/*.html"} {
		names, err := fs.Glob(root, pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			b, err := fs.ReadFile(root, name)
			if err != nil {
				t.Fatal(err)
			}
			m[name] = &fstest.MapFile{Data: b}
		}
	}
	return m
}

var sectionHeader = regexp.MustCompile(`^-- (\S+) --$`)

// caseSite lays a case's input over the sample files: text before any "-- path --" line
// is the period file data/periods/case.toml; each section replaces or adds one file.
func caseSite(t testing.TB, input string) fstest.MapFS {
	m := caseFiles(t)
	name := "data/periods/case.toml"
	var b strings.Builder
	flush := func() {
		if name != "" && strings.TrimSpace(b.String()) != "" {
			m[name] = &fstest.MapFile{Data: []byte(b.String())}
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(input, "\n") {
		if s := sectionHeader.FindStringSubmatch(strings.TrimRight(line, "\r\n")); s != nil {
			flush()
			name = s[1]
			continue
		}
		b.WriteString(line)
	}
	flush()
	return m
}

// caseArticles builds every report of a case's site and returns the text of the last
// report's article (the case's period; earlier files give it a previous period).
func caseArticle(t testing.TB, fsys fs.FS) string {
	t.Helper()
	return text(caseWritten(t, fsys))
}

// caseWritten is the written article of a case's period.
func caseWritten(t testing.TB, fsys fs.FS) *write.Article {
	t.Helper()
	site, probs := load.Site(fsys)
	probs = append(probs, validate.Site(site)...)
	if probs.HasErrors() {
		t.Fatalf("the case's data has errors:\n%s", probs)
	}
	tmpl, err := render.Parse(fsys, write.Funcs(&site.Config))
	if err != nil {
		t.Fatal(err)
	}
	w := write.New(site, tmpl.Text)
	r := caseReport(site)
	if r == nil {
		t.Fatal("the case has no period file data/periods/case.toml")
	}
	a, err := w.Article(r)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func caseReport(site *model.Site) *model.Report {
	for _, r := range site.Reports {
		if r.File == "data/periods/case.toml" {
			return r
		}
	}
	return nil
}

// TestArticles runs the hand-written cases of testdata/articles/*.txt; one case runs
// alone with go test ./internal/write -run 'TestArticles/index-only'.
func TestArticles(t *testing.T) {
	files, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no case files in testdata/articles")
	}
	seen := map[string]string{}
	for _, file := range files {
		for _, c := range ReadCases(t, file) {
			if prev, dup := seen[c.Name]; dup {
				t.Errorf("%s:%d: case name %q already used at %s", c.File, c.Line, c.Name, prev)
			}
			seen[c.Name] = fmt.Sprintf("%s:%d", c.File, c.Line)
			t.Run(c.Name, func(t *testing.T) {
				got := strings.TrimRight(caseArticle(t, caseSite(t, c.Input)), "\n")
				want := strings.TrimRight(c.Want, "\n")
				if got == want {
					return
				}
				t.Errorf("%s:%d: article differs from the expected text", c.File, c.Line)
				lineDiff(t, got, want)
			})
		}
	}
}

// lineDiff reports the lines where got and want differ (every line under the -diff-only flag).
func lineDiff(t *testing.T, got, want string) {
	t.Helper()
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w || *diffOnly {
			t.Errorf("line %d\n  got:  %s\n  want: %s", i+1, g, w)
		}
	}
}
