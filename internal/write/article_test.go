package write_test

import (
	"os"
	"strings"
	"testing"

	"chiso/internal/load"
	"chiso/internal/model"
	"chiso/internal/render"
	"chiso/internal/write"
)

// sample loads the sample site at the repository root.
func sample(t testing.TB) (*model.Site, *write.Writer) {
	t.Helper()
	fsys := os.DirFS("../..")
	site, probs := load.Site(fsys)
	if probs.HasErrors() {
		t.Fatalf("sample site has errors:\n%s", probs)
	}
	tmpl, err := render.Parse(fsys, write.Funcs(&site.Config))
	if err != nil {
		t.Fatal(err)
	}
	return site, write.New(site, tmpl.Text)
}

func article(t testing.TB, period string) *write.Article {
	site, w := sample(t)
	for _, r := range site.Reports {
		if r.Period.Key() == period {
			a, err := w.Article(r)
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
	}
	t.Fatalf("no report for %s", period)
	return nil
}

func text(a *write.Article) string {
	return a.Title + "\n\n" + write.PlainText(a.Lead) + "\n\n" + write.PlainText(a.Body) + "\n\nTác giả: " + a.Report.Author + "\n"
}

// TestSeedFacts checks that the April 2024 article carries every figure, verdict,
// citation, date and level value of the published article, exactly as printed there and
// in the same order (../shared/seed/binh-dinh-2024-04.txt). The seed's slips ("Cấp huyệt
// chỉ đạt 97%") are corrected, not copied.
func TestSeedFacts(t *testing.T) {
	got := text(article(t, "2024-04"))
	facts := []string{
		"Kết quả thực hiện 07 chỉ tiêu liên quan đến “Chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công trực tuyến” trên địa bàn tỉnh trong tháng 4 năm 2024",
		"(binhdinh.gov.vn) - Văn phòng UBND tỉnh đã ban hành Báo cáo số 364/BC-VPUBND ngày 20/5/2024",
		"“Hệ thống thông tin giải quyết thủ tục hành chính” (VNPT – iGate)",
		"trong tháng 4/2024, cụ thể như sau:",
		"Chỉ tiêu “Hồ sơ dịch vụ công trực tuyến” của cả tỉnh đạt tỷ lệ 95%; đảm bảo tỷ lệ được Chính phủ giao tại Nghị quyết số 02/NQ-CP ngày 05/01/2024 (tỷ lệ 50%).",
		"cấp tỉnh đạt 95%, cấp huyện đạt 97% và cấp xã đạt 93%",
		"Chỉ tiêu “Thanh toán trực tuyến phí, lệ phí thực hiện thủ tục hành chính” của cả tỉnh đạt tỷ lệ 76%; đảm bảo tỷ lệ được Chính phủ giao tại Nghị quyết số 02/NQ-CP ngày 05/01/2024 (tỷ lệ 45%).",
		"cấp tỉnh đạt 63,4%, cấp huyện đạt 54% và cấp xã đạt 97%",
		"Chỉ tiêu “Số hóa thành phần hồ sơ” của cả tỉnh đạt tỷ lệ 99%; đảm bảo tỷ lệ được Chính phủ giao tại Nghị quyết số 02/NQ-CP ngày 05/01/2024 (tỷ lệ 80%).",
		"cấp tỉnh đạt 99,8%, cấp huyện đạt 99,7% và cấp xã đạt 98,7%",
		"Chỉ tiêu “Cấp kết quả điện tử” của cả tỉnh đạt tỷ lệ 95%; chưa đảm bảo tỷ lệ được Chính phủ giao tại Nghị quyết số 02/NQ-CP ngày 05/01/2024 (phải đạt tỷ lệ 100%).",
		"cấp tỉnh đạt 90%, cấp huyện đạt 94% và cấp xã đạt 98%",
		"Chỉ tiêu “Khai thác sử dụng lại thông tin số hóa” của cả tỉnh đạt tỷ lệ 44,7%; chưa đảm bảo tỷ lệ được Chính phủ giao tại Nghị quyết số 02/NQ-CP ngày 05/01/2024 (phải đạt tỷ lệ 50%).",
		"cấp tỉnh đạt 16,7%, cấp huyện đạt 45,9% và cấp xã đạt 71,2%",
		"Chỉ tiêu “Dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến” của cả tỉnh đạt tỷ lệ 98,3%; chưa đảm bảo tỷ lệ được Thủ tướng Chính phủ giao tại Quyết định số 766/QĐ-TTg ngày 23/6/2022 (phải đạt tỷ lệ 100%).",
		"cấp tỉnh đạt 99%, cấp huyện đạt 97,6% và cấp xã đạt 98,8%",
		"Chỉ tiêu “Thủ tục hành chính cung cấp thanh toán trực tuyến có phát sinh thanh toán trực tuyến” của cả tỉnh đạt tỷ lệ 70,2%; chưa đảm bảo tỷ lệ được Thủ tướng Chính phủ giao tại Quyết định số 766/QĐ-TTg ngày 23/6/2022 (phải đạt tỷ lệ 100%).",
		"cấp tỉnh đạt 69,1%, cấp huyện đạt 63,7% và cấp xã đạt 74,8%",
		"Từ kết quả nêu trên, Văn phòng UBND tỉnh đã đề nghị",
		"Theo Báo cáo của Văn phòng Chính phủ, kết quả “Chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công trực tuyến” của tỉnh Bình Định trong tháng 4/2024 đạt 88,62 điểm, xếp vị trí thứ 2/63 tỉnh, thành phố trực thuộc Trung ương./.",
		"Tác giả: Dũng Linh",
	}
	rest := got
	for _, f := range facts {
		i := strings.Index(rest, f)
		if i < 0 {
			if strings.Contains(got, f) {
				t.Errorf("out of the seed's order: %q", f)
			} else {
				t.Errorf("missing: %q", f)
			}
			continue
		}
		rest = rest[i+len(f):]
	}
	for _, slip := range []string{"huyệt", "chỉ đạt 97%", "So với"} {
		if strings.Contains(got, slip) {
			t.Errorf("article contains %q", slip)
		}
	}
	if t.Failed() {
		t.Logf("article:\n%s", got)
	}
}
