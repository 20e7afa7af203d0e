package load

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// positions maps a key path inside one TOML file to the line and column where it is
// written. Paths look like "result[3].levels.tinh": array-of-tables rows carry their
// index. BurntSushi/toml reports type errors inside [[tables]] at the last row and gives
// no key positions, so we index the source ourselves; the scanner understands just enough
// TOML (headers, keys, inline tables, arrays, strings, comments) to place keys.
type positions map[string][2]int

// maxLocateDepth bounds the brackets and dotted keys whose paths the scanner records:
// deeper values are refused by the size checks anyway (limits.go), and without a bound
// a 64 KB nest of arrays builds paths of quadratic total size (1,6 GB).
const maxLocateDepth = 2 * MaxDepth

func locate(src string) positions {
	s := &scanner{pos: positions{}, arrays: map[string]int{}}
	lines := strings.Split(src, "\n")
	for s.line = 0; s.line < len(lines); s.line++ {
		text := lines[s.line]
		if s.inMultiline != "" {
			if i := strings.Index(text, s.inMultiline); i >= 0 {
				s.inMultiline = ""
			}
			continue
		}
		if s.depth > 0 { // continuation of a multi-line array or table value
			s.value(text, 0, s.valuePath)
			continue
		}
		s.statement(text)
	}
	return s.pos
}

type scanner struct {
	pos         positions
	colLine     int // the column cache of s.col: line, byte offset and runes before it
	colByte     int
	colRunes    int
	arrays      map[string]int // resolved array-of-tables path → rows seen
	table       string         // resolved path of the current [table]
	line        int
	inMultiline string // closing delimiter of an open multi-line string
	depth       int    // open brackets of a multi-line value
	valuePath   string
	stack       []frame
}

// frame is one open bracket inside a value: an inline table or an array with its count.
type frame struct {
	path  string
	array bool
	n     int
}

// col is runeCol with a cache: a value of a million elements on one line would otherwise
// count the line's runes from its start once per element.
func (s *scanner) col(text string, i int) int {
	if s.colLine != s.line+1 || i < s.colByte {
		s.colLine, s.colByte, s.colRunes = s.line+1, 0, 0
	}
	s.colRunes += utf8.RuneCountInString(text[s.colByte:i])
	s.colByte = i
	return s.colRunes + 1
}

// maxElems bounds the elements of one array whose positions are recorded: a real file
// has a few dozen, and an error in a later one falls back to the array's own line.
const maxElems = 10000

func (s *scanner) at(path string, col int) {
	if _, ok := s.pos[path]; !ok {
		s.pos[path] = [2]int{s.line + 1, col}
	}
}

func (s *scanner) statement(text string) {
	i := skipSpace(text, 0)
	if i >= len(text) || text[i] == '#' {
		return
	}
	if text[i] == '[' {
		s.header(text, i)
		return
	}
	keys, j := readKeys(text, i, '=')
	if len(keys) == 0 {
		return
	}
	if len(keys) > maxLocateDepth {
		keys = keys[:maxLocateDepth]
	}
	path := join(s.table, keys...)
	s.at(path, s.col(text, i))
	j = skipSpace(text, j)
	if j < len(text) && text[j] == '=' {
		s.value(text, j+1, path)
	}
}

func (s *scanner) header(text string, i int) {
	array := strings.HasPrefix(text[i:], "[[")
	start := i + 1
	if array {
		start++
	}
	keys, _ := readKeys(text, start, ']')
	if len(keys) > maxLocateDepth {
		keys = keys[:maxLocateDepth]
	}
	resolved := ""
	for k, key := range keys {
		p := join(resolved, key)
		switch {
		case k == len(keys)-1 && array:
			n := s.arrays[p]
			s.arrays[p] = n + 1
			resolved = p + "[" + strconv.Itoa(n) + "]"
		default:
			if n, ok := s.arrays[p]; ok {
				resolved = p + "[" + strconv.Itoa(n-1) + "]"
			} else {
				resolved = p
			}
		}
	}
	s.table = resolved
	s.at(resolved, s.col(text, i))
}

// value walks a value from byte i, recording keys of inline tables and indexes of
// arrays, and keeps bracket depth across lines.
func (s *scanner) value(text string, i int, path string) {
	if s.depth == 0 {
		s.stack = s.stack[:0]
		s.valuePath = path
	}
	for i < len(text) {
		c := text[i]
		switch {
		case c == '#':
			return
		case c == '"' || c == '\'':
			triple := strings.Repeat(string(c), 3)
			if strings.HasPrefix(text[i:], triple) {
				if end := strings.Index(text[i+3:], triple); end >= 0 {
					i += 3 + end + 3
					continue
				}
				s.inMultiline = triple
				return
			}
			i = skipString(text, i)
		case c == '{':
			p := s.elemPath(path, s.col(text, i))
			s.stack = append(s.stack, frame{path: p})
			s.depth++
			i++
			// keys of the inline table follow
			for {
				i = skipSpace(text, i)
				if i >= len(text) || text[i] == '}' {
					break
				}
				keys, j := readKeys(text, i, '=')
				if len(keys) == 0 {
					break
				}
				s.at(join(p, keys...), s.col(text, i))
				j = skipSpace(text, j)
				if j >= len(text) || text[j] != '=' {
					i = j
					break
				}
				i = s.inlineValue(text, j+1, join(p, keys...))
				i = skipSpace(text, i)
				if i < len(text) && text[i] == ',' {
					i++
				}
			}
		case c == '}' || c == ']':
			if s.depth > 0 {
				s.depth--
				s.stack = s.stack[:len(s.stack)-1]
			}
			i++
		case c == '[':
			p := s.elemPath(path, s.col(text, i))
			s.stack = append(s.stack, frame{path: p, array: true})
			s.depth++
			i++
		case c == ' ' || c == '\t' || c == ',' || c == '\r':
			i++
		default:
			s.elemPath(path, s.col(text, i)) // a scalar element of an array
			for i < len(text) && !strings.ContainsRune(" \t,]}#\r", rune(text[i])) {
				i++
			}
		}
	}
}

// inlineValue scans one value inside an inline table and returns the byte after it.
func (s *scanner) inlineValue(text string, i int, path string) int {
	i = skipSpace(text, i)
	if i >= len(text) {
		return i
	}
	switch text[i] {
	case '"', '\'':
		return skipString(text, i)
	case '{', '[':
		// nested structures inside inline tables are rare in our files; record and skip
		depth := 0
		for ; i < len(text); i++ {
			switch text[i] {
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			case '"', '\'':
				i = skipString(text, i) - 1
			}
		}
		return i
	}
	for i < len(text) && !strings.ContainsRune(",}#", rune(text[i])) {
		i++
	}
	return i
}

// elemPath gives the path of the next element when inside an array, and records it.
func (s *scanner) elemPath(path string, col int) string {
	if len(s.stack) == 0 || len(s.stack) > maxLocateDepth {
		return path
	}
	top := &s.stack[len(s.stack)-1]
	if !top.array {
		return path
	}
	if top.n >= maxElems {
		return top.path
	}
	p := top.path + "[" + strconv.Itoa(top.n) + "]"
	top.n++
	s.at(p, col)
	return p
}

func skipSpace(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
		i++
	}
	return i
}

func skipString(text string, i int) int {
	q := text[i]
	i++
	for i < len(text) {
		if q == '"' && text[i] == '\\' {
			i += 2
			continue
		}
		if text[i] == q {
			return i + 1
		}
		i++
	}
	// An escape at the very end ("\) steps past the text.
	return min(i, len(text))
}

// readKeys reads a dotted key (bare or quoted parts) up to stop or '='.
func readKeys(text string, i int, stop byte) ([]string, int) {
	var keys []string
	for {
		i = skipSpace(text, i)
		if i >= len(text) {
			return keys, i
		}
		switch c := text[i]; {
		case c == '"' || c == '\'':
			end := skipString(text, i)
			raw := text[i:end]
			if c == '"' {
				if u, err := strconv.Unquote(raw); err == nil {
					raw = u
				} else {
					raw = strings.Trim(raw, `"`)
				}
			} else {
				raw = strings.Trim(raw, "'")
			}
			keys = append(keys, raw)
			i = end
		default:
			j := i
			for j < len(text) && isBare(text[j]) {
				j++
			}
			if j == i {
				return keys, i
			}
			keys = append(keys, text[i:j])
			i = j
		}
		i = skipSpace(text, i)
		if i < len(text) && text[i] == '.' {
			i++
			continue
		}
		return keys, i
	}
}

func isBare(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func join(base string, keys ...string) string {
	for _, k := range keys {
		if base == "" {
			base = k
		} else {
			base += "." + k
		}
	}
	return base
}
