package pipeline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chiso/internal/cardcache"
	"chiso/internal/pipeline"
)

// The share cards' cache changes no byte of a build: the sample built with no cache, with
// an empty one (cold), with the cards it filed (warm: every card read, none written) and
// with a cache folder that cannot be written gives the same files.
func TestCardCacheSameSite(t *testing.T) {
	dir := t.TempDir()
	build := func(name string, cards *cardcache.Cache) map[string][]byte {
		t.Helper()
		defer cards.Close()
		out := filepath.Join(dir, name)
		if _, probs, err := pipeline.ToDir(pipeline.Options{Source: repo, ECharts: fakeECharts, Cards: cards}, out); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, probs)
		}
		return readTree(t, out)
	}
	same := func(name string, a, b map[string][]byte) {
		t.Helper()
		if len(a) != len(b) {
			t.Fatalf("%s: %d files, without cache %d", name, len(a), len(b))
		}
		for p, data := range b {
			if !bytes.Equal(a[p], data) {
				t.Errorf("%s: %s differs from the build without cache", name, p)
			}
		}
	}
	want := build("none", nil)
	cards := 0
	for p := range want {
		if strings.HasSuffix(p, "/"+pipeline.ShareCardName) {
			cards++
		}
	}
	if cards == 0 {
		t.Fatal("the sample has no share cards")
	}

	cache := filepath.Join(dir, "cache")
	same("cold", build("cold", cardcache.Open(cache)), want)
	filed := entries(t, cache)
	if len(filed) == 0 || len(filed) > cards {
		t.Fatalf("%d entries for %d cards", len(filed), cards)
	}
	same("warm", build("warm", cardcache.Open(cache)), want)
	if again := entries(t, cache); !equalEntries(again, filed) {
		t.Error("the warm build wrote entries: cards were drawn, not read")
	}

	// A file where the cache folder should be: nothing can be written under it.
	blocked := filepath.Join(dir, "blocked")
	os.WriteFile(blocked, nil, 0o666)
	same("unwritable", build("unwritable", cardcache.Open(blocked)), want)
}

// entries are the cache's files with their sizes and times.
func entries(t *testing.T, root string) map[string]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(root, "cards", "??", "*.png"))
	m := map[string]string{}
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			m[f] = st.ModTime().Format(time.RFC3339Nano) + " " + st.Name()
		}
	}
	return m
}

func equalEntries(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
