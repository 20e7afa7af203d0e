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
// A province has a thousand: they are made on all cores.
func (b *builder) embeds() error {
	var ids []string
	for _, id := range b.open.order {
		c := b.open.charts[id]
		if !c.shown || c.noEmbed {
			continue
		}
		if c.inline && c.fresh {
			continue
		}
		ids = append(ids, id)
	}
	return b.putAll(len(ids), func(i int) (string, []byte, error) {
		id := ids[i]
		c := b.open.charts[id]
		file := EmbedDir + id + "/index.html"
		if c.inline {
			// Earlier builds published an embed page here: its address now sends readers
			// to the chart on its page (a redirect page is ~0,6 KB, an embed page up to 25 KB).
			p := &render.Page{Site: b.site, Kind: "redirect", Layout: "redirect", Path: EmbedDir + id + "/", Title: "Trang đã chuyển",
				Body: &RedirectBody{To: c.page + "#" + id}}
			out, err := b.tmpl.Render(p)
			return file, out, err
		}
		fig, err := c.figure()
		if err != nil {
			return file, nil, err
		}
		p := &render.Page{Site: b.site, ECharts: b.echarts, Kind: "embed", Layout: "embed", Path: EmbedDir + id + "/", Title: c.chart.Title,
			Description: c.chart.Description, Illustrative: c.illustrative, IllustrativeText: illustrativeText, HasCharts: true,
			Body: &EmbedBody{Figure: fig, Source: c.page, SourceTitle: c.pageTitle, Illustrative: c.illustrative}}
		out, err := b.tmpl.Render(p)
		return file, out, err
	})
}

// putAll makes n files that no later step reads, makeFile(i) giving the i-th's path and bytes,
// on all cores, and puts each (put). Building to a folder, each is written by the core
// that made it, as soon as it is made, so no more than one a core is held; in memory,
// they are kept in order of i. The error returned is that of the lowest i, as a loop
// stopping at the first error would give.
func (b *builder) putAll(n int, makeFile func(i int) (string, []byte, error)) error {
	errs := make([]error, n)
	var files []string
	var kept [][]byte
	if b.out == nil {
		files, kept = make([]string, n), make([][]byte, n)
	}
	onAllCores(n, func(i int) {
		file, data, err := makeFile(i)
		if err != nil {
			errs[i] = err
		} else if b.out != nil {
			errs[i] = b.out.put(file, data)
		} else {
			files[i], kept[i] = file, data
		}
	})
	for i, err := range errs {
		if err != nil {
			return err
		}
		if kept != nil {
			b.files[files[i]] = kept[i]
		}
	}
	return nil
}
