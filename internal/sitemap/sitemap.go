// Package sitemap writes sitemap.xml (https://www.sitemaps.org/protocol.html) and the
// robots.txt that points crawlers at it. A site over the protocol's limits for one file
// gets a sitemap index at sitemap.xml naming sitemap-1.xml, sitemap-2.xml, … (Files).
package sitemap

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
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

// The protocol's limits for one file (sitemap or index): URLs and uncompressed bytes.
// Variables so that a test can lower them to see a site split.
var (
	MaxURLs  = 50000
	MaxBytes = 50 * 1024 * 1024
)

// IndexName is the file crawlers are told about (robots.txt): the sitemap itself while
// the site fits in one file, else the index of the parts.
const IndexName = "sitemap.xml"

// PartName is the n-th part's file name (n from 1), beside the index: the protocol lets a
// sitemap list only URLs at or below its own directory, and the parts list the whole site.
func PartName(n int) string { return "sitemap-" + strconv.Itoa(n) + ".xml" }

// File is one file to publish at the site root.
type File struct {
	Name string
	Data []byte
}

// Files is the sitemap of urls (in the caller's order): sitemap.xml alone, byte for byte
// XML(urls), while it fits the limits; else an index at sitemap.xml and the parts, each
// URL in exactly one part, in order. abs gives a part's absolute URL from its name.
func Files(urls []URL, abs func(name string) string) ([]File, error) {
	if len(urls) <= MaxURLs {
		out, err := XML(urls)
		if err != nil {
			return nil, err
		}
		if len(out) <= MaxBytes {
			return []File{{IndexName, out}}, nil
		}
	}
	chunks, err := split(urls)
	if err != nil {
		return nil, err
	}
	if len(chunks) > MaxURLs {
		return nil, fmt.Errorf("sitemap: %d parts, more than one index can name", len(chunks))
	}
	files := []File{{Name: IndexName}}
	idx := sitemapindex{}
	for i, c := range chunks {
		files = append(files, File{PartName(i + 1), c.data})
		e := entry{Loc: abs(PartName(i + 1))}
		// A part changed when its newest page did.
		var last time.Time
		for _, u := range c.urls {
			if u.LastMod.After(last) {
				last = u.LastMod
			}
		}
		if !last.IsZero() {
			e.LastMod = last.UTC().Format("2006-01-02")
		}
		idx.Sitemaps = append(idx.Sitemaps, e)
	}
	out, err := encode(idx)
	if err != nil {
		return nil, err
	}
	if len(out) > MaxBytes {
		return nil, fmt.Errorf("sitemap: the index is %d bytes, over %d", len(out), MaxBytes)
	}
	files[0].Data = out
	return files, nil
}

// part is a run of URLs and its sitemap.
type part struct {
	urls []URL
	data []byte
}

// split cuts urls into runs of MaxURLs, and a run whose XML is over MaxBytes (pages with
// very long addresses) by size (bySize).
func split(urls []URL) ([]part, error) {
	var parts []part
	for start := 0; start < len(urls); start += MaxURLs {
		run := urls[start:min(start+MaxURLs, len(urls))]
		data, err := XML(run)
		if err != nil {
			return nil, err
		}
		if len(data) <= MaxBytes {
			parts = append(parts, part{run, data})
			continue
		}
		runs, err := bySize(run)
		if err != nil {
			return nil, err
		}
		for _, r := range runs {
			data, err := XML(r)
			if err != nil {
				return nil, err
			}
			if len(data) > MaxBytes { // bySize's arithmetic is exact; this guards it
				return nil, fmt.Errorf("sitemap: a part of %d bytes, over %d", len(data), MaxBytes)
			}
			parts = append(parts, part{r, data})
		}
	}
	return parts, nil
}

// bySize cuts urls into runs whose XML is at most MaxBytes. A document is a fixed frame
// plus one entry per URL; an entry's size is what a second copy of it adds, and the frame
// is taken with the xhtml namespace declared (the larger one).
func bySize(urls []URL) ([][]URL, error) {
	probe := URL{Loc: "x", Alternates: []Alternate{{"x", "x"}}}
	frame, err := frameOf(probe)
	if err != nil {
		return nil, err
	}
	var chunks [][]URL
	start, size := 0, frame
	for i, u := range urls {
		one, err := XML([]URL{u})
		if err != nil {
			return nil, err
		}
		two, err := XML([]URL{u, u})
		if err != nil {
			return nil, err
		}
		n := len(two) - len(one)
		if frame+n > MaxBytes {
			return nil, fmt.Errorf("sitemap: the entry of %s alone is over %d bytes", u.Loc, MaxBytes)
		}
		if size+n > MaxBytes {
			chunks = append(chunks, urls[start:i])
			start, size = i, frame
		}
		size += n
	}
	return append(chunks, urls[start:]), nil
}

// frameOf is the bytes of a sitemap of u that are not u's entry.
func frameOf(u URL) (int, error) {
	one, err := XML([]URL{u})
	if err != nil {
		return 0, err
	}
	two, err := XML([]URL{u, u})
	if err != nil {
		return 0, err
	}
	return 2*len(one) - len(two), nil
}

type sitemapindex struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []entry  `xml:"sitemap"`
}

type entry struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

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
	return encode(doc)
}

// encode writes doc as an indented XML document ending in a newline.
func encode(doc any) ([]byte, error) {
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
