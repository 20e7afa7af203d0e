package build_test

import (
	"os"
	"testing"

	"chiso/internal/build"
)

// BenchmarkCheckSample times what `chiso check` does on the sample site: load, validate
// and render in memory (build.Site), and load and validate alone (build.Check).
func BenchmarkCheckSample(b *testing.B) {
	src := os.DirFS("../..")
	b.Run("site", func(b *testing.B) {
		for b.Loop() {
			if _, probs, err := build.Site(build.Options{Source: src}); err != nil {
				b.Fatal(probs)
			}
		}
	})
	b.Run("load+validate", func(b *testing.B) {
		for b.Loop() {
			build.Check(src)
		}
	})
}
