package pipeline

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"

	"chiso/internal/corrections"
	"chiso/internal/publish"
	"chiso/internal/render"
	"chiso/internal/write"
)

// TestChartsInEnglish: the unit, quarter and ranking pages' charts drawn in English
// (chartsIn with the English chart language, as the English edition's pages of those
// kinds get them) have the Vietnamese twin's ids and English words, names and numbers;
// the Vietnamese pages' charts are left as they were.
func TestChartsInEnglish(t *testing.T) {
	b := sampleEnglishBuilder(t)
	// The pages as queued, with their bodies (a render keeps only records of them).
	b.keepQueued = true
	if err := b.writeArticles(); err != nil {
		t.Fatal(err)
	}
	for _, step := range b.pageSteps() {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	l := b.enLang()
	vietnamese := regexp.MustCompile(`[À-ỹ]|\d,\d{1,2}%|\b\d{1,2}/20\d\d\b|Kỳ|Mục tiêu|Tỷ lệ|Cả |Đơn vị`)
	kinds := map[string]int{}
	for _, j := range b.jobs {
		p := j.page
		if p.Lang == "en" {
			continue
		}
		var viFigs []Figure
		en := *p
		switch x := p.Body.(type) {
		case *UnitBody:
			c := *x
			en.Body, viFigs = &c, x.Charts
			en.Title = write.UpperFirst(x.Unit.NameEn)
		case *SummaryBody:
			c := *x
			en.Body, viFigs = &c, x.Charts
		case *RankingBody:
			c := *x
			c.Indicators = append([]RankingIndicator(nil), x.Indicators...)
			for i := range c.Indicators {
				c.Indicators[i].Levels = append([]RankingLevel(nil), c.Indicators[i].Levels...)
				for _, lv := range c.Indicators[i].Levels {
					if lv.Chart != nil {
						viFigs = append(viFigs, *lv.Chart)
					}
				}
			}
			en.Body = &c
		default:
			continue
		}
		if err := b.chartsIn(l, &en); err != nil {
			t.Fatalf("%s: %v", p.Path, err)
		}
		var enFigs []Figure
		switch x := en.Body.(type) {
		case *UnitBody:
			enFigs = x.Charts
		case *SummaryBody:
			enFigs = x.Charts
		case *RankingBody:
			for _, ri := range x.Indicators {
				for _, lv := range ri.Levels {
					if lv.Chart != nil {
						enFigs = append(enFigs, *lv.Chart)
					}
				}
			}
		}
		if len(enFigs) != len(viFigs) {
			t.Errorf("%s: %d English charts for %d Vietnamese", p.Path, len(enFigs), len(viFigs))
			continue
		}
		for i, f := range enFigs {
			kinds[p.Kind]++
			if f.ID != viFigs[i].ID || f.Inline != viFigs[i].Inline {
				t.Errorf("%s: English chart %s (inline %v) for %s (inline %v)", p.Path, f.ID, f.Inline, viFigs[i].ID, viFigs[i].Inline)
			}
			text := f.Title + " " + f.Description + " " + string(f.JSON) + " " + f.Table.Corner + " " + strings.Join(f.Table.Columns, " ")
			for _, r := range f.Table.Rows {
				text += " " + r.Label + " " + strings.Join(r.Cells, " ")
			}
			if m := vietnamese.FindAllString(text, 3); m != nil {
				t.Errorf("%s #%s: Vietnamese in the English chart: %q\n%s", p.Path, f.ID, m, f.Title+" | "+f.Description)
			}
			if string(f.JSON) == string(viFigs[i].JSON) {
				t.Errorf("%s #%s: the English chart is the Vietnamese one", p.Path, f.ID)
			}
		}
	}
	for _, k := range []string{"unit", "summary", "ranking"} {
		if kinds[k] == 0 {
			t.Errorf("no %s chart drawn in English (%v)", k, kinds)
		}
	}
}

// sampleEnglishBuilder is a builder of the repository's sample site with its English
// edition set up, for tests that look at one step of a build.
func sampleEnglishBuilder(t *testing.T) *builder {
	t.Helper()
	return englishBuilder(t, os.DirFS("../.."))
}

// englishBuilder is a builder of the site in src with its English edition set up.
func englishBuilder(tb testing.TB, src fs.FS) *builder {
	tb.Helper()
	site, probs := Check(src)
	if probs.HasErrors() {
		tb.Fatal(probs)
	}
	tmpl, err := render.Parse(src, write.Funcs(&site.Config))
	if err != nil {
		tb.Fatal(err)
	}
	b := &builder{site: site, tmpl: tmpl, w: write.New(site, tmpl.Text), files: publish.Files{},
		corrections: corrections.Read("", src, site.Config.CorrectionsSince)}
	if err := b.setupEnglish(src); err != nil {
		tb.Fatal(err)
	}
	return b
}
