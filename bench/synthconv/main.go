// Command synthconv turns a dataset written by the shared benchmark generator (synth.py:
// provinces.csv, units.csv, indicators.csv, levels.csv, observations.csv) into a chiso site
// source: config.toml, data/ and a copy of the repository's templates/.
//
//	go run ./bench/synthconv -in DATASET -out SITE [-templates templates]
//
// It exists so that chiso and the Hugo baseline build the same observations side by side
// (bench/run.sh). The output is deterministic for a given dataset.
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	in := flag.String("in", "", "dataset folder written by synth.py")
	out := flag.String("out", "", "site folder to write (replaced)")
	tmpl := flag.String("templates", "templates", "templates folder to copy into the site")
	flag.Parse()
	if *in == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: synthconv -in DATASET -out SITE [-templates DIR]")
		os.Exit(2)
	}
	if err := convert(*in, *out, *tmpl); err != nil {
		fmt.Fprintln(os.Stderr, "synthconv:", err)
		os.Exit(1)
	}
}

type unit struct {
	code, province, level, name string
	first, last                 string // first and last period with an observation
}

type obs struct {
	unit     string
	num, den int64
}

func convert(in, out, tmpl string) error {
	provinces, err := readCSV(filepath.Join(in, "provinces.csv"))
	if err != nil {
		return err
	}
	if len(provinces) < 2 {
		return fmt.Errorf("provinces.csv: no province")
	}
	units, err := readCSV(filepath.Join(in, "units.csv"))
	if err != nil {
		return err
	}
	indicators, err := readCSV(filepath.Join(in, "indicators.csv"))
	if err != nil {
		return err
	}
	levels, err := readCSV(filepath.Join(in, "levels.csv"))
	if err != nil {
		return err
	}

	// observations.csv is ordered by province, period, unit, indicator: group by province,
	// period, then indicator, keeping the unit order of the file. The first province is
	// the site's own (data/periods/), every other one an entity of its own
	// (data/periods/pCODE/), so that each has its pooled rates and every month a comparison.
	byProvince := map[string]map[string]map[string][]obs{}
	allPeriods := map[string]bool{}
	unitByCode := map[string]*unit{}
	var unitOrder []*unit
	for _, r := range units[1:] {
		u := &unit{code: r[0], province: r[1], level: r[2], name: r[3]}
		unitByCode[u.code] = u
		unitOrder = append(unitOrder, u)
	}
	f, err := os.Open(filepath.Join(in, "observations.csv"))
	if err != nil {
		return err
	}
	defer f.Close()
	cr := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	cr.ReuseRecord = true
	if _, err := cr.Read(); err != nil {
		return err
	}
	for {
		r, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		period, code, ind := r[0], r[1], r[2]
		num, err1 := strconv.ParseInt(r[3], 10, 64)
		den, err2 := strconv.ParseInt(r[4], 10, 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("observations.csv: bad counts %q/%q", r[3], r[4])
		}
		u := unitByCode[code]
		if u == nil {
			return fmt.Errorf("observations.csv: unknown unit %q", code)
		}
		if u.first == "" || period < u.first {
			u.first = period
		}
		if period > u.last {
			u.last = period
		}
		allPeriods[period] = true
		byPeriod := byProvince[u.province]
		if byPeriod == nil {
			byPeriod = map[string]map[string][]obs{}
			byProvince[u.province] = byPeriod
		}
		m := byPeriod[period]
		if m == nil {
			m = map[string][]obs{}
			byPeriod[period] = m
		}
		m[ind] = append(m[ind], obs{code, num, den})
	}

	if err := os.RemoveAll(out); err != nil {
		return err
	}
	w := writer{root: out}
	own := provinces[1][0]
	var ents strings.Builder
	for _, p := range provinces[1:] {
		fmt.Fprintf(&ents, "[[entity]]\nkey = \"p%s\"\nname = %q\nshort = \"tỉnh\"\nsource_tag = \"chiso.example.vn\"\n\n", p[0], lowerFirst(p[2]))
	}
	w.file("data/entities.toml", ents.String())
	w.file("config.toml", `title = "Chỉ số phục vụ người dân, doanh nghiệp"
base_url = "https://chiso.example.vn"
base_path = "/chi-so/"
language = "vi"
author = "Ban biên tập"
licence = "CC-BY-4.0"
index_name = "Chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công trực tuyến"
jump_warning = 100
`)

	// Documents from the indicators' basis sentences: "Nghị quyết số 02/NQ-CP ngày 05/01/2024".
	docKeys := map[string]string{}
	var docs strings.Builder
	for _, r := range indicators[1:] {
		basis := r[3]
		if _, ok := docKeys[basis]; ok {
			continue
		}
		m := citation.FindStringSubmatch(basis)
		if m == nil {
			return fmt.Errorf("indicators.csv: cannot read the basis %q", basis)
		}
		key := fmt.Sprintf("doc-%d", len(docKeys)+1)
		docKeys[basis] = key
		issuer := "Chính phủ"
		if strings.Contains(m[2], "TTg") {
			issuer = "Thủ tướng Chính phủ"
		}
		month, _ := strconv.Atoi(m[4])
		fmt.Fprintf(&docs, "[[document]]\nkey = %q\ntype = %q\nnumber = %q\ndate = %s-%02d-%s\nissuer = %q\n\n",
			key, m[1], m[2], m[5], month, m[3], issuer)
	}
	w.file("data/documents.toml", docs.String())

	periods := make([]string, 0, len(allPeriods))
	for k := range allPeriods {
		periods = append(periods, k)
	}
	sort.Strings(periods)
	first := periods[0] + "-01"

	var inds strings.Builder
	for i, r := range indicators[1:] {
		fmt.Fprintf(&inds, "[[indicator]]\nkey = %q\nname = %q\nshort = \"Chỉ tiêu %d\"\ncounts = \"hồ sơ\"\ndefinition = %q\n\n  [[indicator.target]]\n  value = %s\n  from = %s\n  basis = %q\n  illustrative = true\n\n",
			r[0], r[1], i+1, "Tỷ lệ "+lowerFirst(r[1])+".", r[2], first, docKeys[r[3]])
	}
	w.file("data/indicators.toml", inds.String())

	var lv strings.Builder
	for _, r := range levels[1:] {
		fmt.Fprintf(&lv, "[[level]]\nkey = %q\nname = %q\n\n", r[0], r[1])
	}
	w.file("data/levels.toml", lv.String())

	var us strings.Builder
	for _, u := range unitOrder {
		if u.first == "" {
			continue // never reported
		}
		fmt.Fprintf(&us, "[[unit]]\ncode = %q\nname = %q\nlevel = %q\nfrom = %s-01\n", u.code, u.name, u.level, u.first)
		if u.province != own {
			fmt.Fprintf(&us, "entity = \"p%s\"\n", u.province)
		}
		if u.last != periods[len(periods)-1] {
			fmt.Fprintf(&us, "to = %s\n", monthEnd(u.last))
		}
		us.WriteString("\n")
	}
	w.file("data/units.toml", us.String())

	for _, p := range provinces[1:] {
		dir := "data/periods/"
		if p[0] != own {
			dir += "p" + p[0] + "/"
		}
		periodFiles(&w, dir, periods, byProvince[p[0]], indicators)
	}
	if w.err != nil {
		return w.err
	}
	return copyTree(tmpl, filepath.Join(out, "templates"))
}

// periodFiles writes one province's month files, with the counts of every unit.
func periodFiles(w *writer, dir string, periods []string, byPeriod map[string]map[string][]obs, indicators [][]string) {
	for _, per := range periods {
		if len(byPeriod[per]) == 0 {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "period = %q\nillustrative = true\nsource_system = \"Hệ thống thông tin giải quyết thủ tục hành chính\"\n\n", per)
		fmt.Fprintf(&b, "[report]\ntype = \"Báo cáo\"\nnumber = \"%s/BC-VPUBND\"\ndate = %s\nissuer = \"Văn phòng UBND tỉnh\"\n\n",
			strings.ReplaceAll(per, "-", ""), nextMonth20(per))
		for _, r := range indicators[1:] {
			rows := byPeriod[per][r[0]]
			if len(rows) == 0 {
				continue
			}
			fmt.Fprintf(&b, "[[result]]\nindicator = %q\nunits = [\n", r[0])
			for _, o := range rows {
				fmt.Fprintf(&b, "  { unit = %q, numerator = %d, denominator = %d },\n", o.unit, o.num, o.den)
			}
			b.WriteString("]\n\n")
		}
		w.file(dir+per+".toml", b.String())
	}
}

var citation = regexp.MustCompile(`^(.+?) số (\S+) ngày (\d\d)/(\d\d?)/(\d{4})$`)

func monthEnd(period string) string {
	y, _ := strconv.Atoi(period[:4])
	m, _ := strconv.Atoi(period[5:])
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return fmt.Sprintf("%s-%02d", period, days)
}

// nextMonth20 is the 20th of the month after the period, when such reports come out.
func nextMonth20(period string) string {
	y, _ := strconv.Atoi(period[:4])
	m, _ := strconv.Atoi(period[5:])
	if m++; m > 12 {
		y, m = y+1, 1
	}
	return fmt.Sprintf("%04d-%02d-20", y, m)
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

type writer struct {
	root string
	err  error
}

func (w *writer) file(rel, text string) {
	if w.err != nil {
		return
	}
	p := filepath.Join(w.root, rel)
	if w.err = os.MkdirAll(filepath.Dir(p), 0o755); w.err == nil {
		w.err = os.WriteFile(p, []byte(text), 0o644)
	}
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err == nil && len(rows) == 0 {
		err = fmt.Errorf("%s: empty", path)
	}
	return rows, err
}

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}
