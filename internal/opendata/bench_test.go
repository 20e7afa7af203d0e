package opendata

import (
	"io"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// benchTable is shaped like a province's observations (ket-qua): ~65 000 rows of codes,
// rates, counts and flags.
func benchTable() *Table {
	t := &Table{Name: "ket-qua", Title: "Kết quả", Fields: []Field{{Name: "period"}, {Name: "entity"}, {Name: "indicator"},
		{Name: "level"}, {Name: "unit"}, {Name: "value"}, {Name: "numerator"}, {Name: "denominator"}, {Name: "computed"},
		{Name: "target"}, {Name: "met"}, {Name: "rank"}}}
	for p := range 24 {
		period := "202" + strconv.Itoa(4+p/12) + "-" + strconv.Itoa(10+p%12)
		for ind := range 9 {
			key := "chi-tieu-" + strconv.Itoa(ind)
			t.Rows = append(t.Rows, []any{period, "tinh", key, nil, nil, 87.25, int64(123456), int64(140000), true, 80.0, true, nil})
			for u := range 300 {
				num := int64(1000 + u*7 + p)
				t.Rows = append(t.Rows, []any{period, "tinh", key, nil, "dv-" + strconv.Itoa(u), float64(num) / 13, num, int64(1300 + u*7), nil, 80.0, u%3 == 0, int64(u%40 + 1)})
			}
		}
	}
	return t
}

// cpu reports the process's CPU time per op (all threads: GC too), steadier than wall
// time on a shared machine.
func cpu(b *testing.B, f func()) {
	var r0, r1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &r0)
	for b.Loop() {
		f()
	}
	syscall.Getrusage(syscall.RUSAGE_SELF, &r1)
	used := r1.Utime.Nano() + r1.Stime.Nano() - r0.Utime.Nano() - r0.Stime.Nano()
	b.ReportMetric(float64(used)/float64(b.N)/1e6, "cpu-ms/op")
}

func BenchmarkWorkbook(b *testing.B) {
	tables := []*Table{benchTable()}
	created := time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)
	b.Run("excelize", func(b *testing.B) {
		cpu(b, func() { refWorkbook("t", "c", created, tables) })
	})
	b.Run("new", func(b *testing.B) {
		cpu(b, func() { WriteWorkbook(io.Discard, "t", "c", created, tables) })
	})
}

func BenchmarkCSV(b *testing.B) {
	t := benchTable()
	b.Run("encoding-csv", func(b *testing.B) { cpu(b, func() { t.refWriteCSV(io.Discard) }) })
	b.Run("new", func(b *testing.B) { cpu(b, func() { t.WriteCSV(io.Discard) }) })
}

func BenchmarkJSON(b *testing.B) {
	t := benchTable()
	b.Run("before", func(b *testing.B) { cpu(b, func() { t.refWriteJSON(io.Discard, Meta{}) }) })
	b.Run("new", func(b *testing.B) { cpu(b, func() { t.WriteJSON(io.Discard, Meta{}) }) })
}
