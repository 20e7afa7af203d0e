package write_test

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"chiso/internal/load"
	"chiso/internal/render"
	"chiso/internal/validate"
	"chiso/internal/write"
)

// Golden cases of the dossier, unit-score and target-plan wording, in goldmark's format
// (testdata/extra/*.txt):
//
//	3: Title of the case
//	//- - - - - - - - -//
//	-- data/periods/2023-03.toml --          ← files laid over ../build/testdata/minimal
//	…
//	//- - - - - - - - -//
//	the exact text the site writes            ← plain text, one line per paragraph or item,
//	cảnh báo: data/periods/…: …               ← then every diagnostic of the case
//	//= = = = = = = = = = = = = = = = = = = = = = = =//
//
// The expected text is written by hand from ../shared/REPORTS.md, never by the code. The
// file names what is compared: dossier.txt and unit-score.txt the article's section
// ("dossier-section", "unit-score-section"), article.txt the whole article, targets.txt
// the target plan page. One case runs alone with
//
//	go test ./internal/write -run 'TestExtraCases/dossier.txt/3'
func TestExtraCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/extra/*.txt")
	if len(files) == 0 {
		t.Fatal("no case files in testdata/extra")
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		kind := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(filepath.Base(file), func(t *testing.T) {
			for _, c := range parseCases(t, string(src)) {
				t.Run(strconv.Itoa(c.number), func(t *testing.T) {
					got := runCase(t, kind, c.files)
					if got != c.want {
						t.Errorf("%s:%d: %s\n--- got\n%s\n--- want\n%s", file, c.line, c.title, got, c.want)
					}
				})
			}
		})
	}
}

type textCase struct {
	number, line int
	title        string
	files        map[string]string
	want         string
}

const (
	extraSep = "//- - - - - - - - -//"
	extraEnd = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

func parseCases(t *testing.T, src string) []textCase {
	var out []textCase
	line := 1
	for _, block := range strings.SplitAfter(src, extraEnd+"\n") {
		start := line
		line += strings.Count(block, "\n")
		block = strings.TrimSuffix(block, extraEnd+"\n")
		if strings.TrimSpace(block) == "" {
			continue
		}
		parts := strings.Split(block, extraSep+"\n")
		if len(parts) != 3 {
			t.Fatalf("case at line %d: want a title, input and output separated by %s", start, extraSep)
		}
		head := strings.TrimSpace(parts[0])
		num, title, ok := strings.Cut(head, ": ")
		n, err := strconv.Atoi(num)
		if !ok || err != nil {
			t.Fatalf("case at line %d: the first line is “N: title”, got %q", start, head)
		}
		c := textCase{number: n, line: start, title: title, files: map[string]string{}, want: strings.TrimSuffix(parts[2], "\n")}
		var cur string
		for _, l := range strings.SplitAfter(parts[1], "\n") {
			if name, ok := strings.CutPrefix(strings.TrimSpace(l), "-- "); ok && strings.HasSuffix(name, " --") {
				cur = strings.TrimSuffix(name, " --")
				c.files[cur] = ""
				continue
			}
			if cur == "" {
				t.Fatalf("case %d: input starts with a “-- file --” line", n)
			}
			c.files[cur] += l
		}
		out = append(out, c)
	}
	return out
}

// extraSite is the minimal site of the broken-input corpus, the repository's templates and
// the case's files; a case that gives a period replaces the minimal site's periods.
func extraSite(t *testing.T, files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	ownPeriods := false
	for name := range files {
		ownPeriods = ownPeriods || strings.HasPrefix(name, "data/periods/")
	}
	add := func(root, prefix string) {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			name := path.Join(prefix, filepath.ToSlash(rel))
			if ownPeriods && strings.HasPrefix(name, "data/periods/") {
				return nil
			}
			data, err := os.ReadFile(p)
			fsys[name] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	add("../build/testdata/minimal", "")
	add("../../templates", "templates")
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func runCase(t *testing.T, kind string, files map[string]string) string {
	fsys := extraSite(t, files)
	site, probs := load.Site(fsys)
	probs = append(probs, validate.Site(site)...)
	probs.Sort()
	var diags []string
	for _, p := range probs {
		diags = append(diags, p.String())
	}
	if probs.HasErrors() {
		return strings.Join(diags, "\n")
	}
	tmpl, err := render.Parse(fsys, write.Funcs(&site.Config))
	if err != nil {
		t.Fatal(err)
	}
	w := write.New(site, tmpl.Text)
	var text string
	switch kind {
	case "targets":
		if len(site.Plans) != 1 {
			t.Fatalf("want one target plan, got %d", len(site.Plans))
		}
		title, body, err := w.Plan(site.Plans[0])
		if err != nil {
			t.Fatal(err)
		}
		text = title + "\n" + write.PlainText(body)
	default:
		if len(site.Reports) != 1 {
			t.Fatalf("want one period, got %d", len(site.Reports))
		}
		r := site.Reports[0]
		if kind == "article" {
			a, err := w.Article(r)
			if err != nil {
				t.Fatal(err)
			}
			text = a.Title + "\n" + write.PlainText(a.Lead) + "\n" + write.PlainText(a.Body)
			break
		}
		d, err := w.Data(r)
		if err != nil {
			t.Fatal(err)
		}
		if text, err = w.Text(kind+"-section", d); err != nil {
			t.Fatal(err)
		}
	}
	return strings.Join(append([]string{text}, diags...), "\n")
}
