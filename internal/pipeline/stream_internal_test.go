package pipeline

import (
	"slices"
	"testing"
)

func TestFigureIDs(t *testing.T) {
	page := `<figure class="chart" id="a-1"><figure class="chart" id="9x"><figure class="chart" id="Ab">` +
		`<figure class="chart" id="b_c"><figure class="chart" id="ok"></figure><figure class="chart" id="x`
	if got, want := figureIDs([]byte(page)), []string{"a-1", "ok"}; !slices.Equal(got, want) {
		t.Errorf("figureIDs = %q, want %q", got, want)
	}
}
