package pipeline

import (
	"io/fs"
	"os"
	"testing"
)

// BenchmarkRenderPages runs every page's template (and takes its search entry) on one
// core, without the steps before and after: the sample, or the site at
// $CHISO_BENCH_SOURCE (e.g. bench/run.sh's province), for profiles of the templates:
//
//	CHISO_BENCH_SOURCE=/tmp/b/chiso-province go test ./internal/pipeline -run '^$' -bench RenderPages -cpuprofile cpu.out
func BenchmarkRenderPages(b *testing.B) {
	var src fs.FS = os.DirFS("../..")
	if dir := os.Getenv("CHISO_BENCH_SOURCE"); dir != "" {
		src = os.DirFS(dir)
	}
	bd := englishBuilder(b, src)
	bd.keepQueued = true // every page stays queued to be rendered again and again
	if err := bd.writeArticles(); err != nil {
		b.Fatal(err)
	}
	for _, step := range bd.pageSteps() {
		if err := step(); err != nil {
			b.Fatal(err)
		}
	}
	size := 0
	for b.Loop() {
		size = 0
		for _, j := range bd.jobs {
			_, page, err := bd.renderPage(j)
			if err != nil {
				b.Fatal(err)
			}
			size += len(page)
		}
	}
	b.ReportMetric(float64(len(bd.jobs)), "pages")
	b.ReportMetric(float64(size)/1e6, "MB")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(bd.jobs)), "µs/page")
}
