package sitemap

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestXML(t *testing.T) {
	out, err := XML([]URL{{Loc: "https://example.vn/chi-so/?a=1&b=<2>"}, {Loc: "https://example.vn/chi-so/bai-viet/2024-04/", LastMod: time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)}})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(doc.URLs) != 2 || doc.URLs[0].Loc != "https://example.vn/chi-so/?a=1&b=<2>" || doc.URLs[1].LastMod != "2024-05-20" || doc.URLs[0].LastMod != "" {
		t.Errorf("%+v", doc)
	}
}

func TestRobots(t *testing.T) {
	r := string(Robots("https://example.vn/chi-so/sitemap.xml"))
	if !strings.Contains(r, "\nSitemap: https://example.vn/chi-so/sitemap.xml\n") || !strings.HasPrefix(r, "User-agent: *\n") {
		t.Errorf("%q", r)
	}
}

// TestAlternates: a page with twins lists each language's address as <xhtml:link>, in the
// xhtml namespace declared once on <urlset>; a sitemap without twins declares nothing.
func TestAlternates(t *testing.T) {
	vi, en := "https://example.vn/chi-so/don-vi/", "https://example.vn/chi-so/en/don-vi/"
	alt := []Alternate{{"vi", vi}, {"en", en}, {"x-default", vi}}
	out, err := XML([]URL{{Loc: vi, Alternates: alt}, {Loc: en, Alternates: alt}, {Loc: "https://example.vn/chi-so/404/"}})
	if err != nil {
		t.Fatal(err)
	}
	want := `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
 <url>
  <loc>https://example.vn/chi-so/don-vi/</loc>
  <xhtml:link rel="alternate" hreflang="vi" href="https://example.vn/chi-so/don-vi/"></xhtml:link>
  <xhtml:link rel="alternate" hreflang="en" href="https://example.vn/chi-so/en/don-vi/"></xhtml:link>
  <xhtml:link rel="alternate" hreflang="x-default" href="https://example.vn/chi-so/don-vi/"></xhtml:link>
 </url>
 <url>
  <loc>https://example.vn/chi-so/en/don-vi/</loc>
  <xhtml:link rel="alternate" hreflang="vi" href="https://example.vn/chi-so/don-vi/"></xhtml:link>
  <xhtml:link rel="alternate" hreflang="en" href="https://example.vn/chi-so/en/don-vi/"></xhtml:link>
  <xhtml:link rel="alternate" hreflang="x-default" href="https://example.vn/chi-so/don-vi/"></xhtml:link>
 </url>
 <url>
  <loc>https://example.vn/chi-so/404/</loc>
 </url>
</urlset>
`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	// A namespace-aware reader finds the links in the xhtml namespace.
	var doc struct {
		URLs []struct {
			Links []struct {
				HrefLang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.URLs) != 3 || len(doc.URLs[1].Links) != 3 || doc.URLs[1].Links[1].Href != en || len(doc.URLs[2].Links) != 0 {
		t.Errorf("namespace-aware read: %+v", doc)
	}
	plain, _ := XML([]URL{{Loc: vi}})
	if strings.Contains(string(plain), "xhtml") {
		t.Errorf("a sitemap without twins declares xhtml:\n%s", plain)
	}
}

// TestSplit: over MaxURLs or MaxBytes, sitemap.xml becomes an index of parts beside it,
// each within both limits, and every URL is in exactly one part, in order; at the limits
// the single file is XML's, byte for byte.
func TestSplit(t *testing.T) {
	defer func(u, b int) { MaxURLs, MaxBytes = u, b }(MaxURLs, MaxBytes)
	abs := func(name string) string { return "https://example.vn/chi-so/" + name }
	var urls []URL
	for i := range 23 {
		u := URL{Loc: fmt.Sprintf("https://example.vn/chi-so/trang-%d/?a=1&b=<%d>", i, i)}
		if i%3 == 0 {
			u.LastMod = time.Date(2024, time.Month(1+i%12), 1, 0, 0, 0, 0, time.UTC)
		}
		if i%5 == 0 {
			u.Alternates = []Alternate{{"vi", u.Loc}, {"en", u.Loc + "en/"}, {"x-default", u.Loc}}
		}
		urls = append(urls, u)
	}
	single, _ := XML(urls)

	MaxURLs, MaxBytes = 23, len(single)
	files, err := Files(urls, abs)
	if err != nil || len(files) != 1 || files[0].Name != "sitemap.xml" || !bytes.Equal(files[0].Data, single) {
		t.Fatalf("at the limits: %v %d files", err, len(files))
	}

	for _, lim := range []struct{ urls, bytes int }{{10, 1 << 20}, {23, len(single) - 1}, {1000, 2000}, {5, 1 << 20}} {
		MaxURLs, MaxBytes = lim.urls, lim.bytes
		files, err := Files(urls, abs)
		if err != nil {
			t.Fatalf("%+v: %v", lim, err)
		}
		if len(files) < 3 || files[0].Name != "sitemap.xml" {
			t.Fatalf("%+v: %d files, first %q", lim, len(files), files[0].Name)
		}
		var idx struct {
			XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
			Sitemaps []struct {
				Loc     string `xml:"loc"`
				LastMod string `xml:"lastmod"`
			} `xml:"sitemap"`
		}
		if err := xml.Unmarshal(files[0].Data, &idx); err != nil {
			t.Fatalf("%+v: index: %v\n%s", lim, err, files[0].Data)
		}
		if len(idx.Sitemaps) != len(files)-1 {
			t.Fatalf("%+v: index names %d parts, %d written", lim, len(idx.Sitemaps), len(files)-1)
		}
		var got []string
		for i, f := range files[1:] {
			if f.Name != fmt.Sprintf("sitemap-%d.xml", i+1) || idx.Sitemaps[i].Loc != abs(f.Name) {
				t.Errorf("%+v: part %d is %s, indexed as %s", lim, i+1, f.Name, idx.Sitemaps[i].Loc)
			}
			if len(f.Data) > MaxBytes {
				t.Errorf("%+v: %s is %d bytes", lim, f.Name, len(f.Data))
			}
			var doc struct {
				XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
				URLs    []struct {
					Loc     string `xml:"loc"`
					LastMod string `xml:"lastmod"`
				} `xml:"url"`
			}
			if err := xml.Unmarshal(f.Data, &doc); err != nil {
				t.Fatalf("%+v: %s: %v", lim, f.Name, err)
			}
			if len(doc.URLs) > MaxURLs || len(doc.URLs) == 0 {
				t.Errorf("%+v: %s has %d URLs", lim, f.Name, len(doc.URLs))
			}
			newest := ""
			for _, u := range doc.URLs {
				got = append(got, u.Loc)
				newest = max(newest, u.LastMod)
			}
			if idx.Sitemaps[i].LastMod != newest {
				t.Errorf("%+v: %s indexed with lastmod %q, newest page %q", lim, f.Name, idx.Sitemaps[i].LastMod, newest)
			}
		}
		if len(got) != len(urls) {
			t.Fatalf("%+v: %d URLs in the parts, want %d", lim, len(got), len(urls))
		}
		for i, u := range urls {
			if got[i] != u.Loc {
				t.Errorf("%+v: URL %d is %s, want %s", lim, i, got[i], u.Loc)
			}
		}
	}

	MaxURLs, MaxBytes = 10, 300
	if _, err := Files(urls, abs); err == nil {
		t.Error("an entry larger than MaxBytes alone: no error")
	}
}
