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
	Writer *write.Writer
	AbsURL func(path string) string // a path under the site root as an absolute URL
}

// Files writes dinh-chinh/rss.xml and dinh-chinh/atom.xml, one item per correcting
// commit (newest first) with one line per corrected figure; put stores each. Dates are
// the commits'; without a correction, the data's (opendata.Created).
func (c Corrections) Files(put func(path string, data []byte)) error {
	cfg := &c.Model.Config
	name := c.Model.Current().Name
	f := &Feed{Title: "Đính chính số liệu – " + name, Description: "Các số liệu đã công bố rồi được sửa lại trên trang " + cfg.Title + ".",
		Link: c.AbsURL(CorrectionsDir), Language: cfg.Language, Author: cfg.Author, Updated: opendata.Created(c.Model)}
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
				lines = append(lines, write.UpperFirst(p.Period.Label())+" – "+s+".")
			}
		}
		link := c.AbsURL(CorrectionsDir) + "#" + CorrectionAnchor(cm)
		f.Items = append(f.Items, Item{Title: title, Link: link, ID: link, Summary: strings.Join(lines, "\n"),
			Published: cm.Date, Author: cfg.Author})
	}
	f.Self = c.AbsURL(CorrectionsRSS)
	rss, err := f.RSS()
	if err != nil {
		return err
	}
	f.Self = c.AbsURL(CorrectionsAtom)
	atom, err := f.Atom()
	if err != nil {
		return err
	}
	put(CorrectionsRSS, rss)
	put(CorrectionsAtom, atom)
	return nil
}
