package pipeline_test

import (
	"os"
	"testing"

	"chiso/internal/pipeline"
)

// BenchmarkCheckSample times what `chiso check` does on the sample site: load, validate
// and render in memory (pipeline.Site), and load and validate alone (pipeline.Check).
func BenchmarkCheckSample(b *testing.B) {
	src := os.DirFS("../..")
	b.Run("site", func(b *testing.B) {
		for b.Loop() {
			if _, probs, err := pipeline.Site(pipeline.Options{Source: src}); err != nil {
				b.Fatal(probs)
			}
		}
	})
	b.Run("load+validate", func(b *testing.B) {
		for b.Loop() {
			pipeline.Check(src)
		}
	})
}
