package pipeline

// The embed page kind: nhung/{chart-id}/, one chart alone for an iframe on another site.

import "chiso/internal/render"

// EmbedBody is an embed page's data.
type EmbedBody struct {
	Figure       Figure
	Source       string // path of the page the chart comes from
	SourceTitle  string
	Illustrative bool
}

// embeds writes nhung/{id}/: the chart alone, for an iframe on another site; for an inline
// chart (a ranking's), a redirect to it on its page; for another entity's unit, nothing.
func (b *builder) embeds() error {
	for _, id := range b.open.order {
		c := b.open.charts[id]
		if !c.shown || c.noEmbed {
			continue
		}
		if c.inline && c.fresh {
			continue
		}
		if c.inline {
			// Earlier builds published an embed page here: its address now sends readers
			// to the chart on its page (a redirect page is ~0,6 KB, an embed page up to 25 KB).
			p := &render.Page{Site: b.site, Kind: "redirect", Layout: "redirect", Path: EmbedDir + id + "/", Title: "Trang đã chuyển",
				Body: &RedirectBody{To: c.page + "#" + id}}
			out, err := b.tmpl.Render(p)
			if err != nil {
				return err
			}
			if err := b.put(EmbedDir+id+"/index.html", out); err != nil {
				return err
			}
			continue
		}
		p := &render.Page{Site: b.site, ECharts: b.echarts, Kind: "embed", Layout: "embed", Path: EmbedDir + id + "/", Title: c.chart.Title,
			Description: c.chart.Description, Illustrative: c.illustrative, IllustrativeText: illustrativeText, HasCharts: true,
			Body: &EmbedBody{Figure: c.fig, Source: c.page, SourceTitle: c.pageTitle, Illustrative: c.illustrative}}
		out, err := b.tmpl.Render(p)
		if err != nil {
			return err
		}
		if err := b.put(EmbedDir+id+"/index.html", out); err != nil { // written at once: no later step reads it
			return err
		}
	}
	return nil
}
