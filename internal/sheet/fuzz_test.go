package sheet_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"chiso/internal/pipeline"
	"chiso/internal/sheet"
)

// FuzzCSV and FuzzXLSX: whatever spreadsheet an editor is sent, `chiso import` answers
// with problems at rows, never a panic. Found inputs live in testdata/fuzz/.

func FuzzCSV(f *testing.F) {
	s, _ := pipeline.Check(os.DirFS("../pipeline/testdata/minimal"))
	for _, seed := range []string{
		"Chỉ tiêu,Cấp,Tử số,Mẫu số,Tỷ lệ\nho-so-truc-tuyen,tinh,3845,4020,\n",
		"Cấp;ho-so-truc-tuyen;so-hoa-ho-so\nCấp tỉnh;95,5;96\n",
		"\ufeff\"unterminated\n",
		"a\tb\n1\t2\n",
		"=HYPERLINK(\"x\"),+1,-1,@A\n",
		strings.Repeat(",", 5000) + "\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tbl, err := sheet.ReadCSV("x.csv", data)
		if err != nil {
			return
		}
		sheet.Read(s, tbl, nil, june)
	})
}

func FuzzXLSX(f *testing.F) {
	s, _ := pipeline.Check(os.DirFS("../pipeline/testdata/minimal"))
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"Chỉ tiêu", "Cấp", "Tử số", "Mẫu số"})
	x.SetSheetRow("Sheet1", "A2", &[]any{"ho-so-truc-tuyen", "tinh", 3845, 4020})
	var buf bytes.Buffer
	x.WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tbl, err := sheet.ReadXLSX("x.xlsx", bytes.NewReader(data), "")
		if err != nil {
			return
		}
		sheet.Read(s, tbl, nil, june)
	})
}
