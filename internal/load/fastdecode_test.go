package load

import (
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// agreeWithLibrary fails when fastDecode accepts src but toml.Decode and locate do not
// give the same values and positions (or the library refuses the file).
func agreeWithLibrary(t *testing.T, src string) bool {
	t.Helper()
	if !utf8.ValidString(src) { // parse refuses it before decoding
		return false
	}
	m, pos, ok := fastDecode(src)
	if !ok {
		return false
	}
	want := map[string]any{}
	if _, err := toml.Decode(src, &want); err != nil {
		t.Fatalf("fast path accepts what the library refuses (%v):\n%s", err, src)
	}
	if path, _, within := overLimit("", want, 1); !within {
		t.Fatalf("fast path accepts a value beyond the limits at %s:\n%s", path, src)
	}
	if !reflect.DeepEqual(m, want) {
		t.Fatalf("values differ:\nfast    %#v\nlibrary %#v\nfile:\n%s", m, want, src)
	}
	if wantPos := locate(src); !reflect.DeepEqual(pos, wantPos) {
		for k, v := range wantPos {
			if pos[k] != v {
				t.Errorf("position of %q: fast %v, locate %v", k, pos[k], v)
			}
		}
		for k, v := range pos {
			if _, ok := wantPos[k]; !ok {
				t.Errorf("position of %q: fast %v, locate none", k, v)
			}
		}
		t.Fatalf("positions differ for file:\n%s", src)
	}
	return true
}

// randomPeriodFile writes a period file the way editors and converters do, with the
// variations TOML allows (spacing, comments, CRLF, number forms, nesting) and some it
// does not.
func randomPeriodFile(r *rand.Rand) string {
	var b strings.Builder
	nl := "\n"
	if r.Intn(6) == 0 {
		nl = "\r\n"
	}
	pick := func(xs ...string) string { return xs[r.Intn(len(xs))] }
	sp := func() string { return pick("", " ", " ", "  ", "\t") }
	comment := func() string {
		if r.Intn(4) == 0 {
			return sp() + pick("# ghi chú", "#", "# số liệu tháng 5 — Sở Nội vụ", "#\tx")
		}
		return ""
	}
	key := func() string {
		return pick("period", "illustrative", "source_system", "whole", "score", "rank", "x", "a-b", "A_1", "1234", "true", "tinh", "huyen", "xa", "unit", "numerator", "denominator")
	}
	scalar := func() string {
		switch r.Intn(12) {
		case 0:
			return pick(`"2024-05"`, `"Hệ thống thông tin giải quyết thủ tục hành chính"`, `""`, `'literal'`, `"a#b"`, `"it's"`, `'say "hi"'`, `"tab	here"`, `"x\ny"`, `"\u00e9"`, `"""multi"""`, `'''lit'''`, `"unclosed`, `"`+strings.Repeat("ệ", MaxString)+`"`, `'`+strings.Repeat("a", MaxString+1)+`'`)
		case 1:
			return pick("true", "false", "True", "tru")
		case 2:
			return pick("2024-05-20", "2024-02-29", "2023-02-29", "2024-13-01", "0001-01-01", "2024-05-20T10:00:00", "2024-05-20 10:00:00", "1979-05-27T07:32:00Z", "07:32:00")
		case 3:
			return pick("0", "-0", "+0", "00", "01", "1_000", "0x1F", "0o7", "0b1", "inf", "nan", "-inf", "+nan")
		case 4:
			return pick("1.5", "-1.5", "+1.5", "1.", ".5", "1e5", "1E-5", "1e+05", "0e5", "0.0", "-0.0", "1e400", "1.5e", "3.14159265358979323846", "9223372036854775807", "9223372036854775808", "-9223372036854775808")
		default:
			if r.Intn(2) == 0 {
				return fmt.Sprint(r.Intn(100000))
			}
			return fmt.Sprintf("%.*f", r.Intn(4)+1, r.Float64()*100)
		}
	}
	inline := func() string {
		n := r.Intn(4)
		parts := make([]string, n)
		for i := range parts {
			parts[i] = key() + sp() + "=" + sp() + scalar()
		}
		s := "{" + sp() + strings.Join(parts, ","+sp()) + sp()
		if n > 0 && r.Intn(10) == 0 {
			s += ","
		}
		if r.Intn(15) == 0 {
			s += "{ y = 1 }"
		}
		return s + "}"
	}
	array := func() string {
		n := r.Intn(5)
		multi := r.Intn(2) == 0
		s := "[" + sp()
		for i := 0; i < n; i++ {
			if multi {
				s += nl + "  "
			}
			switch r.Intn(4) {
			case 0, 1:
				s += inline()
			case 2:
				s += scalar()
			default:
				if r.Intn(5) == 0 {
					s += "[1, 2]"
				} else {
					s += scalar()
				}
			}
			if i < n-1 || r.Intn(3) == 0 {
				s += "," + sp()
			}
			if multi {
				s += comment()
			}
		}
		if multi {
			s += nl
		}
		return s + "]"
	}
	value := func() string {
		switch r.Intn(6) {
		case 0:
			return array()
		case 1:
			return inline()
		default:
			return scalar()
		}
	}
	headers := []string{"[report]", "[index]", "[index.change]", "[[index.group]]", "[[result]]", "[[unit_score]]",
		"[dossiers]", "[ window ]", "[[result]]", "[[result]]", "[result.x]", "[[result.units]]", "[a.b.c]", "[a]", "[a.b.c.d.e.f]", "[a.b.c.d.e.f.g]", "[[a.b.c.d]]", "[[a.b.c]]",
		"[[a]]", "[\"q\"]", "[x.y]", "[ [bad]]", "[[ok] ]", "[period]"}
	lines := r.Intn(12)
	for i := 0; i < lines; i++ {
		switch r.Intn(8) {
		case 0:
			b.WriteString(pick("", sp(), "# comment", "\t# c"))
		case 1:
			b.WriteString(sp() + pick(headers...) + comment())
		default:
			k := key()
			if r.Intn(30) == 0 {
				k = pick(`"quoted"`, "a.b", "a . b", "ké", "")
			}
			b.WriteString(sp() + k + sp() + "=" + sp() + value() + comment())
		}
		b.WriteString(nl)
	}
	s := b.String()
	for m := r.Intn(3); m > 0 && len(s) > 0; m-- { // a slip of the keyboard
		i := r.Intn(len(s))
		c := pick("", "=", "[", "]", "{", "}", ",", "\"", "'", "#", "\n", "\r", " ", ".", "\x00", "\x7f", "é")
		if r.Intn(2) == 0 {
			s = s[:i] + c + s[i:]
		} else {
			s = s[:i] + c + s[i+1:]
		}
	}
	return s
}

// TestFastDecodeAgrees decodes random period files both ways; the fast path must take a
// good share of them, or the test would prove nothing.
func TestFastDecodeAgrees(t *testing.T) {
	r := rand.New(rand.NewSource(9))
	n, fast := 20000, 0
	if testing.Short() {
		n = 2000
	}
	for i := 0; i < n; i++ {
		if agreeWithLibrary(t, randomPeriodFile(r)) {
			fast++
		}
	}
	if fast < n/10 {
		t.Fatalf("fast path took %d of %d files", fast, n)
	}
	t.Logf("fast path took %d of %d files", fast, n)
}

// TestFastDecodeSources: every TOML file of the repository's sample sites agrees, and
// the period files are read by the fast path (they are what it is for).
func TestFastDecodeSources(t *testing.T) {
	periods := 0
	for _, root := range []string{"../..", "../pipeline/testdata"} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git" || path != root && strings.HasPrefix(d.Name(), ".")) {
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !strings.HasSuffix(path, ".toml") {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ok := agreeWithLibrary(t, strings.TrimPrefix(string(b), "\ufeff"))
			if strings.Contains(path, "data/periods/") && !strings.Contains(path, "testdata/broken") {
				periods++
				if !ok {
					t.Errorf("%s: period file not read by the fast path", path)
				}
			}
			return nil
		})
	}
	if periods == 0 {
		t.Fatal("no period files found")
	}
}

func FuzzFastDecode(f *testing.F) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 50; i++ {
		f.Add(randomPeriodFile(r))
	}
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if _, deep := tooDeep("x.toml", src); deep {
			return
		}
		agreeWithLibrary(t, src)
	})
}
