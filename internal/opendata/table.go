package opendata

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Field is one column of a Table, described for people (Title, Description, Unit, in
// Vietnamese) and for machines (Name, Type: a Table Schema type).
type Field struct {
	Name        string `json:"name"`
	Type        string `json:"type"` // string, number, integer, boolean, date, yearmonth
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	Unit        string `json:"unit,omitempty"` // "%", "điểm", "hồ sơ"
}

// Table is one downloadable resource: fields and rows of typed cells. A cell is nil (no
// value), string, float64, int64, bool or time.Time (a date), matching its field's type.
type Table struct {
	Name        string // resource name and file stem: "ket-qua"
	Title       string
	Description string
	Fields      []Field
	Rows        [][]any
	PrimaryKey  []string     // a lookup's key column
	ForeignKeys []ForeignKey // codes that name a row of a lookup

	// rows, when set, makes the rows instead of Rows, again for each file written: the
	// observations are most of a build's memory if held (national scale: millions of
	// rows). The row it yields is reused: a writer must not keep it.
	rows func(yield func(row []any))
	n    int // the number of rows rows yields (counted once)
}

// Each calls f with each row in order; f must not keep the row.
func (t *Table) Each(f func(row []any)) {
	if t.rows != nil {
		t.rows(f)
		return
	}
	for _, r := range t.Rows {
		f(r)
	}
}

// Len is the number of rows.
func (t *Table) Len() int {
	if t.rows == nil {
		return len(t.Rows)
	}
	if t.n < 0 {
		t.n = 0
		t.rows(func([]any) { t.n++ })
	}
	return t.n
}

// ForeignKey says that a column's codes are keys of another table: every non-empty cell
// of Fields is a value of Ref in Resource.
type ForeignKey struct {
	Fields   string
	Resource string
	Ref      string
}

// bom starts every CSV file: without it Excel reads UTF-8 as the local code page and
// Vietnamese letters turn to mojibake.
const bom = "\ufeff"

// CSV writes the table as RFC 4180 CSV in UTF-8 with a BOM: a header row of field names,
// comma separators, CRLF line ends, a decimal point, no thousands separator, dates as
// YYYY-MM-DD, booleans as true/false and an empty cell where there is no value.
func (t *Table) CSV() []byte {
	var buf bytes.Buffer
	t.WriteCSV(&buf) // a bytes.Buffer does not fail
	return buf.Bytes()
}

// WriteCSV writes the table as CSV (see CSV) to out, a row at a time. The bytes are
// encoding/csv's with UseCRLF (csvField), appended to one line rather than a string made
// for every cell, and each distinct text cell quoted once.
func (t *Table) WriteCSV(out io.Writer) error {
	bw := bufio.NewWriterSize(out, 64<<10)
	bw.WriteString(bom)
	var line []byte
	for i, f := range t.Fields {
		if i > 0 {
			line = append(line, ',')
		}
		line = appendCSVField(line, inert(f.Name)) // a chart's columns are named after levels and indicators
	}
	bw.Write(append(line, "\r\n"...))
	strs := encodedTexts{}
	t.Each(func(r []any) {
		line = line[:0]
		for i, v := range r {
			if i > 0 {
				line = append(line, ',')
			}
			switch x := v.(type) {
			case nil:
			case string:
				line = append(line, strs.of(x, func(x string) []byte { return appendCSVField(nil, inert(x)) })...)
			case float64:
				line = strconv.AppendFloat(line, x, 'f', -1, 64)
			case int64:
				line = strconv.AppendInt(line, x, 10)
			default: // a number, boolean or date never needs quotes
				line = append(line, text(v)...)
			}
		}
		bw.Write(append(line, "\r\n"...))
	})
	return bw.Flush() // a write error stays in bw until here
}

// appendCSVField appends a field as encoding/csv's Writer with UseCRLF writes it: quoted
// when it holds a quote, comma, CR or LF or starts with a space (or is \.), a quote
// doubled, a line end as CRLF, a lone CR dropped.
func appendCSVField(b []byte, field string) []byte {
	if !csvNeedsQuotes(field) {
		return append(b, field...)
	}
	b = append(b, '"')
	for len(field) > 0 {
		i := strings.IndexAny(field, "\"\r\n")
		if i < 0 {
			i = len(field)
		}
		b = append(b, field[:i]...)
		field = field[i:]
		if len(field) > 0 {
			switch field[0] {
			case '"':
				b = append(b, `""`...)
			case '\n':
				b = append(b, "\r\n"...)
			}
			field = field[1:]
		}
	}
	return append(b, '"')
}

func csvNeedsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` || strings.ContainsAny(field, "\n\r\",") {
		return true
	}
	r1, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r1)
}

// inert keeps a text cell from being read as a formula: Excel and LibreOffice evaluate a
// CSV cell starting with =, +, -, @ (or a tab or carriage return before one) on open,
// so a name like =HYPERLINK(…) would run in the reader's spreadsheet. A leading
// apostrophe makes it text, and is what the spreadsheets themselves show for it. Only
// text cells: a negative number is a number. The XLSX needs no such care: excelize writes
// strings as text cells, never as formulas.
func inert(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// text is a cell in machine format.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		return x.Format("2006-01-02")
	}
	panic(fmt.Sprintf("opendata: cell of type %T", v))
}

// jsonValue is a cell as JSON: numbers and booleans as such, dates as strings, nil as null.
func jsonValue(v any) any {
	if t, ok := v.(time.Time); ok {
		return t.Format("2006-01-02")
	}
	return v
}

// Meta is what every JSON download says about itself besides its rows.
type Meta struct {
	Licence string // config.toml licence
	Created string // the data's date (see Created), never the wall clock
	Page    string // absolute URL of the page that shows these figures, when there is one
	Unit    string // unit of the values, for a chart
}

// JSON writes the table as one object: name, title, description, licence, created,
// fields (the schema) and data, an array with one array per row whose cells follow the
// field order, null where there is no value. Rows as arrays, not objects: the names of
// the fields are said once, in fields, and the observations' file is less than half as
// long (province scale: 7,5 → 3,3 MB; mid: 124 → 55 MB). One row a line, so it reads and
// diffs well.
func (t *Table) JSON(m Meta) []byte {
	var buf bytes.Buffer
	t.WriteJSON(&buf, m) // a bytes.Buffer does not fail
	return buf.Bytes()
}

// WriteJSON writes the table as JSON (see JSON) to out, a row at a time.
func (t *Table) WriteJSON(out io.Writer, m Meta) error {
	buf := bufio.NewWriterSize(out, 64<<10)
	buf.WriteString("{")
	kv := func(k string, v any) {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err) // strings and Fields always marshal
		}
		fmt.Fprintf(buf, "%q:%s,\n", k, b)
	}
	kv("name", t.Name)
	kv("title", t.Title)
	if t.Description != "" {
		kv("description", t.Description)
	}
	if m.Unit != "" {
		kv("unit", m.Unit)
	}
	if m.Page != "" {
		kv("page", m.Page)
	}
	if m.Licence != "" {
		kv("licence", m.Licence)
	}
	kv("created", m.Created)
	kv("fields", t.Fields)
	buf.WriteString(`"data":[`)
	// Rows repeat the same names and citations: escape each distinct string once. Each
	// row is appended to one line, numbers with no string made for them.
	strs := encodedTexts{}
	var line []byte
	i := 0
	t.Each(func(r []any) {
		line = line[:0]
		if i > 0 {
			line = append(line, ',')
		}
		i++
		line = append(line, "\n["...)
		for j, v := range r {
			if j > 0 {
				line = append(line, ',')
			}
			switch x := v.(type) {
			case nil:
				line = append(line, "null"...)
			case string:
				line = append(line, strs.of(x, func(x string) []byte { b, _ := json.Marshal(x); return b })...)
			case float64:
				line = strconv.AppendFloat(line, x, 'f', -1, 64)
			case int:
				line = strconv.AppendInt(line, int64(x), 10)
			case int64:
				line = strconv.AppendInt(line, x, 10)
			case bool:
				line = strconv.AppendBool(line, x)
			case time.Time:
				line = append(x.AppendFormat(append(line, '"'), "2006-01-02"), '"')
			default:
				val, err := json.Marshal(jsonValue(v))
				if err != nil {
					panic(fmt.Sprintf("opendata: %s.%s: %v", t.Name, t.Fields[j].Name, err))
				}
				line = append(line, val...)
			}
		}
		buf.Write(append(line, ']'))
	})
	buf.WriteString("\n]}\n")
	return buf.Flush()
}

// encodedTexts keeps each distinct text of a table as a writer encoded it (quoted CSV,
// JSON, a sheet's cell): a table's codes and names repeat on every row.
type encodedTexts map[string][]byte

func (m encodedTexts) of(x string, encode func(string) []byte) []byte {
	if b, ok := m[x]; ok {
		return b
	}
	b := encode(x)
	if len(x) <= 256 { // a long text is seldom repeated: not kept
		m[x] = b
	}
	return b
}
