package targetyear

import (
	"strings"
	"testing"
	"time"

	"chiso/internal/model"
)

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// The new target goes at the end of its indicator's block, before the comments that
// introduce the next indicator; an open-ended target is kept; text around is untouched.
func TestIndicatorsText(t *testing.T) {
	nq := &model.Document{Key: "nq-02-2025", Type: "Nghị quyết", Number: "02/NQ-CP", Issuer: "Chính phủ", Title: "… năm 2025"}
	qd := &model.Document{Key: "qd-766-2022"}
	a := &model.Indicator{Key: "a", Targets: []*model.Target{{Value: 50, From: day("2025-01-01"), To: day("2025-12-31"), Basis: nq}}}
	b := &model.Indicator{Key: "b", Targets: []*model.Target{{Value: 100, From: day("2022-06-23"), Basis: qd}}}
	c := &model.Indicator{Key: "c", Targets: []*model.Target{{Value: 45.5, From: day("2025-01-01"), To: day("2025-12-31"), Basis: nq}}}
	s := &model.Site{Indicators: []*model.Indicator{a, b, c}, Documents: []*model.Document{nq, qd}}
	src := "[[indicator]]\nkey = \"a\"\n\n    [[indicator.target]]\n    value = 50\n\n# Chỉ tiêu b\n[[indicator]]\nkey = \"b\"\n[[indicator]]\nkey = \"c\"\n  [[indicator.target]]\n  value = 45.5"
	d := Plan(s, 2026)
	if len(d.Indicators) != 2 || len(d.Kept) != 1 || len(d.Documents) != 1 || d.Documents[0].Key != "nq-02-2026" {
		t.Fatalf("plan: %+v", d)
	}
	got, err := d.IndicatorsText(src, s)
	if err != nil {
		t.Fatal(err)
	}
	want := "[[indicator]]\nkey = \"a\"\n\n    [[indicator.target]]\n    value = 50\n" +
		"\n    [[indicator.target]]   # năm 2026: chép từ năm 2025 bằng chiso new-year — ghi giá trị theo văn bản năm 2026\n" +
		"    value = \"?\"   # năm 2025: 50\n    from = 2026-01-01\n    to = 2026-12-31\n    basis = \"nq-02-2026\"\n" +
		"\n# Chỉ tiêu b\n[[indicator]]\nkey = \"b\"\n[[indicator]]\nkey = \"c\"\n  [[indicator.target]]\n  value = 45.5\n" +
		"\n  [[indicator.target]]   # năm 2026: chép từ năm 2025 bằng chiso new-year — ghi giá trị theo văn bản năm 2026\n" +
		"  value = \"?\"   # năm 2025: 45.5\n  from = 2026-01-01\n  to = 2026-12-31\n  basis = \"nq-02-2026\"\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	docs := d.DocumentsText("[[document]]\nkey = \"nq-02-2025\"")
	for _, w := range []string{"key = \"nq-02-2026\"", "number = \"?\"   # năm 2025: 02/NQ-CP", "date = \"?\"", "title = \"… năm 2026\""} {
		if !strings.Contains(docs, w) {
			t.Errorf("documents lack %q:\n%s", w, docs)
		}
	}
}
