package pipeline_test

import (
	"os"
	"testing"

	"chiso/internal/pipeline"
)

// BenchmarkCheckSample times `chiso check --full` on the sample site (load, validate and
// render in memory: pipeline.Site) and plain `chiso check` (pipeline.Validate).
func BenchmarkCheckSample(b *testing.B) {
	src := os.DirFS("../..")
	b.Run("site", func(b *testing.B) {
		for b.Loop() {
			if _, probs, err := pipeline.Site(pipeline.Options{Source: src}); err != nil {
				b.Fatal(probs)
			}
		}
	})
	b.Run("validate", func(b *testing.B) {
		for b.Loop() {
			pipeline.Validate(src)
		}
	})
}
