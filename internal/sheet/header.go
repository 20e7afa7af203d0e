package sheet

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"chiso/internal/diag"
	"chiso/internal/model"
	"chiso/internal/periodfile"
	"chiso/internal/vietnamese"
)

// Header is what the template's header cells hold (column B beside a label of column A),
// read back by `import`.
type Header struct {
	table  string
	period Cell
	cells  map[string]headerCell // folded label → value
	groups []headerCell          // "Điểm nhóm: …" in order
}

type headerCell struct {
	label string
	value Cell
	line  int
}

// ReadHeader finds the template's header cells; nil when the sheet has none (an export
// from another system).
func ReadHeader(t *Table) *Header {
	h := &Header{table: t.Name, cells: map[string]headerCell{}}
	found := false
	for _, row := range t.Rows {
		if len(row.Cells) < 2 {
			continue
		}
		label := fold(row.Cells[0].Text)
		c := headerCell{label: row.Cells[0].Text, value: row.Cells[1], line: row.Line}
		switch {
		case label == fold(labelPeriod):
			h.period, found = row.Cells[1], true
		case strings.HasPrefix(label, fold(labelGroup)):
			c.label = strings.TrimSpace(row.Cells[0].Text[len(labelGroup):])
			h.groups = append(h.groups, c)
		case headerLabels[label]:
			h.cells[label] = c
		}
	}
	if !found {
		return nil
	}
	return h
}

var headerLabels = map[string]bool{}

func init() {
	for _, l := range []string{labelNumber, labelDate, labelIssuer, labelAuthor, labelScore, labelRank, labelRankOf, labelClass, labelAverage} {
		headerLabels[fold(l)] = true
	}
}

// Period is the period the template is for.
func (h *Header) Period() (model.Period, bool) {
	m := regexp.MustCompile(`^(\d{4})-(\d{1,2})$`).FindStringSubmatch(strings.TrimSpace(h.period.Text))
	if m == nil {
		return model.Period{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	return model.Period{Year: y, Month: mo}, mo >= 1 && mo <= 12
}

// Apply writes the header cells into the period file's header. A cell left empty keeps
// the file's value ("?" for what is still to enter, which check lists); a cell that
// cannot be read is an error at its row.
func (h *Header) Apply(f *periodfile.File) Problems {
	var probs Problems
	get := func(label string) (headerCell, bool) {
		c, ok := h.cells[fold(label)]
		return c, ok && !c.value.empty()
	}
	empty := func(label string) {
		if c, ok := h.cells[fold(label)]; ok && c.value.empty() {
			probs = append(probs, headerEmpty.problem(h.table, c.line, diag.Warning, label))
		}
	}
	text := func(label string, dst *string) {
		if c, ok := get(label); ok {
			*dst = periodfile.Quote(c.value.Text)
		}
	}
	number := func(label string, dst *string, integer bool) {
		c, ok := get(label)
		if !ok {
			return
		}
		v, good := c.value.Number, c.value.IsNumber
		if !good {
			v, good = vietnamese.ParseNumber(c.value.Text)
		}
		if !good || v < 0 || integer && v != math.Trunc(v) {
			probs = append(probs, headerNumber.problem(h.table, c.line, diag.Error, c.label, c.value.Text))
			return
		}
		*dst = periodfile.Number(v)
	}
	text(labelNumber, &f.Report.Number)
	empty(labelNumber)
	if c, ok := get(labelDate); ok {
		if d, good := cellDate(c.value); good {
			f.Report.Date = d.Format("2006-01-02")
		} else {
			probs = append(probs, headerDate.problem(h.table, c.line, diag.Error, c.value.Text))
		}
	}
	empty(labelDate)
	text(labelIssuer, &f.Report.Issuer)
	empty(labelIssuer)
	if c, ok := get(labelAuthor); ok {
		f.Author = c.value.Text // written quoted by the period file
	}
	if x := f.Index; x != nil {
		number(labelScore, &x.Score, false)
		empty(labelScore)
		number(labelRank, &x.Rank, true)
		empty(labelRank)
		number(labelRankOf, &x.RankOf, true)
		empty(labelRankOf)
		text(labelClass, &x.Class)
		number(labelAverage, &x.NationalAverage, false)
		// Group scores are optional: all empty, the month has none; some empty, each is named.
		filled := 0
		for _, g := range h.groups {
			if !g.value.empty() {
				filled++
			}
		}
		if filled == 0 {
			x.Groups = nil
		}
		for i := range x.Groups {
			for _, g := range h.groups {
				if fold(g.label) != fold(strings.Trim(x.Groups[i].Name, `"`)) {
					continue
				}
				h.cells[fold(labelGroup+g.label)] = g
				number(labelGroup+g.label, &x.Groups[i].Score, false)
				empty(labelGroup + g.label)
			}
		}
		// Optional cells left empty are left out of the file, not "?".
		if _, ok := get(labelClass); !ok && x.Class == periodfile.Missing {
			x.Class = ""
		}
		if _, ok := get(labelAverage); !ok && x.NationalAverage == periodfile.Missing {
			x.NationalAverage = ""
		}
	}
	return probs
}

var dayMonthYear = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

// cellDate reads a date cell: an Excel date, d/m/yyyy as Vietnamese write it, or
// yyyy-mm-dd.
func cellDate(c Cell) (time.Time, bool) {
	if c.IsNumber {
		t, err := excelize.ExcelDateToTime(c.Number, false)
		return t, err == nil && t.Year() > 1990
	}
	s := strings.TrimSpace(c.Text)
	if m := dayMonthYear.FindStringSubmatch(s); m != nil {
		t, err := time.Parse("2006-1-2", fmt.Sprintf("%s-%s-%s", m[3], m[2], m[1]))
		return t, err == nil
	}
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// PeriodDiffers is the problem of a template imported with another --period.
func PeriodDiffers(table string, sheet, flag model.Period) Problems {
	return Problems{periodDiffers.problem(table, 0, diag.Error, sheet.Key(), flag.Key())}
}
