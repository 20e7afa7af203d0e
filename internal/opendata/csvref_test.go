package opendata

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"testing"
)

// refWriteCSV is the old WriteCSV, through encoding/csv: the reference the new one's
// bytes are compared with.
func (t *Table) refWriteCSV(out io.Writer) error {
	bw := bufio.NewWriterSize(out, 64<<10)
	bw.WriteString(bom)
	w := csv.NewWriter(bw)
	w.UseCRLF = true
	head := make([]string, len(t.Fields))
	for i, f := range t.Fields {
		head[i] = inert(f.Name) // a chart's columns are named after levels and indicators
	}
	w.Write(head)
	rec := make([]string, len(t.Fields))
	t.Each(func(r []any) {
		for i, v := range r {
			rec[i] = text(v)
			if s, ok := v.(string); ok {
				rec[i] = inert(s)
			}
		}
		w.Write(rec)
	})
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// The CSV's bytes are encoding/csv's, for every kind of cell.
func TestCSVAsEncodingCSV(t *testing.T) {
	odd := &Table{Name: "odd", Fields: []Field{{Name: " space"}, {Name: "a,b"}, {Name: `\.`}}}
	for _, s := range []string{`\.`, " x", "\u00a0nbsp", "\u3000ideo", "a,b", `q"q`, "cr\rlf\n", "\r\n", "lone\r", "=SUM(A1)", "+1", "-", "@x", "\tx", "ok", ""} {
		odd.Rows = append(odd.Rows, []any{s, s + "!", nil})
	}
	for _, tb := range []*Table{sampleTable(), hostileTable(), trickyTable(), odd} {
		var got, want bytes.Buffer
		if err := tb.WriteCSV(&got); err != nil {
			t.Fatal(err)
		}
		if err := tb.refWriteCSV(&want); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: CSV differs from encoding/csv's:\n got %q\nwant %q", tb.Name, got.Bytes(), want.Bytes())
		}
	}
}
