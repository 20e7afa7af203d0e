package periodfile_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"chiso/internal/diag"
	"chiso/internal/model"
	"chiso/internal/periodfile"
	"chiso/internal/pipeline"
)

// sample is the repository's sample site, without the periods from `after` on.
func sample(t *testing.T, after string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	repo := os.DirFS("../..")
	for _, root := range []string{"config.toml", "data", "content", "templates"} {
		err := fs.WalkDir(repo, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if strings.HasPrefix(p, "data/periods/") && after != "" && strings.TrimSuffix(filepath.Base(p), ".toml") >= after {
				return nil
			}
			data, err := fs.ReadFile(repo, p)
			m[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func draft(t *testing.T, src fstest.MapFS, p model.Period) *periodfile.File {
	t.Helper()
	site, probs := pipeline.Check(src)
	if probs.HasErrors() {
		t.Fatalf("sample has errors:\n%s", probs)
	}
	return periodfile.Draft(site, periodfile.Base(site, p), p)
}

// TestDraftAcrossTheMerger: July 2025 is drafted from June: no district level, the
// departments and communes replaced by their successors, the rank out of a number that
// changed with the merger left for the editor, and the month official.
func TestDraftAcrossTheMerger(t *testing.T) {
	src := sample(t, "2025-07")
	f := draft(t, src, model.Period{Year: 2025, Month: 7})
	text := string(f.Bytes())
	for _, want := range []string{
		`period = "2025-07"`, "illustrative = false", "rank_of = \"?\"", `number = "?"`, `date = "?"`,
		`{ unit = "gl-so-tu-phap", numerator = "?", denominator = "?" }, # Sở Tư pháp`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("draft lacks %q", want)
		}
	}
	for _, unwanted := range []string{"huyen", `unit = "bd-`, `unit = "an-lao"`} {
		if strings.Contains(text, unwanted) {
			t.Errorf("draft still has %q (not in force in 2025-07)", unwanted)
		}
	}
	if f.Name() != "data/periods/2025-07.toml" {
		t.Errorf("name %s", f.Name())
	}
}

// TestDraftIsATodoList: the drafted file is valid TOML, and check reports each "?" as
// not entered, at its own line, and nothing else about the file.
func TestDraftIsATodoList(t *testing.T) {
	src := sample(t, "")
	site, _ := pipeline.Check(src)
	p := periodfile.Next(site.Latest().Period)
	f := draft(t, src, p)
	src[f.Name()] = &fstest.MapFile{Data: f.Bytes()}
	_, probs := pipeline.Check(src)
	lines := strings.Split(string(f.Bytes()), "\n")
	n := 0
	for _, d := range probs {
		if d.Pos.File != f.Name() {
			t.Errorf("other file: %s", d)
			continue
		}
		if d.Code != diag.NotEntered {
			t.Errorf("not a missing value: %s", d)
			continue
		}
		if !strings.Contains(lines[d.Pos.Line-1], `"?"`) {
			t.Errorf("line %d has no \"?\": %s", d.Pos.Line, lines[d.Pos.Line-1])
		}
		n++
	}
	if n != f.Missing() || n == 0 {
		t.Errorf("%d not-entered lines for %d placeholders", n, f.Missing())
	}
}

var placeholder = regexp.MustCompile(`(\w+) = "\?"`)

// TestFilledDraftChecks: once every "?" has a value, the period checks without error:
// the structure new writes is the one load reads.
func TestFilledDraftChecks(t *testing.T) {
	src := sample(t, "2025-07")
	f := draft(t, src, model.Period{Year: 2025, Month: 7})
	filled := placeholder.ReplaceAllStringFunc(string(f.Bytes()), func(s string) string {
		key := placeholder.FindStringSubmatch(s)[1]
		switch key {
		case "number":
			return `number = "512/BC-VPUBND"`
		case "date":
			return "date = 2025-08-15"
		case "class":
			return `class = "tốt"`
		case "rank", "rank_of":
			return key + " = 34"
		case "numerator":
			return "numerator = 90"
		case "denominator":
			return "denominator = 100"
		}
		return key + " = 5" // within every group's maximum
	})
	src[f.Name()] = &fstest.MapFile{Data: []byte(filled)}
	_, probs := pipeline.Check(src)
	for _, d := range probs {
		if d.Severity == diag.Error {
			t.Errorf("%s", d)
		}
	}
}

// TestCreateNeverOverwrites: a second draft of the same period is refused and the
// first file is left as it was.
func TestCreateNeverOverwrites(t *testing.T) {
	src := sample(t, "2025-07")
	f := draft(t, src, model.Period{Year: 2025, Month: 7})
	dir := t.TempDir()
	path, err := periodfile.Create(dir, f)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, []byte("# sửa tay\n"), 0o644)
	if _, err := periodfile.Create(dir, f); !errors.Is(err, periodfile.ErrExists) {
		t.Fatalf("second Create: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "# sửa tay\n" {
		t.Errorf("file was overwritten: %q", b)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
