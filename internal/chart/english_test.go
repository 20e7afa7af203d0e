package chart

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"chiso/internal/english"
	"chiso/internal/golden"
)

// English charts are the same charts with English words, names and numbers: the
// package formats nothing itself, so these cases check that what the English edition
// passes (english.RatePrinted, english.Score, "Apr 2024", the break's English label)
// reaches the option, the labels and the fallback table as given. One case per kind.

func enHorizontal() Chart {
	return Chart{
		ID: "bai-2024-04-muc-tieu", Kind: Bar, Horizontal: true,
		Title:        "Rates for the province as a whole against the targets, April 2024",
		Description:  "Horizontal bar chart comparing the rate for the province as a whole on 3 indicators in April 2024 with the targets set (a bold mark on each bar).",
		CategoryName: "Indicator",
		Categories:   []string{"Online dossiers", "Online payments", "Reused digitised data"},
		Series: []Series{
			{Name: "Whole province", Values: []*float64{f(95), f(63.4), f(44.75)}},
			{Name: "Target", Target: true, Values: []*float64{f(50), f(45), f(50)}},
		},
		Unit: "%", Format: english.RatePrinted, YMin: f(0), YMax: f(100),
	}
}

func enLine() Chart {
	return Chart{
		ID: "trang-chu-diem", Kind: Line,
		Title:        "Index score over time",
		Description:  "Line chart of the index score over 4 periods; the line breaks at July 2025: Gia Lai Province.",
		CategoryName: "Period",
		Categories:   []string{"May 2025", "Jun 2025", "Jul 2025", "Q3 2025"},
		Series:       []Series{{Name: "Score", Values: []*float64{f(88.62), f(91.7), f(93.45), f(1234.5)}}},
		Breaks:       []Break{{Category: "Jul 2025", Label: "Gia Lai Province"}},
		Unit:         " points", Format: english.Score, Tick: 5,
	}
}

func enBar() Chart {
	return Chart{
		ID: "tong-hop-2025-q3", Kind: Bar,
		Title:        "Pooled rates, Q3 2025",
		Description:  "Bar chart of pooled rates by level in Q3 2025.",
		CategoryName: "Period",
		Categories:   []string{"Q2 2025", "Q3 2025"},
		Series: []Series{
			{Name: "Provincial level", Values: []*float64{f(70), f(71.25)}},
			{Name: "Commune level", Values: []*float64{f(30.1), nil}},
		},
		Unit: "%", Format: english.RatePrinted, YMin: f(0), YMax: f(100),
	}
}

// TestGoldenEnglish: each English case's envelope and its figure (the table readers
// without JavaScript get), as a person read them.
func TestGoldenEnglish(t *testing.T) {
	for name, c := range map[string]Chart{"en-horizontal": enHorizontal(), "en-line": enLine(), "en-bar": enBar()} {
		t.Run(name, func(t *testing.T) {
			r, err := Render(c)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := json.Indent(&got, r.JSON, "", "  "); err != nil {
				t.Fatal(err)
			}
			h, err := r.HTML()
			if err != nil {
				t.Fatal(err)
			}
			got.WriteString("\n")
			// The option script is in the JSON above; the figure is shown without it.
			got.WriteString(scriptRe.ReplaceAllString(string(h), "<script …></script>"))
			got.WriteByte('\n')
			golden.Check(t, filepath.Join("testdata", name+".golden"), got.Bytes(), *update)
		})
	}
}
