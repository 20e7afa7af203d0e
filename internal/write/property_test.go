package write_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"chiso/internal/load"
	"chiso/internal/render"
	"chiso/internal/validate"
	"chiso/internal/write"
)

// fact is one optional part of a period file: its lines, and the words each article that
// holds it must contain.
type fact struct {
	name  string
	toml  string   // lines of the period file ("[index]" lines go in the index table)
	index bool     // the lines belong in [index]
	says  []string // what the article must say
}

var optionalFacts = []fact{
	{name: "rates", toml: "[[result]]\nindicator = \"ho-so-truc-tuyen\"\nwhole = 61.25\n", says: []string{"61,25%"}},
	{name: "levels", toml: "levels = { tinh = 55.5, huyen = 70.25, xa = 60 }\n", says: []string{"cấp tỉnh đạt 55,5%", "cấp huyện đạt 70,25%", "cấp xã đạt 60%"}},
	{name: "score", index: true, toml: "score = 83.47\n", says: []string{"83,47 điểm"}},
	{name: "rank", index: true, toml: "rank = 7\n", says: []string{"thứ 7"}},
	{name: "rank_of", index: true, toml: "rank_of = 63\n", says: []string{"7/63"}},
	{name: "class", index: true, toml: "class = \"khá\"\n", says: []string{"xếp loại khá"}},
	{name: "national_average", index: true, toml: "national_average = 71.3\n", says: []string{"bình quân cả nước 71,3 điểm"}},
	{name: "lead", index: true, toml: "lead = 0.8\n", says: []string{"0,8 điểm"}},
	{name: "groups", index: true, toml: "[[index.group]]\nname = \"Nhóm một\"\nscore = 40.12\nmax = 50\n\n[[index.group]]\nname = \"Nhóm hai\"\nscore = 43.35\n", says: []string{"Nhóm một 40,12/50 điểm", "Nhóm hai 43,35 điểm"}},
	{name: "change-score", index: true, toml: "[index.change]\nscore = 2.6\n", says: []string{"tăng 2,6 điểm"}},
	{name: "change-rank", index: true, toml: "[index.change]\nrank = -2\n", says: []string{"giảm 2 bậc"}},
	{name: "citation", toml: "[report]\ntype = \"Báo cáo\"\nnumber = \"77/BC-VPUBND\"\ndate = 2024-08-02\nissuer = \"Văn phòng UBND tỉnh\"\n", says: []string{"Báo cáo số 77/BC-VPUBND ngày 02/8/2024"}},
}

var periodsOfEachKind = []struct{ period, says string }{
	{"2024-05", "tháng 5"}, {"2024-q2", "quý II"}, {"2024", "năm 2024"}, {"2024-w10", "tuần 10"},
	{"2024-07-25", "tính đến ngày 25/7/2024"}, {"2024-03-21/2024-04-20", "từ ngày 21/3 đến ngày 20/4/2024"},
}

var sourcesOfEachKind = []struct{ toml, says string }{
	{"", ""},
	{"source_system = \"Hệ thống thông tin giải quyết thủ tục hành chính\"\nsource_short = \"VNPT – iGate\"\n", "(VNPT – iGate)"},
	{"source = \"portal\"\n", "Cổng Dịch vụ công quốc gia"},
}

// periodFile writes the period file holding the facts of mask, in the given kind and source.
func periodFile(mask int, period, source string) string {
	var top, index, groups, change, results strings.Builder
	fmt.Fprintf(&top, "period = %q\n%s", period, source)
	for i, f := range optionalFacts {
		if mask&(1<<i) == 0 {
			continue
		}
		switch {
		case f.name == "rates":
			results.WriteString(f.toml)
		case f.name == "levels":
			if mask&1 != 0 {
				results.WriteString(f.toml)
			}
		case f.name == "groups":
			groups.WriteString(f.toml)
		case strings.HasPrefix(f.name, "change-"):
			change.WriteString(strings.TrimPrefix(f.toml, "[index.change]\n"))
		case f.index:
			index.WriteString(f.toml)
		default:
			top.WriteString("\n" + f.toml)
		}
	}
	out := top.String()
	if index.Len()+groups.Len()+change.Len() > 0 {
		out += "\n[index]\n" + index.String()
		if change.Len() > 0 {
			out += "\n[index.change]\n" + change.String()
		}
		out += "\n" + groups.String()
	}
	return out + "\n" + results.String()
}

// valid says whether the loader must accept the facts of mask: a report says something,
// an index has a fact of its own, a national average needs its score, a total of "of"
// needs its rank, the groups add up to the score when there is one.
func valid(mask int) bool {
	has := func(name string) bool {
		for i, f := range optionalFacts {
			if f.name == name {
				return mask&(1<<i) != 0
			}
		}
		panic(name)
	}
	index := false
	for i, f := range optionalFacts {
		if f.index && mask&(1<<i) != 0 {
			index = true
		}
	}
	own := has("score") || has("rank") || has("class") || has("groups")
	switch {
	case !has("rates") && !index:
		return false
	case index && !own:
		return false
	case has("national_average") && !has("score"):
		return false
	case has("rank_of") && !has("rank"):
		return false
	}
	return true
}

// TestEveryCombinationOfFacts builds a period file for every combination of optional
// facts (each period kind and source kind in turn) and checks that a valid one writes an
// article stating every figure it was given, and that an invalid one is refused with a
// message rather than written.
func TestEveryCombinationOfFacts(t *testing.T) {
	base := caseFiles(t)
	// Only what the facts use, so that 4 096 sites load in seconds: no units, one indicator.
	delete(base, "data/units.toml")
	base["data/indicators.toml"] = &fstest.MapFile{Data: []byte(`[[indicator]]
key = "ho-so-truc-tuyen"
name = "Hồ sơ dịch vụ công trực tuyến"
short = "Hồ sơ trực tuyến"
counts = "hồ sơ"
definition = "Tỷ lệ hồ sơ được tiếp nhận trực tuyến."

  [[indicator.target]]
  value = 50
  from = 2024-01-01
  basis = "nq-02-2024"
`)}
	tmpl, err := render.Parse(base, write.Funcs(nil))
	if err != nil {
		t.Fatal(err)
	}
	combos := 1 << len(optionalFacts)
	built, refused := 0, 0
	for mask := 0; mask < combos; mask++ {
		kind := periodsOfEachKind[mask%len(periodsOfEachKind)]
		source := sourcesOfEachKind[(mask/len(periodsOfEachKind))%len(sourcesOfEachKind)]
		src := periodFile(mask, kind.period, source.toml)
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys["data/periods/case.toml"] = &fstest.MapFile{Data: []byte(src)}
		site, probs := load.Site(fsys)
		probs = append(probs, validate.Site(site)...)
		if !valid(mask) {
			refused++
			if !probs.HasErrors() {
				t.Errorf("facts %012b were accepted but say nothing complete:\n%s", mask, src)
			}
			continue
		}
		if probs.HasErrors() {
			t.Errorf("facts %012b refused:\n%s\n%s", mask, probs, src)
			continue
		}
		a, err := write.New(site, tmpl.Text).Article(caseReport(site))
		if err != nil {
			t.Errorf("facts %012b: %v\n%s", mask, err, src)
			continue
		}
		built++
		got := text(a)
		says := []string{kind.says, source.says}
		for i, f := range optionalFacts {
			if mask&(1<<i) != 0 && (f.name != "levels" || mask&1 != 0) {
				says = append(says, f.says...)
			}
		}
		for _, s := range says {
			if !strings.Contains(got, s) {
				t.Errorf("facts %012b: the article does not say %q:\n%s\n--- from\n%s", mask, s, got, src)
			}
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("%d combinations written, %d refused", built, refused)
}
