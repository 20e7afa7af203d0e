package pipeline_test

import (
	"strings"
	"testing"
)

// TestEnglishCorrections: the English edition lists the same corrections as the
// Vietnamese log, named from the data's English names and printed the English way, on
// en/dinh-chinh/, in its feeds and on the English article; the two logs are each
// other's twins, and the English footer links the English log.
func TestEnglishCorrections(t *testing.T) {
	r := newGitRepo(t)
	// English names in the data: the entries name figures by them.
	r.edit("data/indicators.toml", "name = \"Thanh toán trực tuyến\"\n", "name = \"Thanh toán trực tuyến\"\nname_en = \"Online payment\"\n")
	r.edit("data/indicators.toml", "name = \"Hồ sơ dịch vụ công trực tuyến\"\n", "name = \"Hồ sơ dịch vụ công trực tuyến\"\nname_en = \"Online dossiers\"\n")
	r.edit("data/indicators.toml", "name = \"Dịch vụ công trực tuyến có phát sinh hồ sơ\"\n", "name = \"Dịch vụ công trực tuyến có phát sinh hồ sơ\"\nname_en = \"Online services with dossiers\"\n")
	r.edit("data/levels.toml", "name = \"Cấp tỉnh\"\n", "name = \"Cấp tỉnh\"\nname_en = \"Provincial level\"\n")
	r.edit("data/levels.toml", "name = \"Cấp huyện\"\n", "name = \"Cấp huyện\"\nname_en = \"District level\"\n")
	r.edit("data/levels.toml", "name = \"Cấp xã\"\n", "name = \"Cấp xã\"\nname_en = \"Commune level\"\n")
	r.commit("2024-05-21T09:00:00+07:00", "Tháng 4/2024")
	fix := r.fixAprilAndMay()
	r.edit("data/periods/2024-04.toml", "levels = { tinh = 99, huyen = 97.6, xa = 98.8 }\n", "")
	withdrawn := r.commit("2024-06-10T09:00:00+07:00", "Bỏ tỷ lệ từng cấp của một chỉ tiêu")
	b := r.build()
	hashes := strings.NewReplacer("FIX", fix, "WITHDRAWN", withdrawn)

	got := section(t, mainRe, string(b["en/dinh-chinh/index.html"]))
	want := hashes.Replace(`<nav class="breadcrumb" aria-label="Breadcrumb"><a href="/chi-so/en/">Home</a></nav>
<h1>Corrections</h1>
<p>Figures corrected after publication, newest first: which figure, of which period,
  from what to what and on which day, from the history of the data files. A period’s first
  publication, figures added later and illustrative figures are not corrections.</p>
<p>Follow in a feed reader: <a href="/chi-so/en/dinh-chinh/atom.xml" type="application/atom+xml">Atom</a> · <a href="/chi-so/en/dinh-chinh/rss.xml" type="application/rss+xml">RSS</a></p>
<section class="correction" id="sua-WITHDRAWN" aria-labelledby="sua-WITHDRAWN-h">
<h2 id="sua-WITHDRAWN-h">10 June 2024 (revision WITHDRAWN)</h2>
<h3><a href="/chi-so/en/bai-viet/2024-04/">April 2024</a></h3>
<ul>
<li>Indicator “Online services with dossiers”, provincial level: rate withdrawn (was 99%).</li>
<li>Indicator “Online services with dossiers”, district level: rate withdrawn (was 97.6%).</li>
<li>Indicator “Online services with dossiers”, commune level: rate withdrawn (was 98.8%).</li>
</ul>
</section>
<section class="correction" id="sua-FIX" aria-labelledby="sua-FIX-h">
<h2 id="sua-FIX-h">3 June 2024 (revision FIX)</h2>
<h3><a href="/chi-so/en/bai-viet/2024-04/">April 2024</a></h3>
<ul>
<li>Indicator “Online payment”: rate corrected from 76% to 77%.</li>
<li>Indicator “Online payment”, provincial level: rate corrected from 63.4% to 63.5%.</li>
<li>Index: score corrected from 88.62 to 88.64.</li>
</ul>
<h3><a href="/chi-so/en/bai-viet/2024-05/">May 2024</a></h3>
<ul>
<li>Indicator “Online dossiers”: numerator corrected from 24,002 to 24,007.</li>
<li>Indicator “Online dossiers”, provincial level: rate corrected from 95.6% to 95.8%.</li>
<li>Indicator “Online dossiers”, provincial level: numerator corrected from 3,845 to 3,850.</li>
</ul>
</section>
<p class="updated">Last updated: <time datetime="2024-06-10">10 June 2024</time></p>`)
	if got != want {
		t.Errorf("en/dinh-chinh/ says\n%s\n\nwant\n%s", got, want)
	}

	gotBox := section(t, boxRe, string(b["en/bai-viet/2024-04/index.html"]))
	wantBox := hashes.Replace(`<aside class="corrections" aria-labelledby="dinh-chinh">
<h2 id="dinh-chinh">Corrections</h2>
<ul>
<li>10 June 2024 (revision WITHDRAWN): Indicator “Online services with dossiers”, provincial level: rate withdrawn (was 99%).</li>
<li>10 June 2024 (revision WITHDRAWN): Indicator “Online services with dossiers”, district level: rate withdrawn (was 97.6%).</li>
<li>10 June 2024 (revision WITHDRAWN): Indicator “Online services with dossiers”, commune level: rate withdrawn (was 98.8%).</li>
<li>3 June 2024 (revision FIX): Indicator “Online payment”: rate corrected from 76% to 77%.</li>
<li>3 June 2024 (revision FIX): Indicator “Online payment”, provincial level: rate corrected from 63.4% to 63.5%.</li>
<li>3 June 2024 (revision FIX): Index: score corrected from 88.62 to 88.64.</li>
</ul>
<p><a href="/chi-so/en/dinh-chinh/">See all corrections</a></p>
</aside>`)
	if gotBox != wantBox {
		t.Errorf("the English article's box says\n%s\n\nwant\n%s", gotBox, wantBox)
	}

	atom := string(b["en/dinh-chinh/atom.xml"])
	for _, s := range []string{
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">`,
		"<title>Corrections – ",
		"<updated>2024-06-10T02:00:00Z</updated>",
		"<title>Corrections of 3 June 2024: April 2024, May 2024</title>",
		"<id>https://binhdinh.gov.vn/chi-so/en/dinh-chinh/#sua-" + fix + "</id>",
		"April 2024 – Index: score corrected from 88.62 to 88.64.",
		"May 2024 – Indicator “Online dossiers”, provincial level: numerator corrected from 3,845 to 3,850.",
		`<link href="https://binhdinh.gov.vn/chi-so/en/dinh-chinh/atom.xml" rel="self"`,
	} {
		if !strings.Contains(atom, s) {
			t.Errorf("en/dinh-chinh/atom.xml lacks %q:\n%s", s, atom)
		}
	}
	if n := strings.Count(atom, "<entry>"); n != 2 {
		t.Errorf("en/dinh-chinh/atom.xml has %d entries, want 2 (one per correcting commit)", n)
	}
	rss := string(b["en/dinh-chinh/rss.xml"])
	for _, s := range []string{"<language>en</language>", "<title>Corrections of 10 June 2024: April 2024</title>",
		"<link>https://binhdinh.gov.vn/chi-so/en/dinh-chinh/#sua-" + withdrawn + "</link>"} {
		if !strings.Contains(rss, s) {
			t.Errorf("en/dinh-chinh/rss.xml lacks %q:\n%s", s, rss)
		}
	}

	// Twins: hreflang both ways and each language switch to the other log.
	for _, p := range []string{"dinh-chinh/index.html", "en/dinh-chinh/index.html"} {
		lang, alt, sw := alternates(t, b[p])
		other := "en/dinh-chinh/"
		if lang == "en" {
			other = "dinh-chinh/"
		}
		if alt["vi"] != "dinh-chinh/" || alt["en"] != "en/dinh-chinh/" || alt["x-default"] != "dinh-chinh/" || sw != other {
			t.Errorf("%s (%s): hreflang %v, switch %q", p, lang, alt, sw)
		}
	}
	// The English footer and head link the English log and its feeds; the Vietnamese
	// pages keep theirs.
	for p, s := range map[string]string{
		"en/bai-viet/2024-04/index.html": `<a href="/chi-so/en/dinh-chinh/">Corrections</a></p>`,
		"en/dinh-chinh/index.html":       `<link rel="alternate" type="application/atom&#43;xml" title="Corrections (Atom)" href="/chi-so/en/dinh-chinh/atom.xml">`,
		"bai-viet/2024-04/index.html":    `<a href="/chi-so/dinh-chinh/">Đính chính số liệu</a></p>`,
		"dinh-chinh/index.html":          `<link rel="alternate" type="application/atom&#43;xml" title="Đính chính số liệu (Atom)" href="/chi-so/dinh-chinh/atom.xml">`,
	} {
		if !strings.Contains(string(b[p]), s) {
			t.Errorf("%s lacks %s", p, s)
		}
	}
	if !strings.Contains(string(b["sitemap.xml"]), "<loc>https://binhdinh.gov.vn/chi-so/en/dinh-chinh/</loc>") {
		t.Errorf("the sitemap lacks en/dinh-chinh/")
	}

	// Same commits, same bytes.
	again := r.build()
	for _, f := range []string{"en/dinh-chinh/index.html", "en/dinh-chinh/atom.xml", "en/dinh-chinh/rss.xml", "en/bai-viet/2024-04/index.html"} {
		if string(again[f]) != string(b[f]) {
			t.Errorf("%s differs between two builds of the same commits", f)
		}
	}
}
