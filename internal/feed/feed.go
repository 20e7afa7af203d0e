// Package feed writes RSS 2.0 and Atom 1.0 feeds as typed structs marshalled with
// encoding/xml, so every title and summary is escaped by the encoder, never by hand.
//
// A Feed is built once and written in both formats. Dates are given by the caller (from
// the data), so two builds of the same input give the same bytes.
package feed

import (
	"bytes"
	"encoding/xml"
	"time"
)

// Feed is what both formats say.
type Feed struct {
	Title       string
	Description string
	Link        string // absolute URL of the page the feed follows
	Self        string // absolute URL of this feed file
	Language    string // "vi"
	Author      string
	Updated     time.Time
	Items       []Item // newest first
}

// Item is one article.
type Item struct {
	Title     string
	Link      string // absolute URL
	ID        string // permanent id; Link when empty
	Summary   string // plain text
	Content   string // HTML of the article body, absolute links (Atom only)
	Published time.Time
	Updated   time.Time // Published when zero
	Author    string
	Category  []string
}

// RSS 2.0 (https://www.rssboard.org/rss-specification) with atom:link rel="self" as the
// RSS Advisory Board recommends.
type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Self          atomLink  `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	Description string   `xml:"description,omitempty"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate,omitempty"`
	Category    []string `xml:"category,omitempty"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// RSS writes the feed as RSS 2.0.
func (f *Feed) RSS() ([]byte, error) {
	doc := rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: rssChannel{
		Title: f.Title, Link: f.Link, Description: f.Description, Language: f.Language,
		Self: atomLink{Href: f.Self, Rel: "self", Type: "application/rss+xml"},
	}}
	if !f.Updated.IsZero() {
		doc.Channel.LastBuildDate = f.Updated.UTC().Format(time.RFC1123Z)
	}
	for _, it := range f.Items {
		id := it.ID
		if id == "" {
			id = it.Link
		}
		ri := rssItem{Title: it.Title, Link: it.Link, Description: it.Summary,
			GUID: rssGUID{IsPermaLink: id == it.Link, Value: id}, Category: it.Category}
		if !it.Published.IsZero() {
			ri.PubDate = it.Published.UTC().Format(time.RFC1123Z)
		}
		doc.Channel.Items = append(doc.Channel.Items, ri)
	}
	return marshal(doc)
}

// Atom 1.0 (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Sub     string      `xml:"subtitle,omitempty"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  *atomPerson `xml:"author,omitempty"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	ID        string         `xml:"id"`
	Title     string         `xml:"title"`
	Updated   string         `xml:"updated"`
	Published string         `xml:"published,omitempty"`
	Links     []atomLink     `xml:"link"`
	Author    *atomPerson    `xml:"author,omitempty"`
	Summary   *atomText      `xml:"summary,omitempty"`
	Content   *atomText      `xml:"content,omitempty"`
	Category  []atomCategory `xml:"category,omitempty"`
}

// Atom writes the feed as Atom 1.0.
func (f *Feed) Atom() ([]byte, error) {
	doc := atomFeed{Lang: f.Language, ID: f.Link, Title: f.Title, Sub: f.Description, Updated: stamp(f.Updated),
		Links: []atomLink{{Href: f.Link, Rel: "alternate", Type: "text/html"}, {Href: f.Self, Rel: "self", Type: "application/atom+xml"}}}
	if f.Author != "" {
		doc.Author = &atomPerson{Name: f.Author}
	}
	for _, it := range f.Items {
		id := it.ID
		if id == "" {
			id = it.Link
		}
		up := it.Updated
		if up.IsZero() {
			up = it.Published
		}
		e := atomEntry{ID: id, Title: it.Title, Updated: stamp(up), Links: []atomLink{{Href: it.Link, Rel: "alternate", Type: "text/html"}}}
		if !it.Published.IsZero() {
			e.Published = stamp(it.Published)
		}
		if it.Author != "" {
			e.Author = &atomPerson{Name: it.Author}
		}
		if it.Summary != "" {
			e.Summary = &atomText{Type: "text", Body: it.Summary}
		}
		if it.Content != "" {
			e.Content = &atomText{Type: "html", Body: it.Content}
		}
		for _, c := range it.Category {
			e.Category = append(e.Category, atomCategory{Term: c})
		}
		doc.Entries = append(doc.Entries, e)
	}
	return marshal(doc)
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
