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
