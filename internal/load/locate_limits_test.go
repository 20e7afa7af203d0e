package load

import (
	"runtime"
	"strings"
	"testing"
)

// TestLocateBounded: the locator's memory grows with the text, not with its nesting (a
// 64 KB nest of arrays once cost 1,6 GB), and a text ending inside an escape ("\) does
// not panic.
func TestLocateBounded(t *testing.T) {
	for _, src := range []string{
		"a = " + strings.Repeat("[", 1<<16),
		"a = " + strings.Repeat("[", 1<<15) + strings.Repeat("]", 1<<15),
		"a = " + strings.Repeat("{b=", 1<<14),
		"[" + strings.Repeat("a.", 1<<15) + "b]\n",
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		locate(src)
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
			t.Errorf("%.20s… (%d bytes): the locator allocated %d MB", src, len(src), grew>>20)
		}
	}
	for _, src := range []string{`"\`, `x = "\`, `[ "\`, `a = { "\`} {
		locate(src) // must not panic
	}
}
