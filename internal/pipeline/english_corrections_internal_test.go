package pipeline

import (
	"testing"
	"time"

	"chiso/internal/corrections"
	"chiso/internal/model"
)

// TestCorrectionsWordedInEnglish: each kind of corrected figure (the index's score, rank
// and groups, the dossier statistics, a unit's score and class) is named from the data's
// English names and the glossary, its numbers printed the English way.
func TestCorrectionsWordedInEnglish(t *testing.T) {
	b := sampleEnglishBuilder(t)
	day := time.Date(2024, 6, 3, 10, 30, 0, 0, time.UTC)
	fig := func(f corrections.Figure, newValue string, newNum float64) *corrections.Correction {
		return &corrections.Correction{Period: model.Period{Kind: model.Month, Year: 2024, Month: 4}, Figure: f,
			New: newValue, NewNum: newNum, Short: "a1b2c3d", Date: day}
	}
	tests := []struct {
		x    *corrections.Correction
		want string
	}{
		{fig(corrections.Figure{Part: "index", Field: "rank", Value: "5", Num: 5, Kind: "count"}, "4", 4),
			"Index: rank corrected from 5 to 4"},
		{fig(corrections.Figure{Part: "index", Field: "group", Group: "Công khai, minh bạch", Value: "17,5", Num: 17.5, Kind: "score"}, "17,25", 17.25),
			"Index: score of group “Publicity and transparency” corrected from 17.5 to 17.25"},
		{fig(corrections.Figure{Part: "index", Field: "national-average", Value: "80,5", Num: 80.5, Kind: "score"}, "", 0),
			"Index: national average score withdrawn (was 80.5)"},
		{fig(corrections.Figure{Part: "dossiers", Field: "received", Level: "Cấp tỉnh", LevelKey: "tinh", Value: "12.034", Num: 12034, Kind: "count"}, "12.043", 12043),
			"Dossier statistics, provincial level: dossiers received corrected from 12,034 to 12,043"},
		{fig(corrections.Figure{Part: "unit-score", Field: "class", Unit: "Sở Tư pháp", UnitCode: "bd-so-tu-phap", Value: "tốt", Kind: "text"}, "xuất sắc", 0),
			"Unit score, Department of Justice: class corrected from good to excellent"},
		{fig(corrections.Figure{Part: "unit-score", Field: "score", Unit: "Sở Tư pháp", UnitCode: "bd-so-tu-phap", Value: "88,5", Num: 88.5, Kind: "score"}, "89", 89),
			"Unit score, Department of Justice: score corrected from 88.5 to 89"},
	}
	b.corrections = &corrections.Log{Commits: []*corrections.Commit{{Short: "a1b2c3d", Date: day}}}
	for _, tc := range tests {
		b.corrections.Commits[0].Corrections = append(b.corrections.Commits[0].Corrections, tc.x)
	}
	log := b.enCorrectionsLog()
	for i, tc := range tests {
		x := log.Commits[0].Corrections[i]
		got, err := b.en.w.Text("correction", x)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.x.Part, tc.x.Field, got, tc.want)
		}
		if b.corrections.Commits[0].Corrections[i] == x {
			t.Errorf("%s %s: the English entry is the Vietnamese record, changed", tc.x.Part, tc.x.Field)
		}
	}
	if got, _ := b.en.w.Text("correction-when", log.Commits[0]); got != "3 June 2024 (revision a1b2c3d)" {
		t.Errorf("correction-when: %q", got)
	}
}
