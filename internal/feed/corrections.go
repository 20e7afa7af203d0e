package feed

import (
	"strings"

	"chiso/internal/corrections"
	"chiso/internal/model"
	"chiso/internal/opendata"
	"chiso/internal/write"
)

// Paths of the corrections log (package corrections): its page and its two feeds.
const (
	CorrectionsDir  = "dinh-chinh/"
	CorrectionsRSS  = CorrectionsDir + "rss.xml"
	CorrectionsAtom = CorrectionsDir + "atom.xml"
)

// CorrectionAnchor is a commit's place on the log page: "sua-a1b2c3d".
func CorrectionAnchor(c *corrections.Commit) string { return "sua-" + c.Short }

// Corrections is what the corrections log's feeds are made of.
type Corrections struct {
	Model  *model.Site
	Log    *corrections.Log
	Writer *write.Writer            // its wording names the feed and words each entry (corrections.html)
	AbsURL func(path string) string // a path under the site root as an absolute URL
	// The English edition's log (Dir "en/", Language "en", Label english.Label) is the
	// same log with English names and numbers, under en/; empty: the Vietnamese one.
	Dir      string
	Language string
	Label    func(model.Period) string
}

// Files writes dinh-chinh/rss.xml and dinh-chinh/atom.xml (under Dir), one item per
// correcting commit (newest first) with one line per corrected figure; put stores each.
// Dates are the commits'; without a correction, the data's (opendata.Created).
func (c Corrections) Files(put func(path string, data []byte)) error {
	cfg := &c.Model.Config
	lang, label := cfg.Language, model.Period.Label
	if c.Language != "" {
		lang = c.Language
	}
	if c.Label != nil {
		label = c.Label
	}
	title, err := c.Writer.Text("corrections-feed-name", c.Model.Current())
	if err != nil {
		return err
	}
	desc, err := c.Writer.Text("corrections-feed-description", nil)
	if err != nil {
		return err
	}
	dir := c.Dir + CorrectionsDir
	f := &Feed{Title: title, Description: desc,
		Link: c.AbsURL(dir), Language: lang, Author: cfg.Author, Updated: opendata.Created(c.Model)}
	var commits []*corrections.Commit
	if c.Log != nil {
		commits = c.Log.Commits
	}
	if len(commits) > 0 {
		f.Updated = commits[0].Date
	}
	for _, cm := range commits {
		periods := cm.ByPeriod()
		title, err := c.Writer.Text("correction-feed-title", struct {
			Commit  *corrections.Commit
			Periods []corrections.PeriodCorrections
		}{cm, periods})
		if err != nil {
			return err
		}
		var lines []string
		for _, p := range periods {
			for _, x := range p.Corrections {
				s, err := c.Writer.Text("correction", x)
				if err != nil {
					return err
				}
				lines = append(lines, write.UpperFirst(label(p.Period))+" – "+s+".")
			}
		}
		link := c.AbsURL(dir) + "#" + CorrectionAnchor(cm)
		f.Items = append(f.Items, Item{Title: title, Link: link, ID: link, Summary: strings.Join(lines, "\n"),
			Published: cm.Date, Author: cfg.Author})
	}
	f.Self = c.AbsURL(c.Dir + CorrectionsRSS)
	rss, err := f.RSS()
	if err != nil {
		return err
	}
	f.Self = c.AbsURL(c.Dir + CorrectionsAtom)
	atom, err := f.Atom()
	if err != nil {
		return err
	}
	put(c.Dir+CorrectionsRSS, rss)
	put(c.Dir+CorrectionsAtom, atom)
	return nil
}
