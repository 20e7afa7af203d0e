package chart

import (
	"bytes"
	"html/template"
)

// Script returns the envelope for the page's <script type="application/json">. html/template
// treats that element's content as JavaScript, where template.JS is written as is; that is
// safe here because encoding/json escaped < > & U+2028 U+2029, so the text cannot close the
// element or start a comment. Use it only there:
//
//	<script type="application/json" id="{{.ID}}-option">{{.Script}}</script>
func (r Rendered) Script() template.JS { return template.JS(r.JSON) }

// OptionID is the id of the <script> element holding the envelope.
func (r Rendered) OptionID() string { return r.ID + "-option" }

// FigureTemplate defines the html/template "chart-figure", executed with a Rendered: the
// markup charts.js expects (see the comment at the top of templates/static/charts.js).
// Pages may parse it into their own template set, or call Rendered.HTML.
const FigureTemplate = `{{define "chart-figure"}}<figure class="chart" id="{{.ID}}">
<figcaption id="{{.ID}}-title">{{.Title}}</figcaption>
<p class="chart-desc" id="{{.ID}}-desc">{{.Description}}</p>
<div class="chart-canvas" data-option="{{.OptionID}}" role="img" aria-labelledby="{{.ID}}-title" aria-describedby="{{.ID}}-desc"></div>
<script type="application/json" id="{{.OptionID}}">{{.Script}}</script>
<table class="chart-table">
<caption>{{.Table.Caption}}</caption>
<thead><tr><th scope="col">{{.Table.Corner}}</th>{{range .Table.Columns}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Table.Rows}}
<tr><th scope="row">{{.Label}}</th>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
</figure>{{end}}`

var figure = template.Must(template.New("chart").Parse(FigureTemplate))

// HTML returns the figure markup (FigureTemplate executed with r), for a page template to
// insert as {{.Chart.HTML}}.
func (r Rendered) HTML() (template.HTML, error) {
	var b bytes.Buffer
	if err := figure.ExecuteTemplate(&b, "chart-figure", r); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}
