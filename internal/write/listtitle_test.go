package write_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestListTitles: the short title of every article of testdata/articles/*.txt, as news
// lists and search results show it, against testdata/listtitles.golden ("case<TAB>title",
// written by hand): the period first, then the figures that set the period apart.
func TestListTitles(t *testing.T) {
	golden, err := os.ReadFile("testdata/listtitles.golden")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for i, line := range strings.Split(strings.TrimRight(string(golden), "\n"), "\n") {
		name, title, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("testdata/listtitles.golden:%d: no tab in %q", i+1, line)
		}
		want[name] = title
	}
	files, _ := filepath.Glob("testdata/articles/*.txt")
	n := 0
	for _, file := range files {
		for _, c := range ReadCases(t, file) {
			n++
			t.Run(c.Name, func(t *testing.T) {
				w, ok := want[c.Name]
				if !ok {
					t.Fatalf("%s:%d: no line for %q in testdata/listtitles.golden", c.File, c.Line, c.Name)
				}
				a := caseWritten(t, caseSite(t, c.Input))
				if a.ListTitle != w {
					t.Errorf("%s:%d:\n got:  %s\n want: %s", c.File, c.Line, a.ListTitle, w)
				}
				if a.ListTitle == a.Title {
					t.Errorf("the list title is the official title %q", a.Title)
				}
			})
		}
	}
	if n != len(want) {
		t.Errorf("%d cases, %d lines in testdata/listtitles.golden", n, len(want))
	}
}
