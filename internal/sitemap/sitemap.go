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
}

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []url    `xml:"url"`
}

type url struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
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
