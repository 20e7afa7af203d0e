package corrections

import (
	"fmt"
	"testing"

	"chiso/internal/model"
)

// TestByPeriod: a commit's corrections grouped by period, in the commit's order; a
// period that comes back after another starts a group of its own.
func TestByPeriod(t *testing.T) {
	apr, may := model.Period{Year: 2024, Month: 4}, model.Period{Year: 2024, Month: 5}
	c := &Commit{Corrections: []*Correction{{Period: may, New: "1"}, {Period: may, New: "2"}, {Period: apr, New: "3"}, {Period: may, New: "4"}}}
	var got []string
	for _, p := range c.ByPeriod() {
		s := p.Period.Key() + ":"
		for _, x := range p.Corrections {
			s += x.New
		}
		got = append(got, s)
	}
	if want := "[2024-05:12 2024-04:3 2024-05:4]"; fmt.Sprint(got) != want {
		t.Errorf("got %s, want %s", fmt.Sprint(got), want)
	}
	if (&Commit{}).ByPeriod() != nil {
		t.Error("a commit without corrections has periods")
	}
}
