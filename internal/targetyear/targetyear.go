// Package targetyear drafts a new year's targets (`chiso new-year 2026`): each target
// that ended with the last year is copied to the new year with its value left "?" (last
// year's value beside it in a comment, to confirm against the new document), citing a new
// document whose number and date are "?" too. `chiso check` then lists every "?" at its
// line: exactly what remains before the new year's months can be published.
//
// The files are edited as text, not re-marshalled, so the editors' comments and layout
// stay as they wrote them.
package targetyear

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"chiso/internal/model"
	"chiso/internal/periodfile"
)

// Draft is what new-year adds.
type Draft struct {
	Year       int
	Indicators []*model.Indicator // given a drafted target
	Kept       []*model.Indicator // a target without end date still applies
	Done       []*model.Indicator // already have a target in the year
	Documents  []Document         // new documents to fill
}

// Document is a drafted document and the one it follows.
type Document struct {
	Key  string
	Prev *model.Document
}

// Plan decides what year needs, from the targets in force at the end of the year before.
func Plan(s *model.Site, year int) *Draft {
	d := &Draft{Year: year}
	first := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 0, -1)
	newKey := map[string]string{}
	for _, ind := range s.Indicators {
		prev, now := ind.TargetOn(last), ind.TargetOn(first)
		switch {
		case now != nil && now == prev:
			d.Kept = append(d.Kept, ind)
		case now != nil:
			d.Done = append(d.Done, ind)
		case prev != nil:
			d.Indicators = append(d.Indicators, ind)
			if prev.Basis != nil && newKey[prev.Basis.Key] == "" {
				k := nextKey(prev.Basis.Key, year)
				newKey[prev.Basis.Key] = k
				if !hasDocument(s, k) {
					d.Documents = append(d.Documents, Document{Key: k, Prev: prev.Basis})
				}
			}
		}
	}
	return d
}

func hasDocument(s *model.Site, key string) bool {
	for _, doc := range s.Documents {
		if doc.Key == key {
			return true
		}
	}
	return false
}

// nextKey names the new year's document after last year's: nq-02-2025 → nq-02-2026.
func nextKey(prev string, year int) string {
	if y := strconv.Itoa(year - 1); strings.Contains(prev, y) {
		return strings.ReplaceAll(prev, y, strconv.Itoa(year))
	}
	return prev + "-" + strconv.Itoa(year)
}

// Missing counts the "?" the draft leaves.
func (d *Draft) Missing() int { return len(d.Indicators) + 2*len(d.Documents) }

var indicatorHeader = regexp.MustCompile(`^\s*\[\[\s*indicator\s*\]\]`)

// IndicatorsText is the text of data/indicators.toml with a target for the year added
// at the end of each drafted indicator's block.
func (d *Draft) IndicatorsText(src string, s *model.Site) (string, error) {
	lines := strings.SplitAfter(src, "\n")
	var starts []int // 0-based line of each [[indicator]]
	for i, l := range lines {
		if indicatorHeader.MatchString(l) {
			starts = append(starts, i)
		}
	}
	if len(starts) != len(s.Indicators) {
		return "", fmt.Errorf("data/indicators.toml có %d dòng [[indicator]] nhưng đọc được %d chỉ tiêu", len(starts), len(s.Indicators))
	}
	first := time.Date(d.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	insert := map[int]string{} // before line index → text
	drafted := map[*model.Indicator]bool{}
	for _, ind := range d.Indicators {
		drafted[ind] = true
	}
	for i, ind := range s.Indicators {
		if !drafted[ind] {
			continue
		}
		end := len(lines)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		// Comments and blank lines just above the next indicator belong to it.
		for end > starts[i]+1 && isBlankOrComment(lines[end-1]) {
			end--
		}
		prev := ind.TargetOn(first.AddDate(0, 0, -1))
		basis := ""
		if prev.Basis != nil {
			basis = nextKey(prev.Basis.Key, d.Year)
		}
		insert[end] += d.targetText(prev, basis, indentOf(lines, starts[i], end))
	}
	var b strings.Builder
	for i := 0; i <= len(lines); i++ {
		if t, ok := insert[i]; ok {
			if i > 0 && !strings.HasSuffix(lines[i-1], "\n") {
				b.WriteString("\n")
			}
			b.WriteString(t)
		}
		if i < len(lines) {
			b.WriteString(lines[i])
		}
	}
	return b.String(), nil
}

func isBlankOrComment(l string) bool {
	t := strings.TrimSpace(l)
	return t == "" || strings.HasPrefix(t, "#")
}

// indentOf is the indentation of the block's [[indicator.target]] lines ("  " if none).
func indentOf(lines []string, from, to int) string {
	for _, l := range lines[from:to] {
		if t := strings.TrimLeft(l, " \t"); strings.HasPrefix(t, "[[indicator.target]]") {
			return l[:len(l)-len(t)]
		}
	}
	return "  "
}

func (d *Draft) targetText(prev *model.Target, basis, in string) string {
	y, last := d.Year, d.Year-1
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s[[indicator.target]]   # năm %d: chép từ năm %d bằng chiso new-year — ghi giá trị theo văn bản năm %d\n", in, y, last, y)
	fmt.Fprintf(&b, "%svalue = %s   # năm %d: %s\n", in, periodfile.Missing, last, periodfile.Number(prev.Value))
	fmt.Fprintf(&b, "%sfrom = %d-01-01\n", in, y)
	fmt.Fprintf(&b, "%sto = %d-12-31\n", in, y)
	if basis != "" {
		fmt.Fprintf(&b, "%sbasis = %s\n", in, periodfile.Quote(basis))
	}
	return b.String()
}

// DocumentsText is the text of data/documents.toml with the new documents appended.
func (d *Draft) DocumentsText(src string) string {
	var b strings.Builder
	b.WriteString(src)
	if src != "" && !strings.HasSuffix(src, "\n") {
		b.WriteString("\n")
	}
	last := strconv.Itoa(d.Year - 1)
	for _, doc := range d.Documents {
		p := doc.Prev
		fmt.Fprintf(&b, "\n[[document]]   # văn bản giao chỉ tiêu năm %d, tạo bằng chiso new-year theo văn bản năm %s: ghi số, ngày và kiểm tra trích yếu\n", d.Year, last)
		fmt.Fprintf(&b, "key = %s\n", periodfile.Quote(doc.Key))
		fmt.Fprintf(&b, "type = %s\n", periodfile.Quote(p.Type))
		fmt.Fprintf(&b, "number = %s   # năm %s: %s\n", periodfile.Missing, last, p.Number)
		fmt.Fprintf(&b, "date = %s\n", periodfile.Missing)
		fmt.Fprintf(&b, "issuer = %s\n", periodfile.Quote(p.Issuer))
		if p.Title != "" {
			fmt.Fprintf(&b, "title = %s\n", periodfile.Quote(strings.ReplaceAll(p.Title, last, strconv.Itoa(d.Year))))
		}
	}
	return b.String()
}

// Names lists indicators' keys.
func Names(inds []*model.Indicator) string {
	keys := make([]string, len(inds))
	for i, ind := range inds {
		keys[i] = ind.Key
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}
