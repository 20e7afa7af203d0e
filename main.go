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
	"chiso/internal/vietnamese"
)

const usage = `chiso — trang công bố chỉ số phục vụ người dân, doanh nghiệp

Cách dùng:
  chiso build [--source THƯ_MỤC] [--out THƯ_MỤC]   dựng trang (mặc định: . và public/)
  chiso check [--source THƯ_MỤC] [--json]           kiểm tra dữ liệu, không dựng trang
  chiso help                                        in hướng dẫn này

build   Đọc config.toml, data/, content/ và templates/ trong --source, kiểm tra số liệu,
        rồi ghi trang vào --out. Nếu có lỗi, thư mục --out cũ được giữ nguyên.
        Thư viện biểu đồ ECharts được lấy từ node_modules/ (cài bằng ` + "`make site`" + ` hoặc
        ` + "`npm ci`" + `); --echarts TỆP chỉ định tệp khác.
check   Như build nhưng chỉ kiểm tra. Mỗi vấn đề một dòng:
        tệp:dòng:cột: lỗi|cảnh báo: điều sai — cách sửa
        --json in danh sách vấn đề dạng JSON cho máy đọc.

Mã thoát: 0 khi thành công (có thể có cảnh báo), 1 khi dữ liệu có lỗi, 2 khi dùng sai lệnh.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
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
	opts := build.Options{Source: os.DirFS(*source)}
	var err error
	if *echarts != "" {
		opts.ECharts, err = os.ReadFile(*echarts)
	} else {
		exe, _ := os.Executable()
		opts.ECharts, _, err = build.FindECharts(*source, ".", filepath.Dir(exe))
	}
	if err != nil {
		d := diag.List{}
		d.Errorf(diag.Pos{File: "node_modules/echarts"}, diag.NoECharts, err.Error())
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
		fmt.Fprintf(stderr, "Không ghi được trang vào %s: %v\n", *out, err)
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
	_, probs := build.Check(os.DirFS(*source))
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(probs)
	} else {
		fmt.Fprint(stdout, probs.String())
		e, w := probs.Count()
		fmt.Fprintf(stdout, "%d lỗi, %d cảnh báo.\n", e, w)
	}
	if probs.HasErrors() {
		return 1
	}
	return 0
}
