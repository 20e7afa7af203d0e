package sheet

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"chiso/internal/diag"
	"chiso/internal/model"
	"chiso/internal/periodfile"
	"chiso/internal/vietnamese"
)

// Read turns the table into the results of period p, one per indicator in the site's
// order. The results are nil when any row is wrong; warnings come with results.
func Read(s *model.Site, t *Table, m *Mapping, p model.Period) ([]*periodfile.Result, Problems) {
	if m == nil {
		m = &Mapping{}
	}
	r := &reader{site: s, t: t, m: m, period: p, data: map[*model.Indicator]*indicatorData{}, template: ReadHeader(t) != nil}
	r.probs = append(r.probs, m.check(t.Name, r.known)...)
	if r.probs.HasErrors() {
		return nil, r.probs
	}
	if !r.header() {
		return nil, r.probs
	}
	for _, row := range r.t.Rows {
		if row.Line > r.headerLine {
			r.row(row)
		}
	}
	results := r.results()
	if len(results) == 0 && !r.probs.HasErrors() {
		r.errorf(noData, 0)
	}
	r.fractions()
	sort.SliceStable(r.probs, func(i, j int) bool { return r.probs[i].Line < r.probs[j].Line })
	if r.probs.HasErrors() {
		return nil, r.probs
	}
	return results, r.probs
}

type reader struct {
	site       *model.Site
	t          *Table
	m          *Mapping
	period     model.Period
	probs      Problems
	headerLine int
	cols       map[string]int           // field → column index
	wide       map[int]*model.Indicator // column index → indicator (wide form)
	data       map[*model.Indicator]*indicatorData
	rates      []float64 // every rate read, for the fraction check
	template   bool      // the sheet is `chiso new`'s template: every row is to be filled
}

// entry is one level's, unit's or the whole's figures from one row.
type entry struct {
	line     int
	num, den *int64
	rate     *float64
}

type indicatorData struct {
	whole  *entry
	levels map[*model.Level]*entry
	units  map[*model.Unit]*entry
	unitOf []*model.Unit // in row order
	first  int
}

func (r *reader) errorf(c code, line int, args ...any) {
	r.probs = append(r.probs, c.problem(r.t.Name, line, diag.Error, args...))
}

func (r *reader) warnf(c code, line int, args ...any) {
	r.probs = append(r.probs, c.problem(r.t.Name, line, diag.Warning, args...))
}

func (r *reader) known(table, code string) bool {
	switch table {
	case "indicators":
		return r.site.Indicator(code) != nil
	case "levels":
		return wholeLabels[fold(code)] || r.levelByKey(code) != nil
	case "units":
		return r.site.Unit(code) != nil
	}
	return false
}

func (r *reader) levelByKey(k string) *model.Level {
	for _, lv := range r.site.Levels {
		if lv.Key == k {
			return lv
		}
	}
	return nil
}

// header finds the row of column headers and what each column holds.
func (r *reader) header() bool {
	mapped := map[string]string{} // folded header → field
	for field, h := range r.m.Columns {
		mapped[fold(h)] = field
	}
	best, bestScore := -1, 0
	for i, row := range r.t.Rows {
		if r.m.HeaderRow > 0 && row.Line != r.m.HeaderRow {
			continue
		}
		if i > 30 && r.m.HeaderRow == 0 {
			break
		}
		score := 0
		for _, c := range row.Cells {
			h := fold(c.Text)
			if _, ok := mapped[h]; ok {
				score += 2
			} else if _, ok := defaultHeaders[h]; ok {
				score += 2
			} else if r.indicatorOf(c.Text) != nil {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 || bestScore < 2 {
		r.errorf(noHeader, r.m.HeaderRow)
		return false
	}
	row := r.t.Rows[best]
	r.headerLine = row.Line
	r.cols, r.wide = map[string]int{}, map[int]*model.Indicator{}
	for j, c := range row.Cells {
		h := fold(c.Text)
		field, ok := mapped[h]
		if !ok {
			field, ok = defaultHeaders[h]
		}
		if ok {
			if prev, dup := r.cols[field]; dup {
				r.errorf(duplicateColumn, row.Line, fieldNames[field], r.colName(prev), r.colName(j))
				continue
			}
			r.cols[field] = j
			continue
		}
		if ind := r.indicatorOf(c.Text); ind != nil {
			r.wide[j] = ind
		}
	}
	_, long := r.cols[fIndicator]
	if !long && len(r.wide) == 0 {
		r.errorf(noHeader, row.Line)
		return false
	}
	return !r.probs.HasErrors()
}

func (r *reader) colName(j int) string {
	if j < len(r.t.Cols) {
		return r.t.Cols[j]
	}
	return fmt.Sprint(j + 1)
}

func (r *reader) cell(row Row, field string) (Cell, bool) {
	j, ok := r.cols[field]
	if !ok || j >= len(row.Cells) {
		return Cell{}, ok
	}
	return row.Cells[j], true
}

// indicatorOf matches a label to an indicator: the mapping, then key, name or short
// name, folded.
func (r *reader) indicatorOf(label string) *model.Indicator {
	f := fold(label)
	if f == "" {
		return nil
	}
	for l, key := range r.m.Indicators {
		if fold(l) == f {
			return r.site.Indicator(key)
		}
	}
	for _, ind := range r.site.Indicators {
		if f == ind.Key || f == fold(ind.Name) || f == fold(ind.Short) || f == fold(strings.ReplaceAll(ind.Key, "-", " ")) {
			return ind
		}
	}
	return nil
}

// placeOf reads the level/unit cells: a unit, a level, or the whole (both nil, whole).
func (r *reader) placeOf(row Row) (lv *model.Level, u *model.Unit, whole bool, label string, ok bool) {
	if c, has := r.cell(row, fUnit); has && c.Text != "" {
		label = c.Text
		f := fold(c.Text)
		for l, code := range r.m.Units {
			if fold(l) == f {
				return nil, r.site.Unit(code), false, label, true
			}
		}
		// A name may be reused by a unit's successor: the one in force in the period wins.
		var match *model.Unit
		for _, su := range r.site.Units {
			if f == su.Code || f == fold(su.Name) {
				if match == nil || su.InForce(r.period.End()) && !match.InForce(r.period.End()) {
					match = su
				}
			}
		}
		if match != nil {
			return nil, match, false, label, true
		}
		r.errorf(unknownUnit, row.Line, c.Text, r.suggestUnit(f))
		return nil, nil, false, label, false
	}
	c, has := r.cell(row, fLevel)
	if !has || c.Text == "" {
		return nil, nil, true, "toàn tỉnh", true
	}
	label = c.Text
	f := fold(c.Text)
	for l, key := range r.m.Levels {
		if fold(l) == f {
			if wholeLabels[fold(key)] {
				return nil, nil, true, label, true
			}
			return r.levelByKey(key), nil, false, label, true
		}
	}
	if wholeLabels[f] || strings.HasPrefix(f, "toan ") {
		return nil, nil, true, label, true
	}
	for _, l := range r.site.Levels {
		name := fold(l.Name)
		if f == l.Key || f == name || f == strings.TrimPrefix(name, "cap ") {
			return l, nil, false, label, true
		}
	}
	var names []string
	for _, l := range r.site.Levels {
		if l.InForce(r.period.End()) {
			names = append(names, "“"+l.Name+"”")
		}
	}
	near := ""
	for _, l := range r.site.Levels {
		if fold(l.Name) == levelAliases[f] || near == "" && vietnamese.Distance(f, fold(l.Name)) <= 2 {
			near = diag.Suggestion(l.Name)
		}
	}
	r.errorf(unknownLevel, row.Line, c.Text, strings.Join(append(names, "“Toàn tỉnh”"), ", "), near)
	return nil, nil, false, label, false
}

func (r *reader) suggestUnit(f string) string {
	best, d := "", 3
	for _, u := range r.site.Units {
		for _, cand := range []string{u.Code, fold(u.Name)} {
			if x := vietnamese.Distance(f, cand); x < d {
				best, d = u.Name, x
			}
		}
	}
	if best == "" {
		return ""
	}
	return diag.Suggestion(best)
}

func (r *reader) suggestIndicator(label string) string {
	f := fold(label)
	best, d := "", 4
	for _, ind := range r.site.Indicators {
		for _, cand := range []string{ind.Key, fold(ind.Name), fold(ind.Short)} {
			if x := vietnamese.Distance(f, cand); x < d {
				best, d = ind.Key, x
			}
		}
	}
	if best == "" {
		return ""
	}
	return diag.Suggestion(best)
}

// row reads one data row.
func (r *reader) row(row Row) {
	if allEmpty(row) {
		return
	}
	if _, long := r.cols[fIndicator]; long {
		r.longRow(row)
		return
	}
	r.wideRow(row)
}

func allEmpty(row Row) bool {
	for _, c := range row.Cells {
		if !c.empty() {
			return false
		}
	}
	return true
}

func (r *reader) hasNumbers(row Row, cols ...int) bool {
	for _, j := range cols {
		if j < len(row.Cells) && !row.Cells[j].empty() {
			return true
		}
	}
	return false
}

func (r *reader) longRow(row Row) {
	var numCols []int
	for _, f := range []string{fNumerator, fDenominator, fRate} {
		if j, ok := r.cols[f]; ok {
			numCols = append(numCols, j)
		}
	}
	ic, _ := r.cell(row, fIndicator)
	if !r.hasNumbers(row, numCols...) {
		if ind := r.indicatorOf(ic.Text); r.template && ind != nil {
			place := ""
			if c, ok := r.cell(row, fUnit); ok && c.Text != "" {
				place = c.Text
			} else if c, ok := r.cell(row, fLevel); ok {
				place = c.Text
			}
			r.errorf(notFilled, row.Line, ind.Short, place)
			return
		}
		// A section heading, a note or a total line without figures.
		r.warnf(skipped, row.Line, firstText(row))
		return
	}
	ind := r.indicatorOf(ic.Text)
	if ind == nil {
		r.errorf(unknownIndicator, row.Line, ic.Text, r.suggestIndicator(ic.Text))
		return
	}
	lv, u, whole, label, ok := r.placeOf(row)
	if !ok {
		return
	}
	e := &entry{line: row.Line}
	nc, hasN := r.cell(row, fNumerator)
	dc, hasD := r.cell(row, fDenominator)
	rc, hasR := r.cell(row, fRate)
	good := true
	if hasN && !nc.empty() {
		e.num = r.count(row.Line, "tử số", nc)
		good = e.num != nil
	}
	if hasD && !dc.empty() {
		e.den = r.count(row.Line, "mẫu số", dc)
		good = good && e.den != nil
	}
	if hasR && !rc.empty() {
		e.rate = r.rate(row.Line, rc)
		good = good && e.rate != nil
	}
	if !good {
		return
	}
	r.store(row.Line, ind, lv, u, whole, label, e)
}

func firstText(row Row) string {
	for _, c := range row.Cells {
		if c.Text != "" {
			return c.Text
		}
	}
	return ""
}

func (r *reader) wideRow(row Row) {
	var cols []int
	for j := range r.wide {
		cols = append(cols, j)
	}
	if !r.hasNumbers(row, cols...) {
		r.warnf(skipped, row.Line, firstText(row))
		return
	}
	lv, u, whole, label, ok := r.placeOf(row)
	if !ok {
		return
	}
	for j := 0; j < len(row.Cells); j++ {
		ind := r.wide[j]
		if ind == nil || row.Cells[j].empty() {
			continue
		}
		if rate := r.rate(row.Line, row.Cells[j]); rate != nil {
			r.store(row.Line, ind, lv, u, whole, label, &entry{line: row.Line, rate: rate})
		}
	}
}

// number reads a cell as a number: as stored for an XLSX number cell, the Vietnamese
// way for text.
func (r *reader) number(line int, what string, c Cell) (float64, bool) {
	if c.IsNumber {
		return c.Number, true
	}
	v, ok := vietnamese.ParseNumber(c.Text)
	if !ok {
		r.errorf(notNumber, line, what, c.Text)
	}
	return v, ok
}

func (r *reader) count(line int, what string, c Cell) *int64 {
	v, ok := r.number(line, what, c)
	switch {
	case !ok:
		return nil
	case v != math.Trunc(v) || math.Abs(v) > 1<<53:
		r.errorf(notInteger, line, what, c.Text)
		return nil
	case v < 0:
		r.errorf(negative, line, what, c.Text)
		return nil
	}
	n := int64(v)
	return &n
}

func (r *reader) rate(line int, c Cell) *float64 {
	v, ok := r.number(line, "tỷ lệ", c)
	if !ok {
		return nil
	}
	if v < 0 || v > 100 {
		if !c.IsNumber && strings.Contains(c.Text, ".") && !strings.Contains(c.Text, ",") {
			r.errorf(thousandsDot, line, c.Text, strconv.FormatFloat(v, 'f', -1, 64))
		} else {
			r.errorf(rateRange, line, vietnamese.Decimal(v, 3))
		}
		return nil
	}
	r.rates = append(r.rates, v)
	return &v
}

// store checks a row's figures and files them under their indicator and place.
func (r *reader) store(line int, ind *model.Indicator, lv *model.Level, u *model.Unit, whole bool, label string, e *entry) {
	switch {
	case e.num == nil && e.den == nil && e.rate == nil:
		r.errorf(noNumbers, line, ind.Key)
		return
	case e.num != nil && e.den == nil:
		r.errorf(onlyOneCount, line, "tử số", "mẫu số")
		return
	case e.num == nil && e.den != nil:
		r.errorf(onlyOneCount, line, "mẫu số", "tử số")
		return
	}
	if e.den != nil {
		switch {
		case *e.den == 0:
			r.errorf(zeroDenominator, line)
			return
		case *e.num > *e.den:
			r.errorf(aboveDenominator, line, vietnamese.Int(*e.num), vietnamese.Int(*e.den))
			return
		}
		if e.rate != nil {
			if c := (model.Count{Num: *e.num, Den: *e.den}).Rate(); math.Abs(c-*e.rate) > 0.05+1e-9 {
				r.errorf(countsDisagree, line, vietnamese.Rate(*e.rate), vietnamese.Rate(c))
				return
			}
		}
	}
	d := r.data[ind]
	if d == nil {
		d = &indicatorData{levels: map[*model.Level]*entry{}, units: map[*model.Unit]*entry{}, first: line}
		r.data[ind] = d
	}
	end := r.period.End()
	switch {
	case u != nil:
		if !u.InForce(end) {
			r.errorf(unitNotInForce, line, u.Name, vietnamese.MonthYear(r.period.Year, r.period.Month))
			return
		}
		if prev := d.units[u]; prev != nil {
			r.errorf(duplicateRow, line, ind.Key, u.Name, prev.line)
			return
		}
		if e.den == nil {
			r.errorf(unitNeedsCounts, line, u.Name)
			return
		}
		d.units[u] = e
		d.unitOf = append(d.unitOf, u)
	case whole:
		if d.whole != nil {
			r.errorf(duplicateRow, line, ind.Key, "toàn tỉnh", d.whole.line)
			return
		}
		d.whole = e
	default:
		if !lv.InForce(end) {
			r.errorf(levelNotInForce, line, lv.Name, vietnamese.MonthYear(r.period.Year, r.period.Month))
			return
		}
		if prev := d.levels[lv]; prev != nil {
			r.errorf(duplicateRow, line, ind.Key, label, prev.line)
			return
		}
		d.levels[lv] = e
	}
}

// results writes each indicator's figures in the period file's terms.
func (r *reader) results() []*periodfile.Result {
	var out []*periodfile.Result
	for _, ind := range r.site.Indicators {
		d := r.data[ind]
		if d == nil {
			continue
		}
		res := &periodfile.Result{Indicator: ind.Key, Name: ind.Name}
		// Units add up into their level.
		unitSum := map[*model.Level]*model.Count{}
		for _, u := range d.unitOf {
			e := d.units[u]
			res.Units = append(res.Units, periodfile.Unit{Code: u.Code, Name: u.Name, Num: fmt.Sprint(*e.num), Den: fmt.Sprint(*e.den)})
			res.Rows = append(res.Rows, e.line)
			c := unitSum[u.Level]
			if c == nil {
				c = &model.Count{}
				unitSum[u.Level] = c
			}
			c.Num += *e.num
			c.Den += *e.den
		}
		counted := true // every level has counts, so the whole is a pooled ratio
		var total model.Count
		for _, lv := range r.site.Levels {
			e := d.levels[lv]
			sum := unitSum[lv]
			if e == nil {
				if sum != nil {
					total.Num, total.Den = total.Num+sum.Num, total.Den+sum.Den
				}
				continue
			}
			res.Rows = append(res.Rows, e.line)
			if sum != nil {
				// Given directly and by units: they must agree; the units are written.
				if e.den != nil && (*e.num != sum.Num || *e.den != sum.Den) {
					r.errorf(unitsDisagree, e.line, lv.Name, vietnamese.Int(*e.num), vietnamese.Int(*e.den), vietnamese.Int(sum.Num), vietnamese.Int(sum.Den))
				} else if e.den == nil && math.Abs(sum.Rate()-*e.rate) > 0.05+1e-9 {
					r.errorf(countsDisagree, e.line, vietnamese.Rate(*e.rate), vietnamese.Rate(sum.Rate()))
				}
				total.Num, total.Den = total.Num+sum.Num, total.Den+sum.Den
				continue
			}
			if e.den != nil {
				res.Nums = append(res.Nums, periodfile.Cell{Key: lv.Key, Value: fmt.Sprint(*e.num)})
				res.Dens = append(res.Dens, periodfile.Cell{Key: lv.Key, Value: fmt.Sprint(*e.den)})
				total.Num, total.Den = total.Num+*e.num, total.Den+*e.den
			} else {
				res.Rates = append(res.Rates, periodfile.Cell{Key: lv.Key, Value: periodfile.Number(*e.rate)})
				counted = false
			}
		}
		hasParts := len(res.Rates)+len(res.Nums)+len(res.Units) > 0
		switch w := d.whole; {
		case w != nil && w.den != nil && counted && hasParts:
			if *w.num != total.Num || *w.den != total.Den {
				r.errorf(wholeDisagrees, w.line, vietnamese.Int(*w.num), vietnamese.Int(*w.den), vietnamese.Int(total.Num), vietnamese.Int(total.Den))
			}
			res.Rows = append(res.Rows, w.line)
		case w != nil && w.rate != nil:
			res.Whole = periodfile.Number(*w.rate)
			res.Rows = append(res.Rows, w.line)
		case w != nil:
			res.Whole = periodfile.Number((model.Count{Num: *w.num, Den: *w.den}).Rate())
			res.Rows = append(res.Rows, w.line)
		case !counted || !hasParts:
			r.errorf(noWhole, d.first, ind.Key)
		}
		out = append(out, res)
	}
	return out
}

// fractions refuses a file whose rates are all at most 1: a column of shares (0,634),
// not percentages, which would be published as 0,6%.
func (r *reader) fractions() {
	if len(r.rates) < 2 {
		return
	}
	for _, v := range r.rates {
		if v > 1 {
			return
		}
	}
	r.errorf(fractions, r.headerLine)
}
