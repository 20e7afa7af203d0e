package pipeline_test

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The clerks' guide (docs/editors.md) lists every mistake of the broken-input corpus with
// the exact lines check prints for it, between two markers. This test fails when the list
// is out of date; rewrite it with
//
//	go test ./internal/pipeline -run TestEditorsGuideListsEveryMistake -update-guide
const guide = "../../docs/editors.md"

const (
	guideBegin = "<!-- Danh sách lỗi: sinh từ internal/pipeline/testdata/broken bằng go test ./internal/pipeline -run TestEditorsGuideListsEveryMistake -update-guide; không sửa tay. -->"
	guideEnd   = "<!-- Hết danh sách lỗi. -->"
)

// guideGroups orders the mistakes by where the editor fixes them.
var guideGroups = []struct {
	title string
	match func(first string) bool
}{
	{"Gõ sai dấu (cú pháp TOML)", func(l string) bool { return strings.Contains(l, "sai cú pháp TOML") }},
	{"Tệp kỳ báo cáo (data/periods/)", func(l string) bool { return strings.HasPrefix(l, "data/periods/") }},
	{"Chỉ tiêu, mục tiêu và văn bản (data/indicators.toml, data/documents.toml)", func(l string) bool {
		return strings.HasPrefix(l, "data/indicators.toml") || strings.HasPrefix(l, "data/documents.toml")
	}},
	{"Cấp, đơn vị và tỉnh (data/levels.toml, data/units.toml, data/entities.toml)", func(l string) bool {
		return strings.HasPrefix(l, "data/levels.toml") || strings.HasPrefix(l, "data/units.toml") || strings.HasPrefix(l, "data/entities.toml")
	}},
	{"Trang viết tay và mẫu trang (content/, templates/)", func(l string) bool {
		return strings.HasPrefix(l, "content/") || strings.HasPrefix(l, "templates/")
	}},
	{"Cài đặt và chuyển hướng (config.toml, data/redirects.toml)", func(string) bool { return true }},
}

func guideSection(t *testing.T) string {
	names, err := filepath.Glob("testdata/broken/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatal("no corpus", err)
	}
	sort.Strings(names)
	parts := make([]strings.Builder, len(guideGroups))
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		c, err := parseCase(string(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(c.want) == 0 {
			continue
		}
		what := strings.TrimSpace(strings.TrimPrefix(strings.Join(c.comments, " "), "#"))
		what = strings.ReplaceAll(what, " # ", " ")
		for i, g := range guideGroups {
			if g.match(c.want[0]) {
				b := &parts[i]
				b.WriteString("**" + what + "** (`" + filepath.Base(name) + "`)\n\n```\n" + strings.Join(c.want, "\n") + "\n```\n\n")
				break
			}
		}
	}
	var b strings.Builder
	b.WriteString(guideBegin + "\n\n")
	for i, g := range guideGroups {
		if parts[i].Len() > 0 {
			b.WriteString("### " + g.title + "\n\n" + parts[i].String())
		}
	}
	b.WriteString(guideEnd)
	return b.String()
}

// updateGuide rewrites only the generated list in docs/editors.md; CI never sets it.
var updateGuide = flag.Bool("update-guide", false, "rewrite the list of mistakes in docs/editors.md from testdata/broken")

func TestEditorsGuideListsEveryMistake(t *testing.T) {
	doc, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	i, j := strings.Index(text, guideBegin), strings.Index(text, guideEnd)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the markers of the list of mistakes:\n%s\n%s", guide, guideBegin, guideEnd)
	}
	want := guideSection(t)
	if text[i:j+len(guideEnd)] == want {
		return
	}
	if *updateGuide {
		if err := os.WriteFile(guide, []byte(text[:i]+want+text[j+len(guideEnd):]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s: the list of mistakes differs from testdata/broken; run go test ./internal/pipeline -run TestEditorsGuideListsEveryMistake -update-guide", guide)
}
