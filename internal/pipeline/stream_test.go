package pipeline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"chiso/internal/pipeline"
	"chiso/internal/publish"
)

// ToDir writes files while it builds and lets go of them; the folder it leaves holds
// exactly what Site builds in memory, byte for byte, plus the output marker, and the
// closing line counts them.
func TestToDirMatchesSite(t *testing.T) {
	_, src := onDisk(t, minimalSite(t))
	opts := pipeline.Options{Source: src, ECharts: []byte("/* echarts */")}
	files, probs, err := pipeline.Site(opts)
	if err != nil {
		t.Fatalf("%v\n%s", err, probs)
	}
	out := filepath.Join(t.TempDir(), "public")
	st, probs, err := pipeline.ToDir(opts, out)
	if err != nil {
		t.Fatalf("%v\n%s", err, probs)
	}
	var size int64
	pages := 0
	for p, want := range files {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("%s: %v", p, err)
		} else if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the build in memory", p)
		}
		size += int64(len(want))
		if filepath.Ext(p) == ".html" {
			pages++
		}
	}
	written := tree(t, out)
	delete(written, ".")
	dirs := 0
	for p, v := range written {
		if v[0] == 'd' {
			dirs++
		} else if _, ok := files[filepath.ToSlash(p)]; !ok && p != publish.Marker {
			t.Errorf("%s written but not built", p)
		}
	}
	if n := len(written) - dirs; n != len(files)+1 {
		t.Errorf("%d files written, want %d and the marker", n, len(files))
	}
	if st.Files != len(files) || st.Bytes != size || st.Pages != pages {
		t.Errorf("stats %d files, %d bytes, %d pages; want %d, %d, %d", st.Files, st.Bytes, st.Pages, len(files), size, pages)
	}
}
