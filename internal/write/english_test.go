package write_test

import (
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"chiso/internal/load"
	"chiso/internal/model"
	"chiso/internal/render"
	"chiso/internal/validate"
	"chiso/internal/write"
)

// textEn is the English article as plain text (title, list title, key figures, lead, body),
// as text() is the Vietnamese one.
func textEn(a *write.Article) string {
	return a.Title + "\n" + a.ListTitle + "\n\n" + write.PlainText(a.KeyFigures) + "\n\n" + write.PlainText(a.Lead) + "\n\n" + write.PlainText(a.Body) + "\n"
}

// caseArticleEn is caseArticle for the English edition: the same data, the English wording.
func caseArticleEn(t testing.TB, fsys fs.FS) string {
	t.Helper()
	site, probs := load.Site(fsys)
	probs = append(probs, validate.Site(site)...)
	if probs.HasErrors() {
		t.Fatalf("the case's data has errors:\n%s", probs)
	}
	tmpl, err := render.ParseEn(fsys, write.FuncsEn(&site.Config, nil))
	if err != nil {
		t.Fatal(err)
	}
	r := caseReport(site)
	if r == nil {
		t.Fatal("the case has no period file data/periods/case.toml")
	}
	a, err := write.NewEn(site, tmpl.Text).Article(r)
	if err != nil {
		t.Fatal(err)
	}
	if a.Path() != "en/bai-viet/"+r.Period.Key()+"/" {
		t.Errorf("English article's path is %q", a.Path())
	}
	return textEn(a)
}

// TestArticlesEn runs the hand-checked English cases of testdata/articles-en/*.txt: the
// same period data as the Vietnamese cases, the English article (key figures, title,
// lead, body) exactly. One case: go test ./internal/write -run 'TestArticlesEn/seed'.
func TestArticlesEn(t *testing.T) {
	files, err := filepath.Glob("testdata/articles-en/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no case files in testdata/articles-en")
	}
	for _, file := range files {
		for _, c := range ReadCases(t, file) {
			t.Run(c.Name, func(t *testing.T) {
				got := strings.TrimRight(caseArticleEn(t, caseSite(t, c.Input)), "\n")
				want := strings.TrimRight(c.Want, "\n")
				if got == want {
					return
				}
				t.Errorf("%s:%d: English article differs from the expected text", c.File, c.Line)
				lineDiff(t, got, want)
			})
		}
	}
}

// TestSampleEnglishHasNoVietnamese writes every period of the sample site in English and
// fails on a Vietnamese letter left in the text: a wording template not translated, or a
// name of the sample data without its name_en or glossary entry. Document numbers
// ("766/QĐ-TTg") and the link to the Vietnamese article ("Tiếng Việt") are Vietnamese by right.
func TestSampleEnglishHasNoVietnamese(t *testing.T) {
	site, _ := sample(t)
	fsys := os.DirFS("../..")
	tmpl, err := render.ParseEn(fsys, write.FuncsEn(&site.Config, nil))
	if err != nil {
		t.Fatal(err)
	}
	w := write.NewEn(site, tmpl.Text)
	for _, r := range site.Reports {
		a, err := w.Article(r)
		if err != nil {
			t.Fatalf("%s: %v", r.Period.Key(), err)
		}
		s := textEn(a)
		s = strings.NewReplacer("QĐ", "", "Tiếng Việt", "").Replace(s)
		for _, r2 := range s {
			if r2 > unicode.MaxASCII && !strings.ContainsRune("’“”–…·", r2) {
				t.Errorf("%s: English article has %q:\n%s", r.Period.Key(), r2, s)
				break
			}
		}
	}
}

// TestUIString: t prints the Vietnamese text (without its "|context") in the Vietnamese
// edition, the table's English in the English one, and stops at a text the table lacks.
func TestUIString(t *testing.T) {
	cfg := &model.Config{Title: "Chỉ số", TitleEn: "Index", BasePath: "/chi-so/"}
	ui := map[string]string{"Chỉ tiêu": "Indicators", "Chỉ tiêu|cột bảng": "Indicator"}
	run := func(funcs template.FuncMap, src string) (string, error) {
		tm := template.Must(template.New("").Funcs(funcs).Parse(src))
		var b strings.Builder
		err := tm.Execute(&b, nil)
		return b.String(), err
	}
	src := `{{t "Chỉ tiêu"}}/{{t "Chỉ tiêu|cột bảng"}}/{{siteTitle}}/{{link "chi-tieu/"}}`
	if got, err := run(write.Funcs(cfg), src); err != nil || got != "Chỉ tiêu/Chỉ tiêu/Chỉ số//chi-so/chi-tieu/" {
		t.Errorf("Vietnamese: %q, %v", got, err)
	}
	if got, err := run(write.FuncsEn(cfg, ui), src); err != nil || got != "Indicators/Indicator/Index//chi-so/en/chi-tieu/" {
		t.Errorf("English: %q, %v", got, err)
	}
	if _, err := run(write.FuncsEn(cfg, ui), `{{t "Trang chủ"}}`); err == nil || !strings.Contains(err.Error(), write.NoEnglish) {
		t.Errorf("a text missing from the table: %v", err)
	}
}
