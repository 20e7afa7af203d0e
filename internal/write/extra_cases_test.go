package write_test

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"chiso/internal/diag"
	"chiso/internal/load"
	"chiso/internal/render"
	"chiso/internal/validate"
	"chiso/internal/write"
)

// Golden cases of the dossier, unit-score and target-plan wording (testdata/extra/*.txt),
// in the case format of cases_test.go, read by ReadCases. Unlike the article cases they
// start from the small site of the broken-input corpus (../pipeline/testdata/minimal), so
// that a case holds every fact it depends on, and they compare a part of a page followed
// by every diagnostic of the case (warnings included, errors instead of text):
//
//	dossier.txt     the article's "dossier-section"
//	unit-score.txt  the article's "unit-score-section"
//	targets.txt     the target plan page: its title, then its text
//
// The whole articles of reports holding only dossiers or only unit scores are article
// cases (testdata/articles/dossiers.txt). The expected texts are written by hand from
// ../shared/REPORTS.md, never by the code. One case runs alone with
//
//	go test ./internal/write -run 'TestExtraCases/dossier.txt/whole-window'
func TestExtraCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/extra/*.txt")
	if len(files) == 0 {
		t.Fatal("no case files in testdata/extra")
	}
	for _, file := range files {
		kind := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(filepath.Base(file), func(t *testing.T) {
			for _, c := range ReadCases(t, file) {
				t.Run(c.Name, func(t *testing.T) {
					got := runExtraCase(t, kind, extraSite(t, c.Input))
					if want := strings.TrimRight(c.Want, "\n"); got != want {
						t.Errorf("%s:%d: %s\n--- got\n%s\n--- want\n%s", c.File, c.Line, c.Name, got, want)
					}
				})
			}
		})
	}
}

// extraSite is the minimal site, the repository's templates and the case's "-- path --"
// files; a case that gives a period replaces the minimal site's periods.
func extraSite(t *testing.T, input string) fstest.MapFS {
	files := map[string]string{}
	name := ""
	for _, line := range strings.SplitAfter(input, "\n") {
		if s := sectionHeader.FindStringSubmatch(strings.TrimRight(line, "\r\n")); s != nil {
			name = s[1]
			files[name] = ""
			continue
		}
		if name == "" {
			if strings.TrimSpace(line) != "" {
				t.Fatalf("the input starts with a “-- path --” line, not %q", line)
			}
			continue
		}
		files[name] += line
	}
	ownPeriods := false
	for name := range files {
		ownPeriods = ownPeriods || strings.HasPrefix(name, "data/periods/")
	}
	fsys := fstest.MapFS{}
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
	add("../pipeline/testdata/minimal", "")
	add("../../templates", "templates")
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func runExtraCase(t *testing.T, kind string, fsys fs.FS) string {
	site, probs := load.Site(fsys)
	probs = append(probs, validate.Site(site)...)
	probs.Sort()
	var diags []string
	for _, p := range probs {
		// The base site declares three levels; a case about one level's dossiers or unit
		// scores leaves the others unused, which is the fixture's doing, not the case's.
		if p.Code == diag.LevelUnused {
			continue
		}
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
	if kind == "targets" {
		if len(site.Plans) != 1 {
			t.Fatalf("want one target plan, got %d", len(site.Plans))
		}
		title, body, err := w.Plan(site.Plans[0])
		if err != nil {
			t.Fatal(err)
		}
		text = title + "\n" + write.PlainText(body)
	} else {
		if len(site.Reports) != 1 {
			t.Fatalf("want one period, got %d", len(site.Reports))
		}
		d, err := w.Data(site.Reports[0])
		if err != nil {
			t.Fatal(err)
		}
		if text, err = w.Text(kind+"-section", d); err != nil {
			t.Fatal(err)
		}
	}
	return strings.Join(append([]string{text}, diags...), "\n")
}
