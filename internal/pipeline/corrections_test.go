package pipeline_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"chiso/internal/load"
	"chiso/internal/pipeline"
	"chiso/internal/publish"
	"chiso/internal/sitetest"
)

// gitRepo is the minimal site in a new git repository, its files committed at date.
type gitRepo struct {
	t   *testing.T
	dir string
}

func newGitRepo(t *testing.T) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &gitRepo{t: t, dir: sitetest.Minimal(t)}
	r.git("", "init", "-q")
	return r
}

func (r *gitRepo) git(date string, args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+r.dir,
		"GIT_AUTHOR_NAME=Biên tập", "GIT_AUTHOR_EMAIL=bt@example.org",
		"GIT_COMMITTER_NAME=Biên tập", "GIT_COMMITTER_EMAIL=bt@example.org",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// edit replaces old by new in a file of the repository; the test fails if old is absent.
func (r *gitRepo) edit(file, old, new string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(file))
	data, err := os.ReadFile(p)
	if err != nil || !strings.Contains(string(data), old) {
		r.t.Fatalf("%s has no %q (%v)", file, old, err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// commit commits every change at date and returns the short hash.
func (r *gitRepo) commit(date, msg string) string {
	r.t.Helper()
	r.git(date, "add", "-A")
	r.git(date, "commit", "-q", "-m", msg)
	return r.git(date, "rev-parse", "HEAD")[:7]
}

func (r *gitRepo) build() publish.Files {
	r.t.Helper()
	src, err := load.Dir(r.dir)
	if err != nil {
		r.t.Fatal(err)
	}
	out, probs, err := pipeline.Site(pipeline.Options{Source: src, Dir: r.dir, ECharts: sitetest.FakeECharts})
	if err != nil {
		r.t.Fatalf("build: %v\n%s", err, probs)
	}
	return out
}

var (
	mainRe  = regexp.MustCompile(`(?s)<main[^>]*>(.*)</main>`)
	boxRe   = regexp.MustCompile(`(?s)<aside class="corrections".*?</aside>`)
	blankRe = regexp.MustCompile(`\n\s*\n+`)
)

func section(t *testing.T, re *regexp.Regexp, html string) string {
	t.Helper()
	m := re.FindStringSubmatch(html)
	if m == nil {
		t.Fatalf("no %s in\n%s", re, html)
	}
	return strings.TrimSpace(blankRe.ReplaceAllString(m[len(m)-1], "\n"))
}

// fixAprilAndMay commits a correction of April's and May's published figures on 3/6/2024
// and returns its short hash: a rate, a level's rate and the index score of April, and a
// level's numerator of May.
func (r *gitRepo) fixAprilAndMay() string {
	r.t.Helper()
	r.edit("data/periods/2024-04.toml", "whole = 76", "whole = 77")
	r.edit("data/periods/2024-04.toml", "tinh = 63.4,", "tinh = 63.5,")
	r.edit("data/periods/2024-04.toml", "score = 88.62", "score = 88.64")
	r.edit("data/periods/2024-05.toml", "numerators = { tinh = 3845,", "numerators = { tinh = 3850,")
	return r.commit("2024-06-03T10:30:00+07:00", "Sửa số liệu tháng 4 và tháng 5")
}

// TestCorrectionsLog: a figure changed after publication is listed, old → new, on the
// log page, in its feed and on its article; publication, an added figure and changes to
// illustrative periods are not corrections.
func TestCorrectionsLog(t *testing.T) {
	r := newGitRepo(t)
	r.commit("2024-05-21T09:00:00+07:00", "Tháng 4/2024")
	// A correction: a rate, a level's rate and the index score of April; and a new file
	// (publication of May is the base's, so change May's counts too).
	fix := r.fixAprilAndMay()
	// An added figure is a publication, and 95 written as 95.0 prints the same: no
	// correction. (May's whole rate, pooled from the counts, prints the same too.)
	r.edit("data/periods/2024-04.toml", "rank_of = 63\n", "rank_of = 63\nnational_average = 80.5\n")
	r.edit("data/periods/2024-04.toml", "whole = 95\n", "whole = 95.0\n")
	r.commit("2024-06-10T08:00:00+07:00", "Thêm điểm trung bình cả nước")
	// A figure taken out is a correction too.
	r.edit("data/periods/2024-04.toml", "levels = { tinh = 99, huyen = 97.6, xa = 98.8 }\n", "")
	withdrawn := r.commit("2024-06-10T09:00:00+07:00", "Bỏ tỷ lệ từng cấp của một chỉ tiêu")
	// An illustrative period's changes are not corrections.
	r.edit("data/periods/2024-05.toml", `period = "2024-05"`, "period = \"2024-05\"\nillustrative = true")
	r.commit("2024-06-11T08:00:00+07:00", "Tháng 5 là số liệu minh họa")
	r.edit("data/periods/2024-05.toml", "xa = 11946 }", "xa = 11950 }")
	r.commit("2024-06-12T08:00:00+07:00", "Sửa số liệu minh họa")

	b := r.build()
	got := section(t, mainRe, string(b["dinh-chinh/index.html"]))
	want := `<nav class="breadcrumb" aria-label="Vị trí"><a href="/chi-so/">Trang chủ</a></nav>
<h1>Đính chính số liệu</h1>
<p>Các số liệu đã công bố rồi được sửa lại, mới nhất trước: số liệu nào, của kỳ nào,
  sửa từ bao nhiêu thành bao nhiêu và ngày sửa, theo lịch sử các tệp số liệu. Lần công bố đầu
  tiên của một kỳ, số liệu thêm mới và số liệu minh họa không phải là đính chính.</p>
<p>Theo dõi bằng trình đọc tin: <a href="/chi-so/dinh-chinh/atom.xml" type="application/atom+xml">Atom</a> · <a href="/chi-so/dinh-chinh/rss.xml" type="application/rss+xml">RSS</a></p>
<section class="correction" id="sua-WITHDRAWN" aria-labelledby="sua-WITHDRAWN-h">
<h2 id="sua-WITHDRAWN-h">Ngày 10/6/2024 (bản sửa WITHDRAWN)</h2>
<h3><a href="/chi-so/bai-viet/2024-04/">Tháng 4/2024</a></h3>
<ul>
<li>Chỉ tiêu “Dịch vụ công trực tuyến có phát sinh hồ sơ”, cấp tỉnh: tỷ lệ đã bỏ (trước là 99%).</li>
<li>Chỉ tiêu “Dịch vụ công trực tuyến có phát sinh hồ sơ”, cấp huyện: tỷ lệ đã bỏ (trước là 97,6%).</li>
<li>Chỉ tiêu “Dịch vụ công trực tuyến có phát sinh hồ sơ”, cấp xã: tỷ lệ đã bỏ (trước là 98,8%).</li>
</ul>
</section>
<section class="correction" id="sua-FIX" aria-labelledby="sua-FIX-h">
<h2 id="sua-FIX-h">Ngày 03/6/2024 (bản sửa FIX)</h2>
<h3><a href="/chi-so/bai-viet/2024-04/">Tháng 4/2024</a></h3>
<ul>
<li>Chỉ tiêu “Thanh toán trực tuyến”: tỷ lệ sửa từ 76% thành 77%.</li>
<li>Chỉ tiêu “Thanh toán trực tuyến”, cấp tỉnh: tỷ lệ sửa từ 63,4% thành 63,5%.</li>
<li>Chỉ số: điểm sửa từ 88,62 thành 88,64.</li>
</ul>
<h3><a href="/chi-so/bai-viet/2024-05/">Tháng 5/2024</a></h3>
<ul>
<li>Chỉ tiêu “Hồ sơ dịch vụ công trực tuyến”: tử số sửa từ 24.002 thành 24.007.</li>
<li>Chỉ tiêu “Hồ sơ dịch vụ công trực tuyến”, cấp tỉnh: tỷ lệ sửa từ 95,6% thành 95,8%.</li>
<li>Chỉ tiêu “Hồ sơ dịch vụ công trực tuyến”, cấp tỉnh: tử số sửa từ 3.845 thành 3.850.</li>
</ul>
</section>
<p class="updated">Cập nhật lần cuối: <time datetime="2024-06-10">10/6/2024</time></p>`
	want = strings.NewReplacer("FIX", fix, "WITHDRAWN", withdrawn).Replace(want)
	if got != want {
		t.Errorf("dinh-chinh/ says\n%s\n\nwant\n%s", got, want)
	}

	gotBox := section(t, boxRe, string(b["bai-viet/2024-04/index.html"]))
	wantBox := `<aside class="corrections" aria-labelledby="dinh-chinh">
<h2 id="dinh-chinh">Đính chính</h2>
<ul>
<li>Ngày 10/6/2024 (bản sửa WITHDRAWN): Chỉ tiêu “Dịch vụ công trực tuyến có phát sinh hồ sơ”, cấp tỉnh: tỷ lệ đã bỏ (trước là 99%).</li>
<li>Ngày 10/6/2024 (bản sửa WITHDRAWN): Chỉ tiêu “Dịch vụ công trực tuyến có phát sinh hồ sơ”, cấp huyện: tỷ lệ đã bỏ (trước là 97,6%).</li>
<li>Ngày 10/6/2024 (bản sửa WITHDRAWN): Chỉ tiêu “Dịch vụ công trực tuyến có phát sinh hồ sơ”, cấp xã: tỷ lệ đã bỏ (trước là 98,8%).</li>
<li>Ngày 03/6/2024 (bản sửa FIX): Chỉ tiêu “Thanh toán trực tuyến”: tỷ lệ sửa từ 76% thành 77%.</li>
<li>Ngày 03/6/2024 (bản sửa FIX): Chỉ tiêu “Thanh toán trực tuyến”, cấp tỉnh: tỷ lệ sửa từ 63,4% thành 63,5%.</li>
<li>Ngày 03/6/2024 (bản sửa FIX): Chỉ số: điểm sửa từ 88,62 thành 88,64.</li>
</ul>
<p><a href="/chi-so/dinh-chinh/">Xem mọi đính chính số liệu</a></p>
</aside>`
	wantBox = strings.NewReplacer("FIX", fix, "WITHDRAWN", withdrawn).Replace(wantBox)
	if gotBox != wantBox {
		t.Errorf("the article's box says\n%s\n\nwant\n%s", gotBox, wantBox)
	}

	// The English log, feeds and boxes: TestEnglishCorrections.

	if up := `Cập nhật lần cuối: <time datetime="2024-06-10">10/6/2024</time>`; !strings.Contains(string(b["bai-viet/2024-04/index.html"]), up) {
		t.Errorf("the corrected article does not say %s", up)
	}

	atom := string(b["dinh-chinh/atom.xml"])
	for _, s := range []string{
		"<updated>2024-06-10T02:00:00Z</updated>",
		"<title>Đính chính số liệu ngày 03/6/2024: tháng 4/2024, tháng 5/2024</title>",
		"<id>https://binhdinh.gov.vn/chi-so/dinh-chinh/#sua-" + fix + "</id>",
		"Tháng 4/2024 – Chỉ số: điểm sửa từ 88,62 thành 88,64.",
	} {
		if !strings.Contains(atom, s) {
			t.Errorf("dinh-chinh/atom.xml lacks %q:\n%s", s, atom)
		}
	}
	if n := strings.Count(atom, "<entry>"); n != 2 {
		t.Errorf("dinh-chinh/atom.xml has %d entries, want 2 (one per correcting commit)", n)
	}
	if !strings.Contains(string(b["dinh-chinh/rss.xml"]), "<item>") {
		t.Errorf("dinh-chinh/rss.xml has no item")
	}

	// corrections_since starts the log: the 3/6 fix was before it, the 10/6 one after.
	cfg := filepath.Join(r.dir, "config.toml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(data, "corrections_since = 2024-06-05\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	since := string(r.build()["dinh-chinh/index.html"])
	if !strings.Contains(since, `id="sua-`+withdrawn+`"`) || strings.Contains(since, `id="sua-`+fix+`"`) {
		t.Errorf("with corrections_since = 2024-06-05 the log should list %s and not %s:\n%s", withdrawn, fix, since)
	}
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}

	// Same commits, same bytes.
	again := r.build()
	for _, f := range []string{"dinh-chinh/index.html", "dinh-chinh/atom.xml", "dinh-chinh/rss.xml", "bai-viet/2024-04/index.html"} {
		if string(again[f]) != string(b[f]) {
			t.Errorf("%s differs between two builds of the same commits", f)
		}
	}
}

// TestCorrectionsShallowClone: a shallow clone (as CI checks out) has no history to
// compare, so its log is empty rather than a correction-free history pretended.
func TestCorrectionsShallowClone(t *testing.T) {
	r := newGitRepo(t)
	r.commit("2024-05-21T09:00:00+07:00", "Tháng 4/2024")
	r.edit("data/periods/2024-04.toml", "whole = 76", "whole = 77")
	r.commit("2024-06-03T10:30:00+07:00", "Sửa số liệu")
	if page := string(r.build()["dinh-chinh/index.html"]); !strings.Contains(page, "sửa từ 76% thành 77%") {
		t.Fatalf("the full repository shows no correction:\n%s", page)
	}
	clone := filepath.Join(t.TempDir(), "clone")
	r.git("2024-06-03T10:30:00+07:00", "clone", "-q", "--depth", "1", "file://"+r.dir, clone)
	shallow := &gitRepo{t: t, dir: clone}
	if page := string(shallow.build()["dinh-chinh/index.html"]); !strings.Contains(page, "Chưa có số liệu nào được đính chính") {
		t.Errorf("a shallow clone shows corrections:\n%s", page)
	}
}

// TestCorrectionsWithoutHistory: a source that is not a git work tree, or built in
// memory, has an empty log and no box, and builds.
func TestCorrectionsWithoutHistory(t *testing.T) {
	dir := sitetest.Minimal(t)
	src, err := load.Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir)) // the temporary folder may sit in a repository
	for name, opts := range map[string]pipeline.Options{
		"folder":    {Source: src, Dir: dir, ECharts: sitetest.FakeECharts},
		"in memory": {Source: sitetest.Source(t, ""), ECharts: sitetest.FakeECharts},
	} {
		out, probs, err := pipeline.Site(opts)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, probs)
		}
		page := string(out["dinh-chinh/index.html"])
		if !strings.Contains(page, "Chưa có số liệu nào được đính chính sau khi công bố.") {
			t.Errorf("%s: dinh-chinh/ does not say there is no correction", name)
		}
		if strings.Contains(string(out["bai-viet/2024-04/index.html"]), `class="corrections"`) {
			t.Errorf("%s: an article shows a corrections box with no history", name)
		}
		if strings.Contains(string(out["dinh-chinh/atom.xml"]), "<entry>") {
			t.Errorf("%s: the corrections feed has entries with no history", name)
		}
		if !strings.Contains(string(out["en/dinh-chinh/index.html"]), "No figure has been corrected since publication.") {
			t.Errorf("%s: en/dinh-chinh/ does not say there is no correction", name)
		}
		if strings.Contains(string(out["en/bai-viet/2024-04/index.html"]), `class="corrections"`) {
			t.Errorf("%s: an English article shows a corrections box with no history", name)
		}
		if strings.Contains(string(out["en/dinh-chinh/atom.xml"]), "<entry>") {
			t.Errorf("%s: the English corrections feed has entries with no history", name)
		}
	}
}
