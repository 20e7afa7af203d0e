package sitemap

import (
	"encoding/xml"
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
