// Package golden keeps expected output that a person has read. A golden file starts with
// header lines beginning with "#"; the first names who reviewed it:
//
//	# Reviewed by: NAME, DATE — what they checked it against.
//
// Check never rewrites a golden file. With -update a test writes what the code prints now
// beside it, as NAME.new, prints the difference and fails; a person reads the difference,
// moves the .new file over the golden file and writes their name in its first line. CI
// never runs -update.
package golden

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// Pending is the first line of a .new file: a golden file that still has it was not read.
const Pending = "# Reviewed by: NOBODY YET — read the diff the test printed, then write your name and date here."

// Check compares got with the golden file at path (its "#" header lines left out). With
// update, it writes path+".new" (with got under a Pending header), prints the diff and
// fails, so that an update never passes by itself.
func Check(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil && !update {
		t.Fatalf("%v (run the test with -update to write %s.new, then review it)", err, path)
		return
	}
	header, want := split(src)
	if update {
		if bytes.Equal(got, want) {
			return
		}
		note := "# (new file)\n"
		if len(header) > 0 {
			note = "# Was: " + strings.TrimPrefix(firstLine(header), "# ") + "\n"
		}
		if err := os.WriteFile(path+".new", []byte(Pending+"\n"+note+string(got)), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Fatalf("%s differs; wrote %s.new. Read the difference (- golden, + now):\n%s\nIf every line is right, move %s.new over %s and put your name in its first line.",
			path, path, Diff(string(want), string(got)), path, path)
		return
	}
	if r := firstLine(header); !strings.HasPrefix(r, "# Reviewed by: ") || r == Pending {
		t.Errorf("%s: the first line must say who reviewed it (# Reviewed by: NAME, DATE), got %q", path, r)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (- golden, + now):\n%s\nIf the change is intended, run with -update, review %s.new and move it over the golden file.",
			path, Diff(string(want), string(got)), path)
	}
}

// split separates the leading "#" lines from the content.
func split(src []byte) (header, body []byte) {
	i := 0
	for i < len(src) && src[i] == '#' {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return src, nil
		}
		i += j + 1
	}
	return src[:i], src[i:]
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	return s
}

// Diff is a line diff of a and b: unchanged lines start with two spaces, removed ones
// with "- ", added ones with "+ "; runs of more than three unchanged lines are cut.
func Diff(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	// Longest common subsequence, by dynamic programming: golden files are short.
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type line struct {
		op   byte
		text string
	}
	var out []line
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			out = append(out, line{' ', x[i]})
			i, j = i+1, j+1
		case i < len(x) && (j == len(y) || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, line{'-', x[i]})
			i++
		default:
			out = append(out, line{'+', y[j]})
			j++
		}
	}
	keep := make([]bool, len(out))
	for k, l := range out {
		if l.op != ' ' {
			for d := max(0, k-3); d <= min(len(out)-1, k+3); d++ {
				keep[d] = true
			}
		}
	}
	var s strings.Builder
	for k, l := range out {
		if !keep[k] {
			if k == 0 || keep[k-1] {
				s.WriteString("  …\n")
			}
			continue
		}
		fmt.Fprintf(&s, "%c %s\n", l.op, l.text)
	}
	return s.String()
}
