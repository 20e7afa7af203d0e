package render

import "html/template"

// Share is what a page's <head> tells feed readers, link previews (OpenGraph, Twitter
// cards: Facebook, Zalo, X) and search engines (schema.org JSON-LD). The partial
// "head-share" in templates/opendata.html writes it.
type Share struct {
	Type      string // OpenGraph type: "website" or "article"
	Image     string // absolute URL of the share image (a PNG: previews do not take SVG)
	ImageAlt  string
	Width     int
	Height    int
	Published string // an article's date, YYYY-MM-DD
	Feeds     []FeedLink
	// LD is schema.org JSON-LD for <script type="application/ld+json">. It must come
	// from encoding/json with HTML escaping on (json.Marshal), which writes < > & as
	// \u003c \u003e \u0026: the text then cannot close the element, whatever a title says.
	LD template.JS
}

// FeedLink is a <link rel="alternate"> to a feed.
type FeedLink struct {
	Title string
	Type  string // "application/rss+xml", "application/atom+xml"
	Href  string // absolute path (with base path) or URL
}
