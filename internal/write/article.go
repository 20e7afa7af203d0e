package write

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"regexp"
	"strings"

	"chiso/internal/model"
)

// Article is one period's news article, its words produced by the templates
// "article-title", "article-lead" and "article-body" of templates/text.html.
type Article struct {
	Report  *model.Report
	Slug    string        // "2024-04": the URL is bai-viet/2024-04/
	Title   string        // plain text
	Lead    template.HTML // "(binhdinh.gov.vn) - …"
	Body    template.HTML // data-source sentence, items, editor's paragraphs, index, "./."
	Summary string        // the lead as plain text, for lists and meta descriptions
}

// Path is the article's path under the site root.
func (a *Article) Path() string { return "bai-viet/" + a.Slug + "/" }

// ArticleData is what the article templates see.
type ArticleData struct {
	Site   *model.Site
	Report *model.Report
	Notes  template.HTML // the editor's paragraphs (content/bai-viet/PERIOD.md)
	Items  []Item
	Index  *IndexLine
}

// Item is one indicator's line of the article.
type Item struct {
	*model.Result
	Change      float64
	HasChange   bool
	Comparison  *model.Report // the period compared with
	EntityShort string        // "tỉnh", as in "của cả tỉnh"
}

// IndexLine is the index score sentence with its changes.
type IndexLine struct {
	*model.IndexScore
	ScoreChange    float64
	HasScoreChange bool
	RankChange     int
	HasRankChange  bool
	RankOfChanged  bool // the number of ranked provinces changed (63 → 34): ranks not compared
	Comparison     *model.Report
}

// Writer renders articles with the site's templates.
type Writer struct {
	site *model.Site
	tmpl *template.Template
}

// New makes a writer; tmpl must hold the templates of templates/text.html.
func New(site *model.Site, tmpl *template.Template) *Writer {
	return &Writer{site: site, tmpl: tmpl}
}

// comparable says whether r may be compared with the previous report: official figures
// are never set against illustrative ones.
func comparable(r *model.Report) bool {
	return r.Previous != nil && !r.Break() && (r.Illustrative || !r.Previous.Illustrative)
}

// Data assembles what the templates need for report r.
func (w *Writer) Data(r *model.Report) (*ArticleData, error) {
	d := &ArticleData{Site: w.site, Report: r}
	if note := w.site.Notes[r.Period.Key()]; note != nil {
		html, err := Markdown(note.Body)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", note.File, err)
		}
		d.Notes = html
	}
	cmp := comparable(r)
	for _, res := range r.Results {
		it := Item{Result: res, EntityShort: w.site.Config.EntityShort}
		if c, ok := res.Change(); ok && cmp {
			it.Change, it.HasChange, it.Comparison = c, true, r.Previous
		}
		d.Items = append(d.Items, it)
	}
	if x := r.Index; x != nil {
		line := &IndexLine{IndexScore: x}
		if cmp && x.Previous != nil {
			line.Comparison = r.Previous
			line.ScoreChange, line.HasScoreChange = x.ScoreChange()
			line.RankChange, line.HasRankChange = x.RankChange()
			line.RankOfChanged = !line.HasRankChange
		}
		d.Index = line
	}
	return d, nil
}

// Article writes report r.
func (w *Writer) Article(r *model.Report) (*Article, error) {
	d, err := w.Data(r)
	if err != nil {
		return nil, err
	}
	a := &Article{Report: r, Slug: r.Period.Key()}
	kind := "article"
	if dossierOnly(r) {
		kind = "dossier-article" // templates/wording/dossier.html
	}
	title, err := w.exec(kind+"-title", d)
	if err != nil {
		return nil, err
	}
	lead, err := w.exec(kind+"-lead", d)
	if err != nil {
		return nil, err
	}
	body, err := w.exec(kind+"-body", d)
	if err != nil {
		return nil, err
	}
	a.Title, a.Lead, a.Body = PlainText(title), lead, body
	a.Summary = PlainText(lead)
	return a, nil
}

// Text executes a named template of text.html and returns plain text, e.g. a chart's
// description.
func (w *Writer) Text(name string, data any) (string, error) {
	h, err := w.exec(name, data)
	return PlainText(h), err
}

func (w *Writer) exec(name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := w.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(strings.TrimSpace(buf.String())), nil
}

var (
	blockTags  = regexp.MustCompile(`(?i)</?(p|li|ul|ol|h[1-6]|br|div|table|tr|blockquote|section|article|header|footer)\b[^>]*>`)
	inlineTags = regexp.MustCompile(`<[^>]*>`)
	blanks     = regexp.MustCompile(`[ \t]+`)
	newlines   = regexp.MustCompile(`\s*\n\s*`)
)

// PlainText turns generated HTML into text: one line per block (paragraph, list item),
// inline tags dropped, entities decoded, white space folded.
func PlainText(h template.HTML) string {
	s := blockTags.ReplaceAllString(string(h), "\n")
	s = inlineTags.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	s = blanks.ReplaceAllString(s, " ")
	s = newlines.ReplaceAllString(s, "\n")
	return strings.TrimSpace(s)
}
