package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chiso/internal/chart"
)

func sampleTable() *Table {
	day := time.Date(2024, 4, 30, 0, 0, 0, 0, time.UTC)
	return &Table{Name: "ket-qua", Title: "Kết quả", Fields: []Field{
		{Name: "period", Type: "yearmonth"}, {Name: "name", Type: "string"}, {Name: "value", Type: "number", Unit: "%"},
		{Name: "numerator", Type: "integer"}, {Name: "met", Type: "boolean"}, {Name: "end", Type: "date"},
	}, Rows: [][]any{
		{"2024-04", `Thanh toán "trực tuyến", phí`, 63.4, int64(139506), true, day},
		{"2024-04", "Cấp xã", 0.3, nil, nil, day},
	}}
}

func TestCSV(t *testing.T) {
	out := sampleTable().CSV()
	if !bytes.HasPrefix(out, []byte("\ufeff")) {
		t.Fatal("no BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"period", "name", "value", "numerator", "met", "end"},
		{"2024-04", `Thanh toán "trực tuyến", phí`, "63.4", "139506", "true", "2024-04-30"},
		{"2024-04", "Cấp xã", "0.3", "", "", "2024-04-30"},
	}
	for i := range want {
		if strings.Join(recs[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, recs[i], want[i])
		}
	}
	if !bytes.Contains(out, []byte("\r\n")) {
		t.Error("not CRLF")
	}
}

func TestJSON(t *testing.T) {
	out := sampleTable().JSON(Meta{Licence: "CC-BY-4.0", Created: "2024-05-20"})
	var doc struct {
		Name, Licence, Created string
		Fields                 []Field
		Data                   [][]any
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if doc.Name != "ket-qua" || doc.Licence != "CC-BY-4.0" || len(doc.Fields) != 6 || len(doc.Data) != 2 {
		t.Fatalf("%+v", doc)
	}
	// A row is an array in the order of fields: period, name, value, numerator, met, end.
	if r := doc.Data[0]; len(r) != 6 || r[1] != `Thanh toán "trực tuyến", phí` || r[2] != 63.4 || r[3] != float64(139506) || r[4] != true || r[5] != "2024-04-30" {
		t.Errorf("row 0 = %v", r)
	}
	if r := doc.Data[1]; len(r) != 6 || r[3] != nil || r[4] != nil || r[5] != "2024-04-30" {
		t.Errorf("row 1 = %v, want null numerator and met", r)
	}
	if want := "\n[\"2024-04\",\"Cấp xã\",0.3,null,null,\"2024-04-30\"]\n]}\n"; !strings.HasSuffix(string(out), want) {
		t.Errorf("JSON ends %q, want one row a line: %q", out[max(0, len(out)-80):], want)
	}
}

func TestChartTable(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	c := chart.Chart{ID: "x", Title: "T", CategoryName: "Kỳ", Unit: "%", Categories: []string{"4/2024", "5/2024"},
		Series: []chart.Series{{Name: "Cả tỉnh", Values: []*float64{v(95), nil}}, {Name: "Mục tiêu", Target: true, Values: []*float64{v(50), v(50)}}}}
	out := string(ChartTable(c).CSV())
	if want := "\ufeffKỳ,Cả tỉnh,Mục tiêu\r\n4/2024,95,50\r\n5/2024,,50\r\n"; out != want {
		t.Errorf("%q\nwant %q", out, want)
	}
}

// TestWorkbook reads the workbook back and checks its bytes do not change between runs.
func TestWorkbook(t *testing.T) {
	created := time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)
	a, err := Workbook("Chỉ số", "Ban biên tập", created, []*Table{sampleTable()})
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // a timestamp taken from the clock would now differ
	b, _ := Workbook("Chỉ số", "Ban biên tập", created, []*Table{sampleTable()})
	if !bytes.Equal(a, b) {
		t.Fatal("workbook bytes differ between two runs")
	}
	f, err := excelize.OpenReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "Giải thích,ket-qua" {
		t.Errorf("sheets %v", got)
	}
	rows, err := f.GetRows("ket-qua", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1][1] != `Thanh toán "trực tuyến", phí` || rows[1][2] != "63.4" || rows[1][3] != "139506" {
		t.Errorf("rows %q", rows)
	}
	props, _ := f.GetDocProps()
	if props.Created != "2024-05-20T00:00:00Z" || props.Modified != "2024-05-20T00:00:00Z" {
		t.Errorf("doc props %+v", props)
	}
}

func TestDescriptorLicence(t *testing.T) {
	if l, ok := LicenceOf("CC-BY-4.0"); !ok || l.Path == "" {
		t.Error("CC-BY-4.0 unknown")
	}
	if l, ok := LicenceOf("Giấy phép riêng"); !ok || l.Name != "Giấy phép riêng" {
		t.Error("free-form licence lost")
	}
	r := CSVResource(sampleTable(), "ket-qua.csv", sampleTable().CSV())
	if r.Schema.Fields[2].DecimalChar != "." || r.Hash[:7] != "sha256:" || r.Bytes == 0 {
		t.Errorf("%+v", r)
	}
}
