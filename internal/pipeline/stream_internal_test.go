package pipeline

import (
	"slices"
	"strings"
	"testing"
	"unique"
)

func TestFigureIDs(t *testing.T) {
	page := `<figure class="chart" id="a-1"><figure class="chart" id="9x"><figure class="chart" id="Ab">` +
		`<figure class="chart" id="b_c"><figure class="chart" id="ok"></figure><figure class="chart" id="x`
	if got, want := figureIDs([]byte(page)), []string{"a-1", "ok"}; !slices.Equal(got, want) {
		t.Errorf("figureIDs = %q, want %q", got, want)
	}
}

func TestPackWords(t *testing.T) {
	words := []string{"ty", "le", "", "63,5", "hồ sơ", strings.Repeat("x", 300)}
	var hs []unique.Handle[string]
	for _, w := range words {
		hs = append(hs, unique.Make(w))
	}
	data := packWords([]byte("excerpt"), hs)
	got, err := unpackWords(data[len("excerpt"):])
	if err != nil || !slices.Equal(got, words) {
		t.Fatalf("unpackWords = %q, %v; want %q", got, err, words)
	}
	if _, err := unpackWords(data[len("excerpt") : len(data)-1]); err == nil {
		t.Error("a cut file read back without an error")
	}
}
