package opendata

import (
	"compress/flate"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// sheetWriter writes a table's rows as a worksheet's <row> elements, byte for byte what
// excelize's StreamWriter.SetRow writes for the same cells (excelize v2.11.1, stream.go
// and cell.go, BSD-3-Clause; TestSheetRowsAsExcelize compares the two): nil leaves the
// cell out, text is an inline string, numbers and booleans are values, a date is its
// Excel serial number in the date style. It appends to one buffer, with no cell value
// or reference made per cell, and encodes each distinct string once.
type sheetWriter struct {
	dateStyle []byte       // ` s="N"`: a date's style
	buf       []byte       // pending XML
	strs      encodedTexts // a string's cell after its reference
	dates     map[time.Time][]byte
	cols      []string // column letters: A, B, …
}

func newSheetWriter(dateStyle int) *sheetWriter {
	s := &sheetWriter{buf: make([]byte, 0, 64<<10), strs: encodedTexts{}, dates: map[time.Time][]byte{}}
	if dateStyle != 0 {
		s.dateStyle = []byte(` s="` + strconv.Itoa(dateStyle) + `"`)
	}
	return s
}

// rows writes the rows of t numbered from to to (0-based, to excluded) as sheet rows 2, 3, ….
func (s *sheetWriter) rows(w io.Writer, t *Table, from, to int) error {
	for len(s.cols) < len(t.Fields) {
		s.cols = append(s.cols, columnName(len(s.cols)+1))
	}
	var err error
	i := 0
	t.Each(func(r []any) {
		if i < from || i >= to || err != nil {
			i++
			return
		}
		s.row(i-from+2, r)
		i++
		if len(s.buf) >= 32<<10 {
			_, err = w.Write(s.buf)
			s.buf = s.buf[:0]
		}
	})
	if err != nil {
		return err
	}
	_, err = w.Write(s.buf)
	s.buf = s.buf[:0]
	return err
}

// packedSheet is a sheet compressed as its zip entry holds it, at off in a file.
type packedSheet struct {
	off, size, raw int64 // where, compressed size, size
	crc            uint32
}

// pack writes the rows of t onto its sheets (parts: each sheet's XML before and after its
// rows) in one pass, each sheet deflated as archive/zip does (level 5) into out.
func (s *sheetWriter) pack(out *countWriter, t *Table, parts [][2][]byte) ([]packedSheet, error) {
	for len(s.cols) < len(t.Fields) {
		s.cols = append(s.cols, columnName(len(s.cols)+1))
	}
	packs := make([]packedSheet, len(parts))
	fw, err := flate.NewWriter(out, 5)
	if err != nil {
		return nil, err
	}
	crc := crc32.NewIEEE()
	var raw int64
	write := func(p []byte) {
		if err == nil {
			crc.Write(p)
			raw += int64(len(p))
			_, err = fw.Write(p)
		}
	}
	start := func(j int) {
		fw.Reset(out)
		crc.Reset()
		raw = 0
		packs[j].off = out.n
		write(parts[j][0])
	}
	end := func(j int) {
		write(s.buf)
		s.buf = s.buf[:0]
		write(parts[j][1])
		if err == nil {
			err = fw.Close()
		}
		packs[j].size, packs[j].raw, packs[j].crc = out.n-packs[j].off, raw, crc.Sum32()
	}
	i, j := 0, 0
	start(0)
	t.Each(func(r []any) {
		if err != nil {
			return
		}
		if i == (j+1)*SheetRows {
			end(j)
			j++
			start(j)
		}
		s.row(i-j*SheetRows+2, r)
		i++
		if len(s.buf) >= 32<<10 {
			write(s.buf)
			s.buf = s.buf[:0]
		}
	})
	end(j)
	if err == nil && j != len(parts)-1 {
		err = fmt.Errorf("opendata: %s filled %d sheets of %d", t.Name, j+1, len(parts))
	}
	return packs, err
}

// countWriter counts what goes through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// row appends sheet row n.
func (s *sheetWriter) row(n int, r []any) {
	b := append(s.buf, `<row r="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, `">`...)
	for j, v := range r {
		if v == nil {
			continue
		}
		b = append(b, `<c r="`...)
		b = append(b, s.cols[j]...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, '"')
		switch x := v.(type) {
		case string:
			b = append(b, s.str(x)...)
		case float64:
			b = appendFloatCell(b, x)
		case int64:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, x, 10)
			b = append(b, `</v></c>`...)
		case int:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, int64(x), 10)
			b = append(b, `</v></c>`...)
		case bool:
			if x {
				b = append(b, ` t="b"><v>1</v></c>`...)
			} else {
				b = append(b, ` t="b"><v>0</v></c>`...)
			}
		case time.Time:
			b = append(b, s.date(x)...)
		default:
			b = append(b, inlineStrCell(fmt.Sprint(v))...)
		}
	}
	s.buf = append(b, `</row>`...)
}

// str is a text cell after its reference, each distinct string encoded once (a table's
// codes repeat on every row).
func (s *sheetWriter) str(x string) []byte { return s.strs.of(x, inlineStrCell) }

// date is a date cell after its reference: the table's dates are UTC days, written in
// the date style as excelize's setCellTime writes them.
func (s *sheetWriter) date(t time.Time) []byte {
	if c, ok := s.dates[t]; ok {
		return c
	}
	key := t
	t = t.UTC()
	c := append([]byte(nil), s.dateStyle...)
	if serial := excelTime(t); serial > 0 {
		c = append(c, `><v>`...)
		c = strconv.AppendFloat(c, serial, 'f', -1, 64)
		c = append(c, `</v></c>`...)
	} else { // before 1900: excelize writes the time as text, unescaped
		text := t.Format(time.RFC3339Nano)
		_, preserve := trimCell(text)
		c = appendInlineStr(c, text, preserve)
	}
	s.dates[key] = c
	return c
}

// appendFloatCell appends a number cell after its reference (excelize's setCellFloat).
func appendFloatCell(b []byte, x float64) []byte {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return append(b, inlineStrCell(fmt.Sprint(x))...)
	}
	b = append(b, `><v>`...)
	start := len(b)
	b = strconv.AppendFloat(b, x, 'f', -1, 64)
	if math.Abs(x) != math.MaxFloat64 && significant(b[start:]) > 15 {
		s := limitFloat(string(b[start:]))
		b = append(b[:start], s...)
	}
	return append(b, `</v></c>`...)
}

// significant counts the significant digits of a formatted number.
func significant(num []byte) int {
	n := 0
	for _, c := range num {
		if c < '0' || c > '9' || n == 0 && c == '0' {
			continue
		}
		n++
	}
	return n
}

// limitFloat cuts a number written in strconv's 'f' form after its 15th significant
// digit, the most a spreadsheet keeps: later digits of the fraction are dropped (with a
// point left bare), later digits of the integer part become zeros and the fraction goes.
// It truncates, as excelize does, so the cells read back as before.
func limitFloat(str string) string {
	point := strings.IndexByte(str, '.')
	if point < 0 {
		point = len(str)
	}
	seen := 0
	for i := 0; i < len(str); i++ {
		if c := str[i]; c < '0' || c > '9' || seen == 0 && c == '0' {
			continue
		}
		if seen++; seen <= 15 {
			continue
		}
		if i > point { // in the fraction
			return strings.TrimSuffix(str[:i], ".")
		}
		return str[:i] + strings.Repeat("0", point-i)
	}
	return str
}

// inlineStrCell is a text cell after its reference (excelize's setInlineStr).
func inlineStrCell(x string) []byte {
	v, preserve := trimCell(x)
	return appendInlineStr(nil, v, preserve)
}

func appendInlineStr(b []byte, v string, preserve bool) []byte {
	b = append(b, ` t="inlineStr"><is><t`...)
	if preserve {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = append(b, v...)
	return append(b, `</t></is></c>`...)
}

// trimCell is a text as a cell holds it: cut to the 32 767 UTF-16 units a spreadsheet
// cell can hold, XML-escaped with line feeds left as they are, each literal _xHHHH_
// escaped (see escapeHexUnderscores); and whether a space, tab or line end at either end
// asks for xml:space="preserve".
func trimCell(value string) (v string, preserve bool) {
	value = cutUTF16(value, 32767)
	if value == "" {
		return "", false
	}
	preserve = endSpace(value[0]) || endSpace(value[len(value)-1])
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(value))
	v = strings.ReplaceAll(b.String(), "&#xA;", "\n")
	return escapeHexUnderscores(v), preserve
}

func endSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// cutUTF16 keeps the longest start of s that fits in max UTF-16 units.
func cutUTF16(s string, max int) string {
	if len(s) <= max { // never more UTF-16 units than bytes
		return s
	}
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > max {
			return s[:i]
		}
	}
	return s
}

// escapeHexUnderscores protects text that looks like the _xHHHH_ escape readers decode
// (a character by its UTF-16 code): the underscore opening each such run is written as
// _x005F_, the escape of "_" itself, so the reader gives back the text as it was. Runs
// may share an underscore ("_x005F_x0041_"): each opening one is escaped, a run naming a
// lone surrogate (D800–DFFF) too, which a reader would otherwise decode into nothing.
func escapeHexUnderscores(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i+7 <= len(s); i++ {
		if s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
			continue
		}
		if _, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err != nil {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString("_x005F")
		last = i // the run itself follows, underscore included
	}
	if last == 0 && b.Len() == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// excelTime is t as a spreadsheet's serial date in the 1900 system: days since
// 31/12/1899 with the time of day as the fraction, one more from 1/3/1900 on (the system
// counts a 29/2/1900 that never was); 0 for a time before it, which the caller writes
// as text.
func excelTime(t time.Time) float64 {
	t = t.UTC()
	epoch := time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	if t.Before(epoch) {
		return 0
	}
	secs := t.Unix() - epoch.Unix() // whole seconds: a Duration would overflow after 292 years
	days := secs / 86400
	dayTime := time.Duration(secs%86400)*time.Second + time.Duration(t.Nanosecond())
	serial := float64(days) + float64(dayTime)/float64(24*time.Hour)
	if !t.Before(time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC)) {
		serial++
	}
	return serial
}

// columnName is a column's letters: 1 → A, 27 → AA.
func columnName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}
