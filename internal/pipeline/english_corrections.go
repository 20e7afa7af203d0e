package pipeline

// The English corrections log: en/dinh-chinh/, its feeds and the articles' boxes, from the
// same correction records as the Vietnamese log (corrections.go), each named from the
// model's references (the indicator's, level's and unit's English names, the glossary's
// for index groups and classes) and its raw numbers printed the English way. The
// sentences are the English wording's (templates/wording/en/corrections.html).

import (
	"chiso/internal/corrections"
	eng "chiso/internal/english"
	"chiso/internal/feed"
	"chiso/internal/model"
	"chiso/internal/write"
)

// enCorrectionsLog is the corrections log with English names and numbers, made once.
func (b *builder) enCorrectionsLog() *corrections.Log {
	e := b.en
	if e.corrections != nil {
		return e.corrections
	}
	e.corrections = &corrections.Log{}
	if b.corrections == nil {
		return e.corrections
	}
	s := b.site
	levels := make(map[string]*model.Level, len(s.Levels))
	for _, l := range s.Levels {
		levels[l.Key] = l
	}
	units := make(map[string]*model.Unit, len(s.Units))
	for _, u := range s.Units {
		units[u.Code] = u
	}
	cfg := &s.Config
	for _, c := range b.corrections.Commits {
		en := *c
		en.Corrections = make([]*corrections.Correction, len(c.Corrections))
		for i, x := range c.Corrections {
			y := *x
			// The version was loaded against today's model, so its references are today's;
			// a name not found keeps the Vietnamese one rather than inventing one.
			if ind := s.Indicator(x.IndicatorKey); ind != nil {
				y.Indicator = ind.NameEn
			}
			if l := levels[x.LevelKey]; l != nil {
				y.Level = l.NameEn
			}
			if u := units[x.UnitCode]; u != nil {
				y.Unit = u.NameEn
			}
			y.Group = write.Gloss(cfg, x.Group)
			y.Value = numberEn(cfg, x.Kind, x.Num, x.Value)
			if !x.Removed() {
				y.New = numberEn(cfg, x.Kind, x.NewNum, x.New)
			}
			en.Corrections[i] = &y
		}
		e.corrections.Commits = append(e.corrections.Commits, &en)
	}
	return e.corrections
}

// numberEn prints a figure's raw number as the English edition does (88.62; 63.4%;
// 1,234); a class is the glossary's English for the Vietnamese word.
func numberEn(cfg *model.Config, kind string, n float64, vi string) string {
	switch kind {
	case "rate":
		return eng.RatePrinted(n) + "%"
	case "count":
		return eng.Int(int64(n))
	case "score":
		return eng.Score(n)
	}
	return write.Gloss(cfg, vi)
}

// enArticleCorrections is the English article's "Corrections" box, nil without one.
func (b *builder) enArticleCorrections(a *write.Article) *ArticleCorrections {
	return correctionsBox(b.enCorrectionsLog(), a)
}

// enCorrectionsPage writes en/dinh-chinh/ and its feeds, the twin of dinh-chinh/.
func (b *builder) enCorrectionsPage() error {
	e := b.en
	if !b.want(CorrectionsDir) {
		return nil
	}
	log := b.enCorrectionsLog()
	err := feed.Corrections{Model: b.site, Log: log, Writer: e.w, AbsURL: b.absURLOf,
		Dir: EnglishDir, Language: "en", Label: eng.Label}.
		Files(func(path string, data []byte) { b.files[path] = data })
	if err != nil {
		return err
	}
	title, desc, err := correctionsTitle(e.w)
	if err != nil {
		return err
	}
	b.pageEn("corrections", CorrectionsDir, title, desc, "", false, b.correctionsBody(log, b.enArticle))
	b.correctionsFeedLinks(b.jobs[len(b.jobs)-1].page, title, EnglishDir)
	return nil
}
