package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chiso/internal/model"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.csv")

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// fixture is a small site: one province, two levels, three units (one merged into
// another), two indicators, a target with its document, two monthly reports.
func fixture() *model.Site {
	nq := &model.Document{Key: "nq-02-2024", Type: "Nghị quyết", Number: "02/NQ-CP", Date: day(2024, 1, 5), Issuer: "Chính phủ"}
	bd := &model.Entity{Key: "binh-dinh", Name: "tỉnh Bình Định", Short: "tỉnh"}
	tinh := &model.Level{Key: "tinh", Name: "Cấp tỉnh"}
	xa := &model.Level{Key: "xa", Name: "Cấp xã"}
	stp := &model.Unit{Code: "stp", Name: "Sở Tư pháp", Level: tinh}
	anNhon := &model.Unit{Code: "an-nhon", Name: "=HYPERLINK(\"x\")", Level: xa} // a hostile name stays in the lookup
	old := &model.Unit{Code: "cu", Name: "xã Cũ", Level: xa, To: day(2024, 4, 30), Successor: anNhon}
	online := &model.Indicator{Key: "ho-so-truc-tuyen", Name: "Tỷ lệ hồ sơ trực tuyến", Short: "Hồ sơ trực tuyến", Counts: "hồ sơ", HigherIsBetter: true}
	online.Targets = []*model.Target{{Value: 50, From: day(2024, 1, 1), Basis: nq}}
	late := &model.Indicator{Key: "ho-so-tre-han", Name: "Tỷ lệ hồ sơ trễ hạn", Short: "Trễ hạn", Counts: "hồ sơ"}
	s := &model.Site{Config: model.Config{Title: "Chỉ số", Licence: "CC-BY-4.0"}, Documents: []*model.Document{nq},
		Indicators: []*model.Indicator{online, late}, Levels: []*model.Level{tinh, xa}, Units: []*model.Unit{stp, anNhon, old},
		Entities: []*model.Entity{bd}}
	for i, m := range []int{4, 5} {
		r := &model.Report{Period: model.Period{Kind: model.Month, Year: 2024, Month: m}, Entity: bd, SourceSystem: "Hệ thống",
			File: "data/periods/2024-0" + string(rune('4'+i)) + ".toml", Illustrative: i == 1}
		if i == 0 {
			r.Document = &model.Document{Type: "Báo cáo", Number: "364/BC-VPUBND", Date: day(2024, 5, 20), Issuer: "Văn phòng UBND tỉnh"}
		}
		res := &model.Result{Indicator: online, Whole: 63.4 + float64(i), Computed: true, Count: &model.Count{Num: 634, Den: 1000},
			Target: online.Targets[0], Met: true,
			Levels: []model.LevelResult{{Level: tinh, Rate: 70}, {Level: xa, Rate: 55.5, Count: &model.Count{Num: 111, Den: 200}}},
			Units:  []model.UnitResult{{Unit: stp, Count: model.Count{Num: 7, Den: 10}, Rank: 1}, {Unit: anNhon, Count: model.Count{Num: 9, Den: 20}, Rank: 1}}}
		if i == 0 {
			res.Units = append(res.Units, model.UnitResult{Unit: old, Count: model.Count{Num: 3, Den: 5}, Rank: 2})
		}
		r.Results = []*model.Result{res, {Indicator: late, Whole: 1.5, Levels: []model.LevelResult{{Level: xa, Rate: 2}}}}
		s.Reports = append(s.Reports, r)
	}
	return s
}

// TestResultsGolden: the observations of the fixture, exactly: codes only, one row for the
// whole, one per level, one per unit.
func TestResultsGolden(t *testing.T) {
	got := NewDataset(fixture()).Observations().CSV()
	const golden = "testdata/ket-qua.golden.csv"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("ket-qua.csv differs from %s (go test -update to accept):\n%s", golden, got)
	}
}

// readBack reads one of our CSV files as a spreadsheet user would: BOM, header, rows.
func readBack(t *testing.T, data []byte) [][]string {
	t.Helper()
	rest, ok := bytes.CutPrefix(data, []byte(bom))
	if !ok {
		t.Fatal("no BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestForeignKeys: every code in a table's foreign-key columns, read back from its CSV,
// is a key of the lookup it names, and every lookup's keys are unique. The fixture's
// observations name every lookup, so a code written under the wrong name fails here.
func TestForeignKeys(t *testing.T) {
	d := NewDataset(fixture())
	csvs := map[string][][]string{}
	for _, tb := range d.Tables {
		csvs[tb.Name] = readBack(t, tb.CSV())
	}
	col := func(name, field string) int {
		i := slices.Index(csvs[name][0], field)
		if i < 0 {
			t.Fatalf("%s has no column %s", name, field)
		}
		return i
	}
	for _, tb := range d.Tables {
		if len(tb.PrimaryKey) == 1 {
			seen := map[string]bool{}
			for _, r := range csvs[tb.Name][1:] {
				k := r[col(tb.Name, tb.PrimaryKey[0])]
				if k == "" || seen[k] {
					t.Errorf("%s: key %q empty or twice", tb.Name, k)
				}
				seen[k] = true
			}
		}
		for _, fk := range tb.ForeignKeys {
			if _, ok := csvs[fk.Resource]; !ok {
				t.Errorf("%s.%s refers to %s, not in the dataset", tb.Name, fk.Fields, fk.Resource)
				continue
			}
			keys := map[string]bool{}
			for _, r := range csvs[fk.Resource][1:] {
				keys[r[col(fk.Resource, fk.Ref)]] = true
			}
			n := 0
			for i, r := range csvs[tb.Name][1:] {
				if v := r[col(tb.Name, fk.Fields)]; v != "" {
					n++
					if !keys[v] {
						t.Errorf("%s row %d: %s %q is not in %s", tb.Name, i+2, fk.Fields, v, fk.Resource)
					}
				}
			}
			if tb.Name == Results && n == 0 {
				t.Errorf("%s.%s: no code to check", tb.Name, fk.Fields)
			}
		}
	}
	obs := d.Observations()
	for _, want := range []string{Periods, Entities, Indicators, Levels, Units} {
		if !slices.ContainsFunc(obs.ForeignKeys, func(k ForeignKey) bool { return k.Resource == want }) {
			t.Errorf("observations have no foreign key to %s", want)
		}
	}
	// No name or citation in the observations: only codes and numbers.
	for _, r := range csvs[Results][1:] {
		for _, c := range r {
			if strings.ContainsAny(c, " ") {
				t.Fatalf("observation cell %q is not a code", c)
			}
		}
	}
}

// TestDatasetReadBack: the workbook holds a sheet per table, each cell what the CSV
// says; the hostile name is a text cell in the sheet and inert in the CSV; the JSON has
// the CSV's rows; the descriptor carries the foreign keys.
func TestDatasetReadBack(t *testing.T) {
	s := fixture()
	d := NewDataset(s)
	files := map[string][]byte{}
	w, err := Publish(s, d, nil, "https://example.org/du-lieu/", func(p string, write func(io.Writer) error) error {
		var b bytes.Buffer
		err := write(&b)
		files[p] = b.Bytes()
		return err
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Group.Items) != len(d.Tables)+1 || w.Package.Path != Dir+PackageFile {
		t.Fatalf("%d downloads, package %s", len(w.Group.Items), w.Package.Path)
	}
	f, err := excelize.OpenReader(bytes.NewReader(files[Dir+WorkbookFile]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tb := range d.Tables {
		recs := readBack(t, files[Dir+tb.Name+".csv"])
		rows, err := f.GetRows(tb.Name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("sheet %s: %v", tb.Name, err)
		}
		if len(rows) != len(recs) {
			t.Fatalf("%s: sheet %d rows, CSV %d", tb.Name, len(rows), len(recs))
		}
		for i := range recs {
			for j, want := range recs[i] {
				got := ""
				if j < len(rows[i]) {
					got = rows[i][j]
				}
				if !sameCell(got, want) {
					t.Errorf("%s row %d %s: sheet %q, CSV %q", tb.Name, i+1, recs[0][j], got, want)
				}
			}
		}
		var doc struct{ Data [][]any }
		if err := json.Unmarshal(files[Dir+tb.Name+".json"], &doc); err != nil || len(doc.Data) != len(recs)-1 {
			t.Errorf("%s.json: %d rows, CSV %d (%v)", tb.Name, len(doc.Data), len(recs)-1, err)
		}
		for i, r := range doc.Data {
			if len(r) != len(recs[0]) {
				t.Errorf("%s.json row %d: %d cells, %d fields", tb.Name, i, len(r), len(recs[0]))
			}
		}
	}
	if !bytes.Contains(files[Dir+Units+".csv"], []byte(`"'=HYPERLINK(""x"")"`)) {
		t.Errorf("don-vi.csv: the formula is not inert:\n%s", files[Dir+Units+".csv"])
	}
	var p Package
	if err := json.Unmarshal(files[Dir+PackageFile], &p); err != nil {
		t.Fatal(err)
	}
	for _, r := range p.Resources {
		if r.Name == Results && (r.Schema == nil || len(r.Schema.ForeignKeys) != 5) {
			t.Errorf("ket-qua: schema %+v", r.Schema)
		}
		if r.Name == Units && r.Schema.ForeignKeys[1].Reference.Resource != "" {
			t.Errorf("don-vi.successor is not a self-reference: %+v", r.Schema.ForeignKeys)
		}
	}
}

// sameCell: a sheet stores true as 1, a date as a day number; text the same as the CSV
// but without the CSV's leading apostrophe on a formula-like cell.
func sameCell(sheet, csvCell string) bool {
	switch {
	case sheet == csvCell, sheet == strings.TrimPrefix(csvCell, "'"):
		return true
	case csvCell == "true":
		return sheet == "1"
	case csvCell == "false":
		return sheet == "0"
	}
	if d, err := time.Parse("2006-01-02", csvCell); err == nil {
		var n float64
		if err := json.Unmarshal([]byte(sheet), &n); err == nil {
			got, err := excelize.ExcelDateToTime(n, false)
			return err == nil && got.Equal(d)
		}
	}
	var a, b float64
	return json.Unmarshal([]byte(sheet), &a) == nil && json.Unmarshal([]byte(csvCell), &b) == nil && a == b
}
