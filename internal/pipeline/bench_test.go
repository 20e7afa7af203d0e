package pipeline_test

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"chiso/internal/pipeline"
)

// synthetic makes a site of months×units: every indicator of the sample, units at two
// levels, counts per unit. It shares the repository's templates and assets.
func synthetic(months, units int) fs.FS {
	m := fstest.MapFS{}
	put := func(name, text string) { m[name] = &fstest.MapFile{Data: []byte(text)} }
	put("config.toml", `title = "Tổng hợp"
base_url = "https://thunghiem.gov.vn"
base_path = "/chi-so/"
index_name = "Chỉ số phục vụ người dân, doanh nghiệp"
`)
	put("data/documents.toml", `[[document]]
key = "qd"
type = "Quyết định"
number = "766/QĐ-TTg"
date = 2022-06-23
issuer = "Thủ tướng Chính phủ"
`)
	put("data/entities.toml", "[[entity]]\nkey = \"thu-nghiem\"\nname = \"tỉnh Thử Nghiệm\"\nshort = \"tỉnh\"\nsource_tag = \"thunghiem.gov.vn\"\n")
	put("data/levels.toml", "[[level]]\nkey = \"tinh\"\nname = \"Cấp tỉnh\"\n\n[[level]]\nkey = \"xa\"\nname = \"Cấp xã\"\n")
	var inds, unitsToml strings.Builder
	keys := []string{"a", "b", "c", "d", "e", "f", "g"}
	for _, k := range keys {
		fmt.Fprintf(&inds, "[[indicator]]\nkey = \"chi-tieu-%s\"\nname = \"Chỉ tiêu %s\"\nshort = \"CT %s\"\ncounts = \"hồ sơ\"\ndefinition = \"Tỷ lệ %s.\"\n\n  [[indicator.target]]\n  value = 80\n  from = 2000-01-01\n  basis = \"qd\"\n\n", k, k, k, k)
	}
	for u := 0; u < units; u++ {
		level := "xa"
		if u%10 == 0 {
			level = "tinh"
		}
		fmt.Fprintf(&unitsToml, "[[unit]]\ncode = \"don-vi-%d\"\nname = \"Đơn vị số %d\"\nlevel = \"%s\"\n\n", u, u, level)
	}
	put("data/indicators.toml", inds.String())
	put("data/units.toml", unitsToml.String())
	for i := 0; i < months; i++ {
		y, mo := 2000+i/12, i%12+1
		var p strings.Builder
		fmt.Fprintf(&p, "period = \"%04d-%02d\"\nillustrative = true\nsource_system = \"Hệ thống\"\n\n[report]\ntype = \"Báo cáo\"\nnumber = \"%d/BC\"\ndate = %04d-%02d-15\nissuer = \"Văn phòng\"\n\n[index]\nscore = %d.5\nrank = %d\nrank_of = 63\nsource = \"Văn phòng Chính phủ\"\n\n",
			y, mo, i+1, y, mo, 80+i%15, 1+i%20)
		for j, k := range keys {
			fmt.Fprintf(&p, "[[result]]\nindicator = \"chi-tieu-%s\"\nunits = [\n", k)
			for u := 0; u < units; u++ {
				den := 100 + (u*7+i*3+j)%400
				fmt.Fprintf(&p, "  { unit = \"don-vi-%d\", numerator = %d, denominator = %d },\n", u, den*(60+(u+i+j)%40)/100, den)
			}
			p.WriteString("]\n\n")
		}
		put(fmt.Sprintf("data/periods/%04d-%02d.toml", y, mo), p.String())
	}
	// Templates and assets come from the repository.
	fs.WalkDir(repo, "templates", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(repo, p)
			m[p] = &fstest.MapFile{Data: b}
		}
		return nil
	})
	return m
}

// BenchmarkBuild builds whole sites in memory: the sample, and synthetic sites of
// months × units. Pages and megabytes per build are reported beside time and memory.
func BenchmarkBuild(b *testing.B) {
	cases := []struct {
		name string
		src  fs.FS
	}{
		{"sample", repo},
		{"synthetic-24m-50u", synthetic(24, 50)},
		{"synthetic-120m-200u", synthetic(120, 200)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var pages, bytes int
			for b.Loop() {
				files, probs, err := pipeline.Site(pipeline.Options{Source: c.src, ECharts: fakeECharts})
				if err != nil {
					b.Fatalf("%v\n%s", err, probs)
				}
				pages, bytes = 0, int(files.Size())
				for p := range files {
					if strings.HasSuffix(p, ".html") {
						pages++
					}
				}
			}
			b.ReportMetric(float64(pages), "pages")
			b.ReportMetric(float64(bytes)/1e6, "MB")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(pages), "µs/page")
		})
	}
}

// BenchmarkCheck loads and validates without rendering.
func BenchmarkCheck(b *testing.B) {
	src := synthetic(120, 200)
	for b.Loop() {
		if _, probs := pipeline.Check(src); probs.HasErrors() {
			b.Fatal(probs)
		}
	}
}

// BenchmarkToDir builds the site at $CHISO_BENCH_SOURCE into a temporary folder, as
// `chiso build` does (streaming writes): for profiles of bench/run.sh's sites, e.g.
// CHISO_BENCH_SOURCE=/tmp/b/chiso-province go test ./internal/pipeline -run '^$' -bench ToDir -cpuprofile cpu.out
func BenchmarkToDir(b *testing.B) {
	dir := os.Getenv("CHISO_BENCH_SOURCE")
	if dir == "" {
		b.Skip("CHISO_BENCH_SOURCE is not set")
	}
	out := b.TempDir() + "/out"
	for b.Loop() {
		if _, probs, err := pipeline.ToDir(pipeline.Options{Source: os.DirFS(dir), ECharts: fakeECharts, Dir: dir}, out); err != nil {
			b.Fatalf("%v\n%s", err, probs)
		}
	}
}
