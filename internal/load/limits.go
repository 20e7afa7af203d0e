package load

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"chiso/internal/diag"
)

// Limits on what a source file may hold. Real files stay far below them; beyond them a
// typing accident or a hostile file would cost gigabytes in every page and download
// that repeats the text.
const (
	// MaxString is the longest text value, in characters: a definition or a document
	// title is a few hundred.
	MaxString = 4000
	// MaxDepth is the deepest nesting of tables and arrays: our files use three.
	MaxDepth = 8
)

// limits reports the first value of a decoded file beyond MaxString or MaxDepth, at its
// key's line; false means the file must not be read further.
func (f *file) limits(m map[string]any) bool {
	path, code, ok := overLimit("", m, 1)
	if ok {
		return true
	}
	arg := strconv.Itoa(MaxString)
	if code == diag.TooDeep {
		arg = strconv.Itoa(MaxDepth)
	}
	f.probs.Errorf(f.at(path), code, arg)
	return false
}

// overLimit walks v in key order (so the first problem reported is always the same).
func overLimit(path string, v any, depth int) (string, diag.Code, bool) {
	if depth > MaxDepth {
		return path, diag.TooDeep, false
	}
	switch x := v.(type) {
	case string:
		if len(x) > MaxString && utf8.RuneCountInString(x) > MaxString {
			return path, diag.StringTooLong, false
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if p, c, ok := overLimit(join(path, k), x[k], depth+1); !ok {
				return p, c, false
			}
		}
	case []map[string]any:
		for i, e := range x {
			if p, c, ok := overLimit(path+"["+strconv.Itoa(i)+"]", e, depth+1); !ok {
				return p, c, false
			}
		}
	case []any:
		for i, e := range x {
			if p, c, ok := overLimit(path+"["+strconv.Itoa(i)+"]", e, depth+1); !ok {
				return p, c, false
			}
		}
	}
	return path, "", true
}

// stringOpening moves an "unclosed multi-line string" error from the end of the file,
// where the TOML library notices it, to the line where the string was opened: the line
// the editor has to fix.
func stringOpening(text, msg string, line, col int) (int, int) {
	delim := ""
	switch {
	case strings.Contains(msg, `expected '"""'`):
		delim = `"""`
	case strings.Contains(msg, `expected "'''"`):
		delim = `'''`
	default:
		return line, col
	}
	lines := strings.Split(text, "\n")
	open := 0
	for i := 0; i < len(lines) && i < line; i++ {
		if strings.Count(lines[i], delim)%2 == 1 {
			if open == 0 {
				open = i + 1
			} else {
				open = 0
			}
		}
	}
	if open == 0 {
		return line, col
	}
	return open, utf8.RuneCountInString(lines[open-1][:strings.Index(lines[open-1], delim)]) + 1
}

// tooDeep scans the text before the TOML library sees it: nesting of [ ] and { } beyond
// MaxDepth (and dotted keys longer than that) cost the library seconds and the locator
// memory out of all proportion, so they are refused at their line first. Strings and
// comments are skipped; the scan is one pass.
func tooDeep(name, text string) (diag.Pos, bool) {
	depth, line, lineStart := 0, 1, 0
	dots, seenEquals := 0, false
	at := func(i int) diag.Pos {
		return diag.Pos{File: name, Line: line, Col: utf8.RuneCountInString(text[lineStart:i]) + 1}
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '\n':
			line, lineStart, dots, seenEquals = line+1, i+1, 0, false
		case '#':
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			q := text[i : i+1]
			if strings.HasPrefix(text[i:], q+q+q) {
				end := strings.Index(text[i+3:], q+q+q)
				if end < 0 {
					return diag.Pos{}, false // unclosed: the library says so
				}
				skipped := text[i : i+3+end+3]
				line += strings.Count(skipped, "\n")
				if k := strings.LastIndexByte(skipped, '\n'); k >= 0 {
					lineStart = i + k + 1
				}
				i += 3 + end + 2
				continue
			}
			for i++; i < len(text) && text[i] != c && text[i] != '\n'; i++ {
				if c == '"' && text[i] == '\\' {
					i++
				}
			}
			if i < len(text) && text[i] == '\n' {
				i-- // the newline is counted by the loop
			}
		case '[', '{':
			if depth++; depth > MaxDepth+1 {
				return at(i), true
			}
		case ']', '}':
			depth = max(depth-1, 0)
		case '=':
			seenEquals = true
		case '.':
			if !seenEquals {
				if dots++; dots > 2*MaxDepth {
					return at(i), true
				}
			}
		}
	}
	return diag.Pos{}, false
}
