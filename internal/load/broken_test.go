package load

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
)

// sampleWith is the repository's sample site with some files replaced.
func sampleWith(t *testing.T, replace map[string]string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	root := os.DirFS("../..")
	for _, pat := range []string{"config.toml", "data/*.toml", "data/periods/*.toml"} {
		names, _ := fs.Glob(root, pat)
		for _, n := range names {
			b, err := fs.ReadFile(root, n)
			if err != nil {
				t.Fatal(err)
			}
			m[n] = &fstest.MapFile{Data: b}
		}
	}
	for n, text := range replace {
		m[n] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

// A file that cannot be parsed is one error; what refers to it is not reported as
// unknown (a broken documents.toml used to give 13 false "không có văn bản" errors).
func TestOneBrokenFileOneError(t *testing.T) {
	for _, name := range []string{"data/documents.toml", "data/levels.toml", "data/units.toml", "data/indicators.toml", "data/entities.toml"} {
		t.Run(name, func(t *testing.T) {
			orig, _ := os.ReadFile("../../" + name)
			_, probs := Site(sampleWith(t, map[string]string{name: "x y\n" + string(orig)}))
			if e, _ := probs.Count(); e != 1 || probs[0].Pos.File != name || probs[0].Pos.Line != 1 {
				t.Fatalf("want one error at %s:1, got %d:\n%s", name, e, probs.String())
			}
		})
	}
}

// Every file's syntax error is reported in one run.
func TestEverySyntaxErrorInOneRun(t *testing.T) {
	broken := map[string]string{}
	for _, name := range []string{"config.toml", "data/levels.toml", "data/periods/2024-05.toml", "data/periods/2025-03.toml"} {
		orig, _ := os.ReadFile("../../" + name)
		broken[name] = "x y\n" + string(orig)
	}
	_, probs := Site(sampleWith(t, broken))
	got := map[string]bool{}
	for _, d := range probs {
		got[d.Pos.File] = true
	}
	if e, _ := probs.Count(); e != len(broken) {
		t.Errorf("want %d errors, got %d:\n%s", len(broken), e, probs.String())
	}
	for name := range broken {
		if !got[name] {
			t.Errorf("no error for %s:\n%s", name, probs.String())
		}
	}
}
