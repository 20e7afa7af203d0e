// Command chiso builds the public site of monthly service indicators from the data files
// that editors keep: see README.md.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"chiso/internal/build"
	"chiso/internal/diag"
	"chiso/internal/publish"
	"chiso/internal/vietnamese"
)

const usage = `chiso — trang công bố chỉ số phục vụ người dân, doanh nghiệp

Cách dùng:
  chiso build [--source THƯ_MỤC] [--out THƯ_MỤC]   dựng trang (mặc định: . và public/)
  chiso check [--source THƯ_MỤC] [--json]           kiểm tra dữ liệu, không dựng trang
  chiso new [--source THƯ_MỤC] [--period 2025-01]   tạo tệp kỳ mới để nhập số liệu
  chiso import --period 2024-06 TỆP.csv|TỆP.xlsx [--mapping TỆP.toml] [--source THƯ_MỤC] [--replace]
                                                    đọc bảng tính vào data/periods/2024-06.toml
  chiso serve [--source THƯ_MỤC] [--addr 127.0.0.1:8080]
                                                    xem trước trang, tự dựng lại khi lưu tệp
  chiso help                                        in hướng dẫn này

build   Đọc config.toml, data/, content/ và templates/ trong --source, kiểm tra số liệu,
        rồi ghi trang vào --out. Nếu có lỗi, thư mục --out cũ được giữ nguyên.
        Thư viện biểu đồ ECharts được lấy từ node_modules/ (cài bằng ` + "`make site`" + ` hoặc
        ` + "`npm ci`" + `); --echarts TỆP chỉ định tệp khác.
check   Như build nhưng chỉ kiểm tra. Mỗi vấn đề một dòng:
        tệp:dòng:cột: lỗi|cảnh báo: điều sai — cách sửa
        --json in danh sách vấn đề dạng JSON cho máy đọc. Dòng cuối tóm tắt số lỗi, cảnh báo.
new     Tạo data/periods/KỲ.toml (mặc định: tháng sau kỳ mới nhất) theo cấu trúc kỳ mới nhất:
        cùng các chỉ tiêu, các cấp và đơn vị còn hiệu lực trong kỳ mới, illustrative = false.
        Mỗi số liệu, số và ngày báo cáo để là "?": check báo "chưa nhập số liệu" từng ô
        cho đến khi nhập xong. Không bao giờ ghi đè tệp đã có.
import  Đọc bảng tính (CSV hoặc XLSX) mỗi dòng một cấp hoặc đơn vị và một chỉ tiêu
        (cột Chỉ tiêu, Cấp hoặc Đơn vị, Tử số, Mẫu số, Tỷ lệ), hoặc mỗi cột một chỉ tiêu,
        rồi ghi data/periods/KỲ.toml. Số viết kiểu Việt Nam (63,4; 139.506) được hiểu đúng.
        Dòng nào sai được báo kèm số dòng; có lỗi thì không ghi gì. --mapping chỉ định tên
        cột, chỉ tiêu, cấp khác mặc định; --replace thay số liệu của tệp kỳ đã có (giữ phần đầu).
serve   Dựng trang trong bộ nhớ và phục vụ tại --addr (mặc định 127.0.0.1:8080) dưới base_path.
        Mỗi lần lưu tệp trong config.toml, data/, content/, templates/ trang được dựng lại và
        trình duyệt tự tải lại; nếu dữ liệu có lỗi, trang hiện danh sách lỗi kèm tệp và dòng.

Mã thoát: 0 khi thành công (có thể có cảnh báo), 1 khi dữ liệu có lỗi, 2 khi dùng sai lệnh.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	return safely(stderr, func() int { return command(args, stdout, stderr) })
}

func command(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "new":
		return cmdNew(args[1:], stdout, stderr)
	case "import":
		return cmdImport(args[1:], stdout, stderr)
	case "serve":
		return cmdServe(args[1:], stdout, stderr)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "không có lệnh “%s”\n\n%s", args[0], usage)
	return 2
}

func flags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	return fs
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fs := flags("build", stderr)
	source := fs.String("source", ".", "thư mục nguồn của trang")
	out := fs.String("out", "", "thư mục ghi trang (mặc định: public/ trong thư mục nguồn)")
	echarts := fs.String("echarts", "", "tệp echarts.common.min.js")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" {
		*out = filepath.Join(*source, "public")
	}
	src := openSource(*source, stderr)
	if src == nil || !checkOut(*source, *out, stderr) {
		return 2
	}
	opts := build.Options{Source: src}
	var err error
	if *echarts != "" {
		opts.ECharts, err = os.ReadFile(*echarts)
	} else {
		exe, _ := os.Executable()
		opts.ECharts, _, err = build.FindECharts(*source, ".", filepath.Dir(exe))
	}
	if err != nil {
		d := diag.List{}
		d.Errorf(diag.Pos{File: "node_modules/echarts"}, diag.NoECharts, echartsWhere(*echarts, err))
		fmt.Fprint(stderr, d.String())
		return 1
	}
	st, probs, err := build.ToDir(opts, *out)
	fmt.Fprint(stderr, probs.String())
	if err != nil {
		if errors.Is(err, build.ErrInvalid) {
			e, w := probs.Count()
			fmt.Fprintf(stderr, "Không dựng được trang: %d lỗi, %d cảnh báo. Thư mục %s được giữ nguyên.\n", e, w, *out)
			return 1
		}
		var pe *publish.Error
		if errors.As(err, &pe) {
			fmt.Fprintln(stderr, pe.Diagnostic())
		} else {
			fmt.Fprintln(stderr, diag.Crash())
		}
		return 1
	}
	_, w := probs.Count()
	fmt.Fprintf(stdout, "Đã dựng %d trang (%d tệp, %s KB) vào %s trong %s ms; %d cảnh báo.\n",
		st.Pages, st.Files, vietnamese.Int(st.Bytes/1024), *out, vietnamese.Int(st.Duration.Milliseconds()), w)
	return 0
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := flags("check", stderr)
	source := fs.String("source", ".", "thư mục nguồn của trang")
	asJSON := fs.Bool("json", false, "in kết quả dạng JSON")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	src := openSource(*source, stderr)
	if src == nil {
		return 2
	}
	// Everything build would report, templates included: the site is built in memory.
	_, probs, _ := build.Site(build.Options{Source: src})
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(probs)
		fmt.Fprintln(stderr, checkSummary(probs))
	} else {
		fmt.Fprint(stdout, probs.String())
		fmt.Fprintln(stdout, checkSummary(probs))
	}
	if probs.HasErrors() {
		return 1
	}
	return 0
}
