package vietnamese

// Golden tests, in the style of goldmark's spec tests.
//
// Each file testdata/*.txt holds cases of this form:
//
//	FunctionName
//	input
//	//- - -
//	expected output
//
// Cases are separated by blank lines; lines starting with "#" between cases
// are comments. Files must be NFC, so that NFD input is always written
// explicitly.
//
//   - A value (input or output) starting with a double quote is a Go string
//     literal (strconv.Unquote): use it for NFD text ("Ca\u0302\u0301p"),
//     significant spaces or the empty string (""). Otherwise the line is
//     taken as is.
//   - Functions of several arguments take them on one line separated by
//     " | ", each part quoted or not: "Decimal" reads "44.75 | 1".
//   - Numbers are Go literals (strconv.ParseFloat / ParseInt); Round* outputs
//     are written with strconv.FormatFloat(x, 'f', -1, 64); Date reads
//     YYYY-MM-DD or RFC 3339.
//   - Cases of the string functions (NFC, Slug, Fold, Distance) run a second
//     time as a nested subtest "nfd" with every input converted to NFD, and
//     must give the same output.
//
// Each case is a subtest named file:line (file without ".txt", line of the
// function name), which is also where a failure points, so one case runs
// alone with, for example (-run patterns are unanchored, hence ^ and $):
//
//	go test -run '^TestGolden$/^number:6$' ./internal/vietnamese/
//	go test -run '^TestGolden$/^text:27$/^nfd$' ./internal/vietnamese/

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

const goldenSeparator = "//- - -"

type goldenCase struct {
	file, fn, input, want string
	line                  int // line of the function name
}

// goldenFunc runs one function on the already unquoted arguments.
type goldenFunc struct {
	arity int
	nfd   bool // output must not change when inputs are NFD
	run   func(args []string) (string, error)
}

func float1(f func(float64) string) goldenFunc {
	return goldenFunc{arity: 1, run: func(a []string) (string, error) {
		v, err := strconv.ParseFloat(a[0], 64)
		if err != nil {
			return "", err
		}
		return f(v), nil
	}}
}

func floatOut(f func(float64) float64) func(float64) string {
	return func(v float64) string { return strconv.FormatFloat(f(v), 'f', -1, 64) }
}

func string1(f func(string) string) goldenFunc {
	return goldenFunc{arity: 1, nfd: true, run: func(a []string) (string, error) { return f(a[0]), nil }}
}

var goldenFuncs = map[string]goldenFunc{
	"Rate":         float1(Rate),
	"RoundRate":    float1(floatOut(RoundRate)),
	"Score":        float1(Score),
	"RoundScore":   float1(floatOut(RoundScore)),
	"PointsChange": float1(PointsChange),
	"Direction":    float1(func(v float64) string { return strconv.Itoa(Direction(v)) }),
	"Decimal": {arity: 2, run: func(a []string) (string, error) {
		v, err := strconv.ParseFloat(a[0], 64)
		if err != nil {
			return "", err
		}
		n, err := strconv.Atoi(a[1])
		if err != nil {
			return "", err
		}
		return Decimal(v, n), nil
	}},
	"Int": {arity: 1, run: func(a []string) (string, error) {
		n, err := strconv.ParseInt(a[0], 10, 64)
		if err != nil {
			return "", err
		}
		return Int(n), nil
	}},
	"Pad2": {arity: 1, run: func(a []string) (string, error) {
		n, err := strconv.Atoi(a[0])
		if err != nil {
			return "", err
		}
		return Pad2(n), nil
	}},
	"Date": {arity: 1, run: func(a []string) (string, error) {
		t, err := time.Parse(time.DateOnly, a[0])
		if err != nil {
			t, err = time.Parse(time.RFC3339, a[0])
		}
		if err != nil {
			return "", err
		}
		return Date(t), nil
	}},
	"MonthYear": {arity: 2, run: func(a []string) (string, error) {
		y, err := strconv.Atoi(a[0])
		if err != nil {
			return "", err
		}
		m, err := strconv.Atoi(a[1])
		if err != nil {
			return "", err
		}
		return MonthYear(y, m), nil
	}},
	"NFC":  string1(NFC),
	"Slug": string1(Slug),
	"Fold": string1(Fold),
	"Distance": {arity: 2, nfd: true, run: func(a []string) (string, error) {
		return strconv.Itoa(Distance(a[0], a[1])), nil
	}},
}

// unquote returns the value of one input or output field.
func unquote(s string) (string, error) {
	if strings.HasPrefix(s, `"`) {
		return strconv.Unquote(s)
	}
	return s, nil
}

// readGolden parses one case file.
func readGolden(path string) ([]goldenCase, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !norm.NFC.IsNormal(data) {
		return nil, fmt.Errorf("%s: file is not NFC; write NFD input as a quoted \\u escape", path)
	}
	file := strings.TrimSuffix(filepath.Base(path), ".txt")
	var (
		cases []goldenCase
		lines []string
	)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		lines = append(lines, strings.TrimSuffix(sc.Text(), "\r"))
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if i+3 >= len(lines) || lines[i+2] != goldenSeparator {
			return nil, fmt.Errorf("%s:%d: want function, input, %q, output", path, i+1, goldenSeparator)
		}
		if _, ok := goldenFuncs[l]; !ok {
			return nil, fmt.Errorf("%s:%d: unknown function %q", path, i+1, l)
		}
		cases = append(cases, goldenCase{file: file, fn: l, input: lines[i+1], want: lines[i+3], line: i + 1})
		i += 3
		if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			return nil, fmt.Errorf("%s:%d: want a blank line after a case", path, i+2)
		}
	}
	return cases, sc.Err()
}

func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no testdata/*.txt")
	}
	seen := map[string]int{}
	for _, path := range paths {
		cases, err := readGolden(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			seen[c.fn]++
			t.Run(fmt.Sprintf("%s:%d", c.file, c.line), func(t *testing.T) {
				runGolden(t, path, c, false)
				if goldenFuncs[c.fn].nfd {
					t.Run("nfd", func(t *testing.T) { runGolden(t, path, c, true) })
				}
			})
		}
	}
	for fn := range goldenFuncs {
		if seen[fn] == 0 {
			t.Errorf("no golden case for %s", fn)
		}
	}
}

func runGolden(t *testing.T, path string, c goldenCase, nfd bool) {
	t.Helper()
	f := goldenFuncs[c.fn]
	parts := []string{c.input}
	if f.arity > 1 {
		parts = strings.Split(c.input, " | ")
	}
	if len(parts) != f.arity {
		t.Fatalf("%s:%d: %s takes %d arguments separated by \" | \", got %q", path, c.line+1, c.fn, f.arity, c.input)
	}
	args := make([]string, len(parts))
	for i, p := range parts {
		a, err := unquote(p)
		if err != nil {
			t.Fatalf("%s:%d: input %q: %v", path, c.line+1, p, err)
		}
		if nfd {
			a = norm.NFD.String(a)
		}
		args[i] = a
	}
	want, err := unquote(c.want)
	if err != nil {
		t.Fatalf("%s:%d: output %q: %v", path, c.line+3, c.want, err)
	}
	got, err := f.run(args)
	if err != nil {
		t.Fatalf("%s:%d: input %q: %v", path, c.line+1, c.input, err)
	}
	if got != want {
		t.Errorf("%s:%d: %s(%s)\n got: %q\nwant: %q", path, c.line, c.fn, c.input, got, want)
	}
}
