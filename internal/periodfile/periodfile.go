// Package periodfile writes the period files editors fill in, data/periods/PERIOD.toml:
// the next period drafted from the latest one (`chiso new`) and a period read from a
// spreadsheet (`chiso import`).
//
// TOML has no null, so a value the editor still has to type is written as the string
// "?" (Missing). The file is valid TOML, and `chiso check` reports each "?" as "chưa nhập
// số liệu" at its own line — a to-do list that cannot be published by mistake, since an
// unfilled value is an error, not a blank on the page.
//
// The text is written here, not marshalled, so the file reads like one an editor would
// write: in the usual key order, with comments naming each indicator and unit.
package periodfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"chiso/internal/load"
	"chiso/internal/model"
)

// Missing is the TOML text of a value not entered yet.
var Missing = strconv.Quote(load.Placeholder)

// File is one period file to write. Values are TOML text ("95.5", "2024-05-20",
// `"Báo cáo"`, Missing); an empty value is left out.
type File struct {
	Period       model.Period
	Comment      []string // header comment lines, without "# "
	Illustrative bool
	SourceSystem string
	SourceShort  string
	Author       string
	Window       [2]string // from, to; empty when the period is the calendar month
	Report       Document
	Index        *Index
	Results      []*Result
}

// Document is the [report] table: the report the figures come from.
type Document struct{ Type, Number, Date, Issuer string }

// Index is the [index] table.
type Index struct {
	Score, Rank, RankOf, Source, Class, NationalAverage string
	Groups                                              []Group
}

// Group is one [[index.group]].
type Group struct{ Name, Score, Max string }

// Result is one [[result]].
type Result struct {
	Indicator string
	Name      string // printed as a comment above the row
	Whole     string
	Rates     []Cell // levels = { … }
	Nums      []Cell // numerators = { … }
	Dens      []Cell // denominators = { … }
	Units     []Unit
	Rows      []int // spreadsheet rows the values came from (import), for messages

	first, last int // lines of the row in the written file
}

// Cell is one level's value.
type Cell struct{ Key, Value string }

// Unit is one row of units = [ … ].
type Unit struct{ Code, Name, Num, Den string }

// Name is the file's path under the site: data/periods/2024-06.toml.
func (f *File) Name() string { return "data/periods/" + f.Period.Key() + ".toml" }

// Missing counts the values left for the editor.
func (f *File) Missing() int { return strings.Count(string(f.Bytes()), "= "+Missing) }

// Bytes renders the file.
func (f *File) Bytes() []byte {
	var w writer
	for _, c := range f.Comment {
		w.line("# " + c)
	}
	if len(f.Comment) > 0 {
		w.line("")
	}
	w.kv("period", quote(f.Period.Key()))
	w.kv("illustrative", strconv.FormatBool(f.Illustrative))
	w.kv("source_system", quote(f.SourceSystem))
	if f.SourceShort != "" {
		w.kv("source_short", quote(f.SourceShort))
	}
	if f.Author != "" {
		w.kv("author", quote(f.Author))
	}
	if f.Window[0] != "" {
		w.kv("window", fmt.Sprintf("{ from = %s, to = %s }", f.Window[0], f.Window[1]))
	}
	w.line("")
	w.line("[report]")
	w.kv("type", f.Report.Type)
	w.kv("number", f.Report.Number)
	w.kv("date", f.Report.Date)
	w.kv("issuer", f.Report.Issuer)
	if x := f.Index; x != nil {
		w.line("")
		w.line("[index]")
		w.kv("score", x.Score)
		w.kv("rank", x.Rank)
		w.kv("rank_of", x.RankOf)
		w.kv("source", x.Source)
		w.optional("class", x.Class)
		w.optional("national_average", x.NationalAverage)
		for _, g := range x.Groups {
			w.line("")
			w.line("[[index.group]]")
			w.kv("name", g.Name)
			w.kv("score", g.Score)
			w.kv("max", g.Max)
		}
	}
	for _, r := range f.Results {
		w.line("")
		if r.Name != "" {
			w.line("# " + r.Name)
		}
		r.first = w.n + 1
		w.line("[[result]]")
		w.kv("indicator", quote(r.Indicator))
		w.kv("whole", r.Whole)
		w.kv("levels", inline(r.Rates))
		w.kv("numerators", inline(r.Nums))
		w.kv("denominators", inline(r.Dens))
		if len(r.Units) > 0 {
			w.line("units = [")
			for _, u := range r.Units {
				s := fmt.Sprintf("  { unit = %s, numerator = %s, denominator = %s },", quote(u.Code), u.Num, u.Den)
				if u.Name != "" {
					s += " # " + u.Name
				}
				w.line(s)
			}
			w.line("]")
		}
		r.last = w.n
	}
	return []byte(w.b.String())
}

// ResultAt finds the result written at a line of the file (after Bytes).
func (f *File) ResultAt(line int) *Result {
	for _, r := range f.Results {
		if line >= r.first && line <= r.last {
			return r
		}
	}
	return nil
}

type writer struct {
	b strings.Builder
	n int // lines written
}

func (w *writer) line(s string) {
	w.b.WriteString(strings.TrimRightFunc(s, unicode.IsSpace))
	w.b.WriteByte('\n')
	w.n++
}

func (w *writer) kv(k, v string) {
	if v != "" {
		w.line(k + " = " + v)
	}
}

func (w *writer) optional(k, v string) {
	if v == Missing {
		w.line(k + " = " + v + " # không bắt buộc: xóa dòng này nếu báo cáo không ghi")
		return
	}
	w.kv(k, v)
}

func inline(cells []Cell) string {
	if len(cells) == 0 {
		return ""
	}
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = c.Key + " = " + c.Value
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// quote writes a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Quote is the TOML text of a string value.
func Quote(s string) string { return quote(s) }

// Number is the TOML text of a number: 95.5, 139506.
func Number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// ErrExists is returned when the period's file is already there: it is never replaced
// by `new`.
var ErrExists = errors.New("tệp đã có")

// Create writes the file under dir (the site's source folder) without ever replacing an
// existing file: the text goes to a temporary file that is then linked into place, so a
// reader sees no half-written file, and the link fails if the name was taken meanwhile.
func Create(dir string, f *File) (string, error) {
	return put(dir, f.Name(), f.Bytes(), false)
}

// Replace writes the file under dir, replacing it if present, by renaming a complete
// temporary file over it.
func Replace(dir string, f *File) (string, error) {
	return put(dir, f.Name(), f.Bytes(), true)
}

// CreateFile writes another file of the period (the spreadsheet template) as Create does:
// never over an existing one.
func CreateFile(dir, name string, data []byte) (string, error) {
	return put(dir, name, data, false)
}

func put(dir, name string, data []byte, replace bool) (string, error) {
	dst := filepath.Join(dir, filepath.FromSlash(name))
	if _, err := os.Stat(dst); err == nil && !replace {
		return dst, ErrExists
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return dst, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+"-*")
	if err != nil {
		return dst, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return dst, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return dst, err
	}
	if err := tmp.Close(); err != nil {
		return dst, err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return dst, err
	}
	if replace {
		return dst, os.Rename(tmp.Name(), dst)
	}
	if err := os.Link(tmp.Name(), dst); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return dst, ErrExists
		}
		// A file system without hard links: create exclusively instead.
		out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			if errors.Is(err, fs.ErrExist) {
				return dst, ErrExists
			}
			return dst, err
		}
		if _, err := out.Write(data); err != nil {
			out.Close()
			os.Remove(dst)
			return dst, err
		}
		return dst, out.Close()
	}
	return dst, nil
}
