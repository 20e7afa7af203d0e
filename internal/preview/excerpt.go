package preview

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"

	"chiso/internal/diag"
)

// excerptLine is one line of the source shown under an error on the preview's error
// page: the offending line is marked, with a caret under the column when known.
type excerptLine struct {
	Number string // right-aligned, so the text columns line up
	Text   string
	Here   bool
	Caret  string // the text before the column, blanked (tabs kept), then the caret
}

// excerptAround is the source around p: two lines before and after.
const excerptAround = 2

// excerpt reads the lines around p from the site's source; nil when the problem has no
// line or the file cannot be read (a missing file, a directory).
func excerpt(fsys fs.FS, p diag.Pos) []excerptLine {
	if p.File == "" || p.Line < 1 {
		return nil
	}
	data, err := fs.ReadFile(fsys, p.File)
	if err != nil || !utf8.Valid(data) {
		return nil
	}
	lines := strings.Split(strings.TrimPrefix(string(data), "\ufeff"), "\n")
	if p.Line > len(lines) {
		return nil
	}
	from, to := max(1, p.Line-excerptAround), min(len(lines), p.Line+excerptAround)
	width := len(fmt.Sprint(to))
	var out []excerptLine
	for n := from; n <= to; n++ {
		text := strings.TrimRight(lines[n-1], "\r")
		l := excerptLine{Number: fmt.Sprintf("%*d", width, n), Text: text, Here: n == p.Line}
		if l.Here && p.Col >= 1 {
			l.Caret = blank(text, p.Col-1) + "^"
		}
		out = append(out, l)
	}
	return out
}

// blank is the first n runes of s with every rune but a tab made a space, so a caret
// printed after it stands under rune n+1 of s in a monospace font.
func blank(s string, n int) string {
	var b strings.Builder
	for _, r := range s {
		if n == 0 {
			break
		}
		n--
		if r == '\t' {
			b.WriteRune('\t')
		} else {
			b.WriteRune(' ')
		}
	}
	return b.String()
}
