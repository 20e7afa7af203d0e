package load

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// fastDecode reads valid UTF-8 (parse checks it first) in the plain TOML our data files are written in — bare keys, [table] and
// [[row]] headers, one-line basic or literal strings without escapes, decimal numbers,
// booleans, local dates, arrays of those or of one-line inline tables — in one pass,
// giving the same values toml.Decode gives and the same key positions locate gives.
// Values beyond the limits (limits.go) are left to the slow path too, so what it accepts
// needs no limits walk. Anything else (escapes, multi-line strings, quoted or dotted keys, date-times, a table
// defined twice, …) makes it give up (ok false): the caller then decodes with
// BurntSushi/toml, which also words every syntax error, so a file it accepts here is one
// the library accepts with the same values (fastdecode_test.go compares the two).
//
// Loading a national site is parsing thousands of period files: this cuts that work to
// a fraction (issue 9: check ≤ 10 % of a build).
func fastDecode(src string) (map[string]any, positions, bool) {
	p := &fastParser{
		src:    src,
		root:   map[string]any{},
		pos:    make(positions, strings.Count(src, "=")+strings.Count(src, "[")),
		tables: map[string]bool{},
		arrays: map[string]int{},
	}
	p.cur, p.curDepth = p.root, 1
	if !p.document() {
		return nil, nil, false
	}
	return p.root, p.pos, true
}

// localDate is the location toml.Decode gives a local date (2024-05-20): taken from the
// library itself so the values compare equal.
var localDate = func() *time.Location {
	m := map[string]any{}
	if _, err := toml.Decode("d = 2000-01-01", &m); err != nil {
		panic(err)
	}
	return m["d"].(time.Time).Location()
}()

type fastParser struct {
	src       string
	i         int // byte offset
	line      int // 0-based line of i
	lineStart int // byte offset where that line starts
	root      map[string]any
	cur       map[string]any // the table key/value lines go into
	curPath   string         // its resolved path, as locate writes it
	curDepth  int            // its depth as overLimit counts (the root is 1)
	pos       positions
	tables    map[string]bool // resolved paths of tables made by headers (walkable)
	arrays    map[string]int  // resolved path of a [[row]] array → rows so far
	colLine   int             // the cache of col: line, byte offset and runes before it
	colByte   int
	colRunes  int
}

func (p *fastParser) document() bool {
	for p.i < len(p.src) {
		p.skipBlank()
		if p.i >= len(p.src) {
			break
		}
		switch c := p.src[p.i]; {
		case c == '\n' || c == '\r' || c == '#':
		case c == '[':
			if !p.header() {
				return false
			}
		default:
			if !p.keyValue() {
				return false
			}
		}
		if !p.endOfLine() {
			return false
		}
	}
	return true
}

func (p *fastParser) skipBlank() {
	for p.i < len(p.src) && (p.src[p.i] == ' ' || p.src[p.i] == '\t') {
		p.i++
	}
}

// endOfLine accepts blanks, a comment and the line's end (or the file's).
func (p *fastParser) endOfLine() bool {
	p.skipBlank()
	if p.i < len(p.src) && p.src[p.i] == '#' {
		if !p.comment() {
			return false
		}
	}
	return p.newline()
}

// newline steps over "\n" or "\r\n"; true at the end of the file too.
func (p *fastParser) newline() bool {
	if p.i >= len(p.src) {
		return true
	}
	switch p.src[p.i] {
	case '\r':
		if p.i+1 >= len(p.src) || p.src[p.i+1] != '\n' {
			return false
		}
		p.i++
		fallthrough
	case '\n':
		p.i++
		p.line++
		p.lineStart = p.i
		return true
	}
	return false
}

// comment skips a comment up to its line's end; control characters are refused.
func (p *fastParser) comment() bool {
	for p.i < len(p.src) {
		c := p.src[p.i]
		if c == '\n' || c == '\r' {
			return true
		}
		if c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
		p.i++
	}
	return true
}

// col is the 1-based column of byte offset i on the current line, in characters. It
// counts on from the last call on the line: a value of a million elements on one line
// would otherwise count the line from its start once per element.
func (p *fastParser) col(i int) int {
	if p.colLine != p.line || p.colByte < p.lineStart || i < p.colByte {
		p.colLine, p.colByte, p.colRunes = p.line, p.lineStart, 0
	}
	p.colRunes += utf8.RuneCountInString(p.src[p.colByte:i])
	p.colByte = i
	return p.colRunes + 1
}

func (p *fastParser) at(path string, col int) {
	if _, ok := p.pos[path]; !ok {
		p.pos[path] = [2]int{p.line + 1, col}
	}
}

// bareKey reads a bare key; "" when there is none.
func (p *fastParser) bareKey() string {
	start := p.i
	for p.i < len(p.src) && isBare(p.src[p.i]) {
		p.i++
	}
	return p.src[start:p.i]
}

// header reads [a.b] or [[a.b]] and makes it the current table.
func (p *fastParser) header() bool {
	open := p.i
	array := strings.HasPrefix(p.src[p.i:], "[[")
	p.i++
	if array {
		p.i++
	}
	var keys []string
	for {
		p.skipBlank()
		k := p.bareKey()
		if k == "" || len(keys) == maxLocateDepth {
			return false
		}
		keys = append(keys, k)
		p.skipBlank()
		if p.i < len(p.src) && p.src[p.i] == '.' {
			p.i++
			continue
		}
		break
	}
	closing := "]"
	if array {
		closing = "]]"
	}
	if !strings.HasPrefix(p.src[p.i:], closing) {
		return false
	}
	p.i += len(closing)

	cur, resolved, depth := p.root, "", 1
	for _, k := range keys[:len(keys)-1] {
		path := join(resolved, k)
		switch v := cur[k].(type) {
		case nil:
			if _, taken := cur[k]; taken {
				return false
			}
			m := map[string]any{}
			cur[k] = m
			p.tables[path] = true
			cur, resolved, depth = m, path, depth+1
		case map[string]any:
			if !p.tables[path] {
				return false // an inline table or a key's value
			}
			cur, resolved, depth = v, path, depth+1
		case []map[string]any:
			n, ok := p.arrays[path]
			if !ok {
				return false
			}
			cur, resolved, depth = v[len(v)-1], path+"["+strconv.Itoa(n-1)+"]", depth+2
		default:
			return false
		}
	}
	k := keys[len(keys)-1]
	path := join(resolved, k)
	m := map[string]any{}
	old, taken := cur[k]
	switch {
	case !array && !taken:
		cur[k] = m
		resolved, depth = path, depth+1
	case array && !taken:
		cur[k] = []map[string]any{m}
		p.arrays[path] = 1
		resolved, depth = path+"[0]", depth+2
	case array:
		rows, ok := old.([]map[string]any)
		n, isRows := p.arrays[path]
		if !ok || !isRows {
			return false
		}
		cur[k] = append(rows, m)
		p.arrays[path] = n + 1
		resolved, depth = path+"["+strconv.Itoa(n)+"]", depth+2
	default:
		return false // a table defined twice, or over a value
	}
	if depth > MaxDepth {
		return false
	}
	p.tables[resolved] = true
	p.cur, p.curPath, p.curDepth = m, resolved, depth
	p.at(resolved, p.col(open))
	return true
}

// keyValue reads key = value into the current table.
func (p *fastParser) keyValue() bool {
	start := p.i
	k := p.bareKey()
	if k == "" {
		return false
	}
	if _, taken := p.cur[k]; taken {
		return false
	}
	path := join(p.curPath, k)
	p.at(path, p.col(start))
	p.skipBlank()
	if p.i >= len(p.src) || p.src[p.i] != '=' {
		return false
	}
	p.i++
	p.skipBlank()
	if p.i >= len(p.src) {
		return false
	}
	var v any
	var ok bool
	switch depth := p.curDepth + 1; p.src[p.i] {
	case '[':
		v, ok = p.array(path, depth)
	case '{':
		v, ok = p.inlineTable(path, depth)
	default:
		v, _, ok = p.scalar(depth)
	}
	if !ok {
		return false
	}
	p.cur[k] = v
	return true
}

// array reads [ … ] of scalars and inline tables, over several lines if need be. Like
// locate, it records the position of each element but a string (the count skips them).
func (p *fastParser) array(path string, depth int) (any, bool) {
	if depth > MaxDepth {
		return nil, false
	}
	p.i++ // [
	out := []any{}
	n := 0
	for {
		if !p.arrayBlank() {
			return nil, false
		}
		if p.i >= len(p.src) {
			return nil, false
		}
		if p.src[p.i] == ']' {
			p.i++
			return out, true
		}
		if n >= maxElems {
			return nil, false
		}
		start := p.i
		var v any
		var ok, isString bool
		switch p.src[p.i] {
		case '[':
			return nil, false
		case '{':
			elem := path + "[" + strconv.Itoa(n) + "]"
			p.at(elem, p.col(start))
			n++
			v, ok = p.inlineTable(elem, depth+1)
		default:
			v, isString, ok = p.scalar(depth + 1)
			if ok && !isString {
				p.at(path+"["+strconv.Itoa(n)+"]", p.col(start))
				n++
			}
		}
		if !ok {
			return nil, false
		}
		out = append(out, v)
		if !p.arrayBlank() || p.i >= len(p.src) {
			return nil, false
		}
		switch p.src[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return out, true
		default:
			return nil, false
		}
	}
}

// arrayBlank skips blanks, comments and line ends inside an array.
func (p *fastParser) arrayBlank() bool {
	for {
		p.skipBlank()
		if p.i >= len(p.src) {
			return true
		}
		switch p.src[p.i] {
		case '#':
			if !p.comment() {
				return false
			}
		case '\n', '\r':
			if !p.newline() {
				return false
			}
		default:
			return true
		}
	}
}

// inlineTable reads { k = v, … } on one line, of scalars only.
func (p *fastParser) inlineTable(path string, depth int) (any, bool) {
	if depth > MaxDepth {
		return nil, false
	}
	p.i++ // {
	m := map[string]any{}
	p.skipBlank()
	if p.i < len(p.src) && p.src[p.i] == '}' {
		p.i++
		return m, true
	}
	for {
		p.skipBlank()
		start := p.i
		k := p.bareKey()
		if k == "" {
			return nil, false
		}
		if _, taken := m[k]; taken {
			return nil, false
		}
		p.at(path+"."+k, p.col(start))
		p.skipBlank()
		if p.i >= len(p.src) || p.src[p.i] != '=' {
			return nil, false
		}
		p.i++
		p.skipBlank()
		v, _, ok := p.scalar(depth + 1)
		if !ok {
			return nil, false
		}
		m[k] = v
		p.skipBlank()
		if p.i >= len(p.src) {
			return nil, false
		}
		switch p.src[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return m, true
		default:
			return nil, false
		}
	}
}

// scalar reads a string, a boolean, a decimal number or a local date.
func (p *fastParser) scalar(depth int) (v any, isString, ok bool) {
	if p.i >= len(p.src) || depth > MaxDepth {
		return nil, false, false
	}
	switch q := p.src[p.i]; q {
	case '"', '\'':
		if strings.HasPrefix(p.src[p.i:], string([]byte{q, q, q})) {
			return nil, false, false // multi-line
		}
		for j := p.i + 1; j < len(p.src); j++ {
			c := p.src[j]
			switch {
			case c == q:
				s := p.src[p.i+1 : j]
				p.i = j + 1
				if len(s) > MaxString && utf8.RuneCountInString(s) > MaxString {
					return nil, false, false
				}
				return s, true, true
			case c == '\\' && q == '"', c < 0x20 && c != '\t', c == 0x7f:
				return nil, false, false
			}
		}
		return nil, false, false
	}
	start := p.i
	for p.i < len(p.src) && !strings.ContainsRune(" \t,]}#\r\n", rune(p.src[p.i])) {
		p.i++
	}
	tok := p.src[start:p.i]
	switch {
	case tok == "true":
		return true, false, true
	case tok == "false":
		return false, false, true
	case isLocalDate(tok):
		y, _ := strconv.Atoi(tok[:4])
		m, _ := strconv.Atoi(tok[5:7])
		d, _ := strconv.Atoi(tok[8:])
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, localDate)
		if t.Year() != y || int(t.Month()) != m || t.Day() != d {
			return nil, false, false
		}
		return t, false, true
	}
	isFloat, ok := decimal(tok)
	if !ok {
		return nil, false, false
	}
	if isFloat {
		f, err := strconv.ParseFloat(tok, 64)
		return f, false, err == nil
	}
	n, err := strconv.ParseInt(tok, 10, 64)
	return n, false, err == nil
}

func isLocalDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// decimal checks TOML's decimal integer and float forms without underscores:
// [+-]? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?.
func decimal(s string) (isFloat, ok bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - j
	}
	start := i
	n := digits()
	if n == 0 || n > 1 && s[start] == '0' {
		return false, false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false, false
		}
		isFloat = true
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false, false
		}
		isFloat = true
	}
	return isFloat, i == len(s)
}
