// Package chart turns a chart description (categories, series, targets, an injected
// Vietnamese number formatter) into the JSON a page embeds for the site's own draw
// script, templates/static/charts.js, plus a table of the same figures for readers
// without JavaScript.
//
// Options are built with go-echarts' typed API (charts.NewBar, charts.NewLine, opts.*)
// and marshalled with encoding/json, which escapes < > & U+2028 U+2029. We do not use
// go-echarts' HTML renderer: it writes options into <script> without escaping "<" (a
// title of "</script><script>…" runs), turns any string holding "__f__…__f__" into live
// JavaScript, loads assets from a third-party host and makes random chart IDs. Our JSON
// goes into <script type="application/json">, needs no inline script (so the site can
// send Content-Security-Policy: default-src 'self'), carries no "__f__" marker, uses
// the IDs the caller gives and is byte-identical from build to build.
//
// Numbers are never formatted here: Chart.Format (for example vietnamese.Rate) makes
// every label, and the draw script shows those strings, so chart and table agree.
package chart
