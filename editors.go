package main

// The editors' workflow: `new` drafts next month's file, `import` reads a spreadsheet
// export into one, `serve` previews the site while the files are edited.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing/fstest"

	"chiso/internal/diag"
	"chiso/internal/echarts"
	"chiso/internal/model"
	"chiso/internal/periodfile"
	"chiso/internal/pipeline"
	"chiso/internal/preview"
	"chiso/internal/sheet"
	"chiso/internal/vietnamese"
	"chiso/internal/write"
)

var periodArg = regexp.MustCompile(`^(\d{4})-(\d{2})$`)

func parsePeriod(s string) (model.Period, bool) {
	m := periodArg.FindStringSubmatch(s)
	if m == nil {
		return model.Period{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	if mo < 1 || mo > 12 {
		return model.Period{}, false
	}
	return model.Period{Year: y, Month: mo}, true
}

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fs := flags("new", stderr)
	source := fs.String("source", ".", "thư mục nguồn của trang")
	period := fs.String("period", "", "kỳ cần tạo, ví dụ 2025-01 (mặc định: tháng sau kỳ mới nhất)")
	asTOML := fs.Bool("toml", false, "tạo tệp kỳ .toml có các ô \"?\" để gõ tay, thay cho bảng tính")
	if err := parseNone(fs, args); err != nil {
		return 2
	}
	site, _ := pipeline.Check(os.DirFS(*source))
	latest := site.Latest()
	if latest == nil {
		fmt.Fprintf(stderr, "chiso new: chưa có kỳ báo cáo nào đọc được trong %s/data/periods/ để làm mẫu — chạy `chiso check` để xem lỗi, hoặc chép một tệp kỳ mẫu vào đó\n", *source)
		return 1
	}
	p := periodfile.Next(latest.Period)
	if *period != "" {
		var ok bool
		if p, ok = parsePeriod(*period); !ok {
			fmt.Fprintf(stderr, "chiso new: kỳ “%s” không hợp lệ — viết năm-tháng, ví dụ --period 2025-01\n", *period)
			return 2
		}
	}
	for _, r := range site.Reports {
		if r.Period.Key() == p.Key() {
			fmt.Fprintf(stderr, "chiso new: kỳ %s đã có trong %s — mở tệp đó để sửa, hoặc chọn kỳ khác bằng --period\n", p.Key(), r.File)
			return 1
		}
	}
	// Months skipped since the latest period: the site will show a gap, and comparisons
	// will be with the latest month, not the month before.
	if gap := model.MonthsBetween(latest.Period, p); len(gap) > 0 {
		fmt.Fprintf(stderr, "Cảnh báo: chưa có số liệu %s (giữa kỳ %s đã có và kỳ %s) — nếu các tháng đó có báo cáo, tạo chúng trước: chiso new --period %s\n",
			model.MonthsText(gap), vietnamese.MonthYear(latest.Period.Year, latest.Period.Month), vietnamese.MonthYear(p.Year, p.Month), gap[0].Key())
	}
	from := periodfile.Base(site, p)
	f := periodfile.Draft(site, from, p)
	if *asTOML {
		return newTOML(site, from, f, *source, stdout, stderr)
	}
	t := sheet.NewTemplate(site, f)
	xlsx, err := t.XLSX()
	if err != nil {
		fmt.Fprintf(stderr, "chiso new: không tạo được bảng tính: %v\n", err)
		return 1
	}
	base := strings.TrimSuffix(f.Name(), ".toml")
	for _, ext := range []string{".xlsx", ".csv"} {
		if _, err := os.Stat(filepath.Join(*source, base+ext)); err == nil {
			fmt.Fprintf(stderr, "chiso new: đã có bảng tính %s — điền bảng tính đó rồi chạy chiso import %s; muốn tạo lại thì xóa tệp đó trước\n",
				filepath.Join(*source, base+ext), filepath.Join(*source, base+ext))
			return 1
		}
	}
	for ext, data := range map[string][]byte{".xlsx": xlsx, ".csv": t.CSV()} {
		if dst, err := periodfile.CreateFile(*source, base+ext, data); err != nil {
			fmt.Fprintf(stderr, "chiso new: không ghi được %s: %v\n", dst, err)
			return 1
		}
	}
	sheetPath := filepath.Join(*source, base+".xlsx")
	fmt.Fprintf(stdout, "Đã tạo bảng tính %s (và %s.csv, cùng nội dung) từ %s: %s.\n", sheetPath, path.Base(base), from.File, describe(site, f))
	index := ""
	if f.Index != nil {
		index = ", điểm và thứ hạng"
	}
	fmt.Fprintf(stdout, "Điền %d ô nền vàng: số và ngày báo cáo%s, số liệu từng chỉ tiêu (ô đã có chữ lấy theo kỳ trước: kiểm tra lại). Lưu tệp rồi chạy:\n", t.Inputs(), index)
	fmt.Fprintf(stdout, "  chiso import%s %s\n", sourceFlag(*source), sheetPath)
	for _, note := range draftNotes(site, p) {
		fmt.Fprintln(stdout, "Lưu ý: "+note)
	}
	return 0
}

// sourceFlag repeats --source in a suggested command when it is not the current folder.
func sourceFlag(source string) string {
	if filepath.Clean(source) == "." {
		return ""
	}
	return " --source " + source
}

// newTOML is `new --toml`: the period file itself, every figure a "?" to type.
func newTOML(site *model.Site, from *model.Report, f *periodfile.File, source string, stdout, stderr io.Writer) int {
	dst, err := periodfile.Create(source, f)
	if errors.Is(err, periodfile.ErrExists) {
		fmt.Fprintf(stderr, "chiso new: tệp %s đã có, không ghi đè — mở tệp đó để sửa, hoặc chọn kỳ khác bằng --period\n", dst)
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "chiso new: không ghi được %s: %v\n", dst, err)
		return 1
	}
	fmt.Fprintf(stdout, "Đã tạo %s từ %s: %s.\n", f.Name(), from.File, describe(site, f))
	fmt.Fprintf(stdout, "Còn %d ô \"?\" cần nhập: số và ngày của báo cáo ([report] number, date)%s, và số liệu từng chỉ tiêu.\n",
		f.Missing(), ifIndex(f))
	for _, note := range draftNotes(site, f.Period) {
		fmt.Fprintln(stdout, "Lưu ý: "+note)
	}
	fmt.Fprintf(stdout, "Nhập xong, chạy: chiso check%s\n", sourceFlag(source))
	return 0
}

func ifIndex(f *periodfile.File) string {
	if f.Index == nil {
		return ""
	}
	return ", điểm và thứ hạng ([index])"
}

// describe says what the drafted file holds: "7 chỉ tiêu; cấp tỉnh, cấp xã; 18 đơn vị".
func describe(s *model.Site, f *periodfile.File) string {
	levels := map[string]bool{}
	units := map[string]bool{}
	for _, r := range f.Results {
		for _, c := range append(append([]periodfile.Cell{}, r.Rates...), r.Nums...) {
			levels[c.Key] = true
		}
		for _, u := range r.Units {
			units[u.Code] = true
			if su := s.Unit(u.Code); su != nil && su.Level != nil {
				levels[su.Level.Key] = true
			}
		}
	}
	var names []string
	for _, lv := range s.Levels {
		if levels[lv.Key] {
			names = append(names, write.LowerFirst(lv.Name))
		}
	}
	out := fmt.Sprintf("%s chỉ tiêu", vietnamese.Pad2(len(f.Results)))
	if len(names) > 0 {
		out += "; " + strings.Join(names, ", ")
	}
	if len(units) > 0 {
		out += fmt.Sprintf("; %d đơn vị", len(units))
	}
	return out
}

// draftNotes are what the editor must settle elsewhere before the new period can be
// published: targets and the reporting body in force.
func draftNotes(s *model.Site, p model.Period) []string {
	end := p.End()
	var missing []string
	for _, ind := range s.Indicators {
		if ind.TargetOn(end) == nil {
			missing = append(missing, ind.Key)
		}
	}
	var notes []string
	if len(missing) > 0 {
		notes = append(notes, fmt.Sprintf("chưa có mục tiêu áp dụng cho kỳ %s của %d chỉ tiêu (%s) — chạy chiso new-year %d để chép mục tiêu năm trước rồi điền theo văn bản năm %d",
			vietnamese.MonthYear(p.Year, p.Month), len(missing), strings.Join(missing, ", "), p.Year, p.Year))
	}
	found := false
	for _, e := range s.Entities {
		found = found || e.InForce(end)
	}
	if len(s.Entities) > 0 && !found {
		notes = append(notes, fmt.Sprintf("không có đơn vị báo cáo (tỉnh) nào có hiệu lực trong kỳ %s — sửa data/entities.toml",
			vietnamese.MonthYear(p.Year, p.Month)))
	}
	return notes
}

func cmdImport(args []string, stdout, stderr io.Writer) int {
	fs := flags("import", stderr)
	source := fs.String("source", ".", "thư mục nguồn của trang")
	period := fs.String("period", "", "kỳ của số liệu, ví dụ 2024-06 (bắt buộc)")
	mapping := fs.String("mapping", "", "tệp mapping.toml: tên cột, chỉ tiêu, cấp, đơn vị khác mặc định")
	replace := fs.Bool("replace", false, "thay số liệu của tệp kỳ đã có, giữ phần đầu (báo cáo, điểm chỉ số)")
	files, err := parseAll(fs, args)
	if err != nil {
		return 2
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "chiso import: cần đúng một tệp bảng tính, ví dụ: chiso import data/periods/2024-06.xlsx (bảng tính do chiso new tạo) hoặc chiso import --period 2024-06 xuat-vnpt.xlsx")
		return 2
	}
	var p model.Period
	if *period != "" {
		var ok bool
		if p, ok = parsePeriod(*period); !ok {
			fmt.Fprintf(stderr, "chiso import: kỳ “%s” không hợp lệ — viết năm-tháng, ví dụ --period 2024-06\n", *period)
			return 2
		}
	}
	var m *sheet.Mapping
	if *mapping != "" {
		var probs sheet.Problems
		m, probs = sheet.LoadMapping(*mapping)
		fmt.Fprint(stderr, probs.String())
		if probs.HasErrors() {
			return 1
		}
	}
	sheetName := ""
	if m != nil {
		sheetName = m.Sheet
	}
	t, err := sheet.Open(files[0], sheetName)
	if err != nil {
		var pathErr *os.PathError
		if errors.As(err, &pathErr) {
			// The file named cannot be opened: a slip in the command line, worded as
			// every other file problem, not in Go's words.
			what, todo := diag.OSReason(err)
			fmt.Fprintln(stderr, diag.Diagnostic{Pos: diag.Pos{File: files[0]}, Severity: diag.Error, Code: diag.ReadFailed, Args: []any{what, todo}})
			return 2
		}
		fmt.Fprintln(stderr, err)
		return 1
	}
	// The template of `chiso new` carries its period and the report's header cells.
	header := sheet.ReadHeader(t)
	if header != nil {
		hp, ok := header.Period()
		switch {
		case !ok:
			fmt.Fprintf(stderr, "%s: ô “Kỳ báo cáo” không đọc được — viết năm-tháng, ví dụ 2024-06, hoặc ghi --period\n", t.Name)
			return 2
		case *period != "" && hp != p:
			return importFailed(stderr, sheet.PeriodDiffers(t.Name, hp, p))
		}
		p = hp
	} else if *period == "" {
		fmt.Fprintf(stderr, "chiso import: %s không phải bảng tính do chiso new tạo, nên cần --period, ví dụ: chiso import --period 2024-06 %s\n", t.Name, files[0])
		return 2
	}
	site, _ := pipeline.Check(os.DirFS(*source))
	results, probs := sheet.Read(site, t, m, p)
	if header != nil {
		// The header cells are checked with the rows, so one run lists every mistake.
		if base := periodfile.Base(site, p); base != nil {
			probs = append(probs, header.Apply(periodfile.Draft(site, base, p))...)
			sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
		}
	}
	if probs.HasErrors() {
		return importFailed(stderr, probs)
	}
	// The header: the existing file's with --replace, else drafted from the latest period.
	var f *periodfile.File
	dst := filepath.Join(*source, "data", "periods", p.Key()+".toml")
	if old, err := os.ReadFile(dst); err == nil {
		if !*replace {
			fmt.Fprint(stderr, probs.String())
			fmt.Fprintf(stderr, "chiso import: %s đã có — thêm --replace để thay số liệu trong tệp đó (giữ phần đầu: báo cáo, điểm chỉ số), hoặc xóa tệp\n", dst)
			return 1
		}
		f = &periodfile.File{Period: p}
		if err := periodfile.WithHeaderOf(f, old); err != nil {
			fmt.Fprint(stderr, probs.String())
			fmt.Fprintf(stderr, "chiso import: %s có lỗi cú pháp, không giữ được phần đầu — sửa tệp (chạy chiso check) hoặc xóa nó rồi nhập lại\n", dst)
			return 1
		}
	} else if base := periodfile.Base(site, p); base != nil {
		f = periodfile.Draft(site, base, p)
	} else {
		f = &periodfile.File{Period: p, SourceSystem: periodfile.Missing,
			Report: periodfile.Document{Type: periodfile.Quote("Báo cáo"), Number: periodfile.Missing, Date: periodfile.Missing, Issuer: periodfile.Missing}}
	}
	f.Results = results
	if header != nil {
		header.Apply(f) // its problems were reported above
	}
	f.Comment = []string{fmt.Sprintf("Kết quả tháng %s, nhập bằng `chiso import` từ %s.", vietnamese.MonthYear(p.Year, p.Month), t.Name)}
	if f.Missing() > 0 {
		f.Comment = append(f.Comment, `Các ô "?" (số, ngày báo cáo, điểm chỉ số) cần nhập tay; chạy "chiso check" để xem còn gì.`)
	}
	// Check the figures as the site will read them, before writing anything.
	src := overlay(os.DirFS(*source), f.Name(), f.Probe().Bytes())
	_, checked := pipeline.Check(src)
	probs = append(probs, sheet.FromCheck(t.Name, f.Probe(), checked)...)
	if probs.HasErrors() {
		return importFailed(stderr, probs)
	}
	fmt.Fprint(stderr, probs.String())
	if *replace {
		_, err = periodfile.Replace(*source, f)
	} else {
		_, err = periodfile.Create(*source, f)
	}
	if err != nil {
		fmt.Fprintf(stderr, "chiso import: không ghi được %s: %v\n", dst, err)
		return 1
	}
	rows := 0
	for _, r := range results {
		rows += len(r.Rows)
	}
	fmt.Fprintf(stdout, "Đã ghi %s: %s chỉ tiêu từ %d dòng của %s.\n", f.Name(), vietnamese.Pad2(len(results)), rows, t.Name)
	switch n := f.Missing(); {
	case n > 0 && header != nil:
		fmt.Fprintf(stdout, "Còn %d ô để trống trong bảng tính (xem cảnh báo ở trên), tệp kỳ ghi \"?\" ở đó: điền bảng tính rồi nhập lại với --replace, hoặc sửa thẳng %s.\n", n, f.Name())
	case n > 0:
		fmt.Fprintf(stdout, "Còn %d ô \"?\" cần nhập tay: số và ngày của báo cáo ([report])%s.\n", n, ifIndex(f))
	}
	for _, note := range draftNotes(site, p) {
		fmt.Fprintln(stdout, "Lưu ý: "+note)
	}
	fmt.Fprintf(stdout, "Tiếp theo: chiso check%s\n", sourceFlag(*source))
	return 0
}

func importFailed(stderr io.Writer, probs sheet.Problems) int {
	fmt.Fprint(stderr, probs.String())
	e := 0
	for _, p := range probs {
		if p.Severity == diag.Error {
			e++
		}
	}
	fmt.Fprintf(stderr, "Không ghi gì: %d lỗi. Sửa bảng tính (hoặc tệp mapping) rồi nhập lại.\n", e)
	return 1
}

// overlay is fsys with one file added or replaced.
func overlay(fsys fs.FS, name string, data []byte) fs.FS {
	return withFile{fsys, fstest.MapFS{name: &fstest.MapFile{Data: data}}, name}
}

type withFile struct {
	fs.FS
	over fstest.MapFS
	name string
}

func (w withFile) Open(name string) (fs.File, error) {
	if name == w.name {
		return w.over.Open(name)
	}
	return w.FS.Open(name)
}

// Glob lists the added file too, so the loader sees a new period.
func (w withFile) Glob(pattern string) ([]string, error) {
	names, err := fs.Glob(w.FS, pattern)
	if err != nil {
		return nil, err
	}
	if ok, _ := path.Match(pattern, w.name); ok && !slices.Contains(names, w.name) {
		names = append(names, w.name)
		sort.Strings(names)
	}
	return names, nil
}

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fs := flags("serve", stderr)
	source := fs.String("source", ".", "thư mục nguồn của trang")
	addr := fs.String("addr", "127.0.0.1:8080", "địa chỉ phục vụ (chỉ máy này: 127.0.0.1)")
	echartsFile := fs.String("echarts", "", "tệp echarts.common.min.js")
	cache := cacheFlags(fs)
	if rest, err := parseAll(fs, args); err != nil || len(rest) > 0 {
		return 2
	}
	lib, err := chartLibrary(*echartsFile)
	if err != nil {
		fmt.Fprintf(stderr, "Lưu ý: không đọc được %s (%v): bản xem trước dùng thư viện ECharts có sẵn trong chương trình.\n", *echartsFile, err)
		lib = echarts.Library
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cards := cache()
	defer cards.Close()
	srv := preview.New(*source, preview.Options{ECharts: lib, Log: stdout, Cards: cards})
	at, done, err := srv.Start(ctx, *addr)
	if err != nil {
		fmt.Fprintf(stderr, "chiso serve: không mở được %s: %v — có thể một chương trình khác đang dùng cổng này; thử --addr 127.0.0.1:8081\n", *addr, err)
		return 1
	}
	fmt.Fprintf(stdout, "Xem trước tại http://%s%s — trang tự tải lại khi lưu tệp. Nhấn Ctrl+C để dừng.\n", at, srv.Base())
	if err := <-done; err != nil {
		fmt.Fprintf(stderr, "chiso serve: %v\n", err)
		return 1
	}
	return 0
}

// checkSummary is check's closing line.
func checkSummary(probs diag.List) string {
	e, w := probs.Count()
	s := fmt.Sprintf("%d lỗi, %d cảnh báo", e, w)
	switch {
	case e > 0:
		return s + ": sửa các dòng “lỗi” ở trên rồi chạy lại chiso check; trang chưa dựng được."
	case w > 0:
		return s + ": dựng được trang; nên xem lại các cảnh báo."
	}
	return s + ": dữ liệu hợp lệ."
}

// chartLibrary is the ECharts build the site serves: the one embedded in the binary, or
// the file given with --echarts.
func chartLibrary(file string) ([]byte, error) {
	if file == "" {
		return echarts.Library, nil
	}
	return os.ReadFile(file)
}
