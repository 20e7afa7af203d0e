// Package sitemap writes sitemap.xml (https://www.sitemaps.org/protocol.html) and the
// robots.txt that points crawlers at it.
package sitemap

import (
	"bytes"
	"encoding/xml"
	"time"
)

// URL is one page: its absolute address and the date its content last changed.
type URL struct {
	Loc     string
	LastMod time.Time // omitted when zero
	// Alternates are the page in every language, itself included, with x-default
	// (https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap).
	Alternates []Alternate
}

// Alternate is one language's version of a page: hreflang "vi", "en" or "x-default".
type Alternate struct {
	Lang, Href string
}

// xhtmlNS is the namespace of <xhtml:link>; encoding/xml would declare a namespace on
// every element, so the prefix is written by name.
const xhtmlNS = "http://www.w3.org/1999/xhtml"

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	XHTML   string   `xml:"xmlns:xhtml,attr,omitempty"`
	URLs    []url    `xml:"url"`
}

type url struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
	Links   []link `xml:"xhtml:link"`
}

type link struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// MaxURLs is the protocol's limit for one file.
const MaxURLs = 50000

// XML writes the sitemap; the caller orders the URLs.
func XML(urls []URL) ([]byte, error) {
	doc := urlset{}
	for _, u := range urls {
		e := url{Loc: u.Loc}
		if !u.LastMod.IsZero() {
			e.LastMod = u.LastMod.UTC().Format("2006-01-02")
		}
		for _, a := range u.Alternates {
			e.Links = append(e.Links, link{Rel: "alternate", HrefLang: a.Lang, Href: a.Href})
			doc.XHTML = xhtmlNS
		}
		doc.URLs = append(doc.URLs, e)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// Robots is robots.txt allowing everything and naming the sitemap's absolute URL.
// Crawlers read robots.txt only at the host's root: a site published under a sub-path
// should have the portal add the Sitemap line to its own robots.txt (this copy then
// documents it).
func Robots(sitemapURL string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + sitemapURL + "\n")
}
