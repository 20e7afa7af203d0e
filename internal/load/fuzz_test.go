package load

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"chiso/internal/diag"
)

// Fuzz targets: whatever an editor types, the loader answers with diagnostics at a file
// and line — no panic, no runaway memory. Found inputs live in testdata/fuzz/; run each
// target for a while with
//
//	go test ./internal/load -run '^$' -fuzz '^FuzzPeriodFile$' -fuzztime 30s
//
// (scripts/fuzz runs every target for a few seconds, for CI).

// minimalFS is the broken-input corpus's base site (without templates: the loader does
// not read them).
func minimalFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := os.DirFS("../pipeline/testdata/minimal")
	for _, name := range []string{"config.toml", "data/documents.toml", "data/indicators.toml", "data/levels.toml",
		"data/periods/2024-04.toml", "data/periods/2024-05.toml", "content/gioi-thieu.md"} {
		b, err := readAll(root, name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: b}
	}
	return m
}

// hostileSeeds are inputs that once broke the loader or its locator.
var hostileSeeds = []string{
	`"\`,
	"x = \"\\",
	strings.Repeat("[", 70000),
	"a = " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000),
	"[" + strings.Repeat("a.", 5000) + "b]\n",
	"x = '''\n",
	"x = \"\"\"\n\\q\n\"\"\"",
	"x = { a = { b = { c = [ { d = 1 } ] } } }",
	"rank = 99999999999999999999",
}

// loadWith loads the minimal site with one file replaced and checks every diagnostic
// names a file and a line.
func loadWith(t *testing.T, base fstest.MapFS, name string, data []byte) {
	m := fstest.MapFS{}
	for k, v := range base {
		m[k] = v
	}
	m[name] = &fstest.MapFile{Data: data}
	_, probs := Site(m)
	for _, d := range probs {
		if d.Pos.File == "" || d.Pos.Line < 1 && d.Code != diag.NoPeriods && d.Code != diag.ReadFailed {
			t.Errorf("no file and line: %s", d)
		}
		if strings.Contains(d.String(), "%!") && !strings.Contains(string(data), "%!") {
			t.Errorf("broken format: %s", d)
		}
	}
}

func fuzzFile(f *testing.F, name string) {
	base := minimalFS(f)
	if orig, ok := base[name]; ok {
		f.Add(orig.Data)
	}
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan bool)
		go func() { loadWith(t, base, name, data); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("loading %d bytes takes more than 5 s: %q", len(data), data)
		}
	})
}

func FuzzPeriodFile(f *testing.F)  { fuzzFile(f, "data/periods/2024-05.toml") }
func FuzzConfig(f *testing.F)      { fuzzFile(f, "config.toml") }
func FuzzFrontMatter(f *testing.F) { fuzzFile(f, "content/gioi-thieu.md") }

// FuzzLocate: the key locator never panics and never records more paths than the text
// has characters (each recorded path costs memory).
func FuzzLocate(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	f.Add("[[result]]\nlevels = { tinh = 95, huyen = [1, 2, { a = 3 }] }\n")
	f.Fuzz(func(t *testing.T, src string) {
		pos := locate(src)
		if len(pos) > len(src)+1 {
			t.Errorf("%d positions for %d bytes", len(pos), len(src))
		}
		total := 0
		for p := range pos {
			total += len(p)
		}
		if total > 64*(len(src)+1)*maxLocateDepth {
			t.Errorf("paths of %d bytes for %d bytes of text", total, len(src))
		}
	})
}

func readAll(fsys fs.FS, name string) ([]byte, error) { return fs.ReadFile(fsys, name) }
