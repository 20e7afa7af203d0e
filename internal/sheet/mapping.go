package sheet

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"chiso/internal/diag"
	"chiso/internal/vietnamese"
)

// Mapping says how to read a spreadsheet whose headers or labels differ from the
// defaults. Its file (--mapping) is TOML:
//
//	sheet = "Tổng hợp"            # XLSX sheet; default: the first
//	header_row = 3                # row of the column headers; default: found
//	[columns]                     # field = header as written in the file
//	indicator = "Nội dung chỉ tiêu"
//	level = "Cấp thực hiện"
//	numerator = "Số hồ sơ trực tuyến"
//	denominator = "Tổng số hồ sơ"
//	rate = "Tỷ lệ"
//	[indicators]                  # label in the file = indicator key
//	"Tỷ lệ hồ sơ trực tuyến" = "ho-so-truc-tuyen"
//	[levels]                      # label = level key, or "toan-tinh" for the whole
//	"Sở, ban, ngành" = "tinh"
//	[units]                       # label = unit code
//	"UBND phường Quy Nhơn" = "gl-quy-nhon"
type Mapping struct {
	Sheet      string            `toml:"sheet"`
	HeaderRow  int               `toml:"header_row"`
	Columns    map[string]string `toml:"columns"`
	Indicators map[string]string `toml:"indicators"`
	Levels     map[string]string `toml:"levels"`
	Units      map[string]string `toml:"units"`
}

// Fields a column can hold.
const (
	fIndicator   = "indicator"
	fLevel       = "level"
	fUnit        = "unit"
	fNumerator   = "numerator"
	fDenominator = "denominator"
	fRate        = "rate"
)

// fieldNames words a field for messages.
var fieldNames = map[string]string{
	fIndicator: "Chỉ tiêu", fLevel: "Cấp", fUnit: "Đơn vị", fNumerator: "Tử số", fDenominator: "Mẫu số", fRate: "Tỷ lệ",
}

// defaultHeaders are the headers recognised without a mapping, folded: Vietnamese as
// in the province's exports, and English.
var defaultHeaders = map[string]string{
	"chi tieu": fIndicator, "ma chi tieu": fIndicator, "ten chi tieu": fIndicator, "indicator": fIndicator,
	"cap": fLevel, "ma cap": fLevel, "cap hanh chinh": fLevel, "level": fLevel,
	"don vi": fUnit, "ma don vi": fUnit, "ten don vi": fUnit, "co quan don vi": fUnit, "unit": fUnit,
	"tu so": fNumerator, "so dat": fNumerator, "numerator": fNumerator,
	"mau so": fDenominator, "tong so": fDenominator, "denominator": fDenominator,
	"ty le": fRate, "ty le dat": fRate, "rate": fRate,
}

// levelAliases are labels of one kind of unit used for the level that holds several
// (folded): "Cấp phường" is most likely the level named "Cấp xã".
var levelAliases = map[string]string{
	"cap phuong": "cap xa", "phuong": "cap xa", "cap thi tran": "cap xa", "thi tran": "cap xa",
	"xa, phuong": "cap xa", "cap xa, phuong": "cap xa", "xa phuong": "cap xa",
	"cap quan": "cap huyen", "quan": "cap huyen", "cap thi xa": "cap huyen", "thi xa": "cap huyen",
}

// wholeLabels name the whole province in a level column.
var wholeLabels = map[string]bool{
	"toan tinh": true, "tong": true, "tong cong": true, "chung": true, "ca tinh": true, "toan-tinh": true, "whole": true,
	"toan tinh thanh pho": true, "toan thanh pho": true,
}

// fold is the form headers and labels are compared in: no marks, lower case, only
// letters and digits separated by single spaces ("Tỷ lệ (%)" → "ty le").
func fold(s string) string {
	s = vietnamese.Fold(s)
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// LoadMapping reads a mapping file.
func LoadMapping(path string) (*Mapping, Problems) {
	name := filepath.Base(path)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, Problems{{File: name, Severity: diag.Error, What: "không đọc được tệp mapping", Todo: "kiểm tra đường dẫn --mapping"}}
	}
	m := &Mapping{}
	md, err := toml.Decode(string(data), m)
	if err != nil {
		var pe toml.ParseError
		line := 0
		if errors.As(err, &pe) {
			line = pe.Position.Line
		}
		return nil, Problems{mappingSyntax.problem(name, line, diag.Error, line)}
	}
	var probs Problems
	for _, k := range md.Undecoded() {
		probs = append(probs, mappingKey.problem(name, 0, diag.Error, k.String()))
	}
	for field := range m.Columns {
		if fieldNames[field] == "" {
			probs = append(probs, mappingKey.problem(name, 0, diag.Error, "columns."+field))
		}
	}
	return m, probs
}

// checkMapping reports labels that map to codes the site does not have.
func (m *Mapping) check(name string, known func(table, code string) bool) Problems {
	var probs Problems
	for _, tbl := range []struct {
		name   string
		m      map[string]string
		prefix string
	}{{"indicators", m.Indicators, "data/indicators.toml"}, {"levels", m.Levels, "data/levels.toml"}, {"units", m.Units, "data/units.toml"}} {
		labels := make([]string, 0, len(tbl.m))
		for l := range tbl.m {
			labels = append(labels, l)
		}
		sort.Strings(labels)
		for _, l := range labels {
			if !known(tbl.name, tbl.m[l]) {
				probs = append(probs, mappingValue.problem(name, 0, diag.Error, tbl.name, l, tbl.m[l],
					"dùng một mã có trong "+tbl.prefix))
			}
		}
	}
	return probs
}
