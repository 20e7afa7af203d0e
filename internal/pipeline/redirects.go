package pipeline

// The redirect page kind: an old address of data/redirects.toml sending readers on.

import (
	"io/fs"
	"slices"
	"strings"

	"chiso/internal/diag"
	"chiso/internal/load"
	"chiso/internal/model"
	"chiso/internal/redirect"
	"chiso/internal/render"
)

// RedirectBody is a redirect page's data.
type RedirectBody struct {
	To string // path under the site root, maybe with #fragment
}

// redirects writes a page at each old path of data/redirects.toml that sends readers
// (and crawlers: meta refresh, canonical) to the new one, and the server rules that
// answer those and the moved downloads with a real redirect (serverRedirects).
func (b *builder) redirects(src fs.FS) error {
	reds, _ := load.Redirects(src) // its problems were reported by Check
	var kept []model.Redirect
	for _, r := range reds {
		from := pageFile(r.From)
		if b.isPage(from) {
			b.probs.Errorf(r.Pos, diag.RedirectShadows, r.From)
			continue
		}
		to, _, _ := strings.Cut(r.To, "#")
		if !b.isPage(pageFile(to)) {
			b.probs.Errorf(r.ToPos, diag.RedirectMissing, r.From, r.To)
			continue
		}
		p := &render.Page{Site: b.site, Kind: "redirect", Layout: "redirect", Path: r.From, Title: "Trang đã chuyển", Body: &RedirectBody{To: r.To}}
		out, err := b.tmpl.Render(p)
		if err != nil {
			return err
		}
		b.files[from] = out
		kept = append(kept, r)
	}
	var charts []string
	for _, id := range b.open.order {
		if c := b.open.charts[id]; c.shown && !c.inline {
			charts = append(charts, id)
		}
	}
	rules := ServerRules(b.site, kept, charts)
	if b.en != nil { // the English twins a [publish] scope left out: their Vietnamese pages
		for _, p := range b.en.viOnly {
			rules = append(rules, redirect.Rule{From: EnglishDir + p, To: p})
		}
	}
	for _, f := range redirect.Files(b.site.Config.BasePath, rules, b.site.Config.ServerRules) {
		b.files[f.Name] = f.Data
	}
	return nil
}

// ServerRules are the old addresses a server should send on (README, "Old download
// addresses"): the pages of data/redirects.toml, then the downloads of earlier versions —
// the per-period, per-indicator and per-unit copies (now all in du-lieu/ket-qua.csv) and
// the charts' JSON (now their CSV). charts are today's chart IDs, which _redirects lists
// one by one; the preview passes none.
func ServerRules(site *model.Site, reds []model.Redirect, charts []string) []redirect.Rule {
	var rules []redirect.Rule
	for _, r := range reds {
		rules = append(rules, redirect.Rule{From: r.From, To: r.To})
	}
	data := []string{".csv", ".json"}
	var periods, indicators, units []string
	for _, r := range site.Reports {
		periods = append(periods, r.Period.Key())
	}
	for _, ind := range site.Indicators {
		indicators = append(indicators, ind.Key)
	}
	for _, u := range site.Units {
		units = append(units, u.Code)
	}
	return append(rules,
		redirect.Rule{From: DataDir + "ky/", To: DataDir, Suffixes: data, Names: slices.Compact(periods)},
		redirect.Rule{From: DataDir + "chi-tieu/", To: DataDir, Suffixes: data, Names: indicators},
		redirect.Rule{From: DataDir + "don-vi/", To: DataDir, Suffixes: data, Names: units},
		redirect.Rule{From: ChartDataDir, To: ChartDataDir, Suffixes: []string{".echarts.json", ".json"}, Rename: ".csv", Names: charts})
}
