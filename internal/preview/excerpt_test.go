package preview

import (
	"testing"
	"testing/fstest"

	"chiso/internal/diag"
)

func TestExcerptMarksTheColumn(t *testing.T) {
	src := fstest.MapFS{"data/x.toml": {Data: []byte("a = 1\nb = 2\n\tlevels = { tinh = 9,5 }\nc = 3\nd = 4\ne = 5\n")}}
	got := excerpt(src, diag.Pos{File: "data/x.toml", Line: 3, Col: 19})
	if len(got) != 5 || got[0].Number != "1" || got[4].Number != "5" {
		t.Fatalf("want lines 1–5, got %+v", got)
	}
	here := got[2]
	if !here.Here || here.Text != "\tlevels = { tinh = 9,5 }" {
		t.Fatalf("line 3 not marked: %+v", here)
	}
	// 18 runes before column 19: the tab kept, the rest blanked, then the caret.
	if want := "\t                 ^"; here.Caret != want {
		t.Errorf("caret %q, want %q", here.Caret, want)
	}
	if excerpt(src, diag.Pos{File: "data/x.toml"}) != nil || excerpt(src, diag.Pos{File: "missing.toml", Line: 1}) != nil {
		t.Error("an excerpt without a line or a file")
	}
}
