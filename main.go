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

	"chiso/internal/cardcache"
	"chiso/internal/diag"
	"chiso/internal/echarts"
	"chiso/internal/pipeline"
	"chiso/internal/publish"
	"chiso/internal/vietnamese"
)

const usage = `chiso — trang công bố chỉ số phục vụ người dân, doanh nghiệp

Cách dùng:
  chiso new [--source THƯ_MỤC] [--period 2026-01] [--toml]
                                                    tạo bảng tính tháng mới để điền số liệu
  chiso import TỆP.xlsx|TỆP.csv [--period 2026-01] [--mapping TỆP.toml] [--source THƯ_MỤC] [--replace]
                                                    đọc bảng tính vào data/periods/2026-01.toml
  chiso new-year 2026 [--source THƯ_MỤC]            chép mục tiêu năm trước sang năm mới để xác nhận
  chiso check [--source THƯ_MỤC] [--json] [--full]  kiểm tra dữ liệu, không dựng trang
  chiso build [--source THƯ_MỤC] [--out THƯ_MỤC]   dựng trang (mặc định: . và public/)
  chiso serve [--source THƯ_MỤC] [--addr 127.0.0.1:8080]
                                                    xem trước trong trình duyệt (địa chỉ in ra khi chạy), tự dựng lại khi lưu tệp
  chiso help                                        in hướng dẫn này

Hướng dẫn đầy đủ cho người biên tập: docs/editors.md.

build   Đọc config.toml, data/, content/ và templates/ trong --source, kiểm tra số liệu,
        rồi ghi trang vào --out. Nếu có lỗi, thư mục --out cũ được giữ nguyên.
        Thư viện biểu đồ ECharts ` + echarts.Version + ` có sẵn trong chương trình; --echarts TỆP
        dùng tệp khác.
        Ảnh chia sẻ (anh-chia-se.png) đã vẽ được giữ trong bộ nhớ đệm để lần dựng sau dùng lại:
        mặc định chiso/ trong thư mục bộ nhớ đệm của người dùng (~/.cache/chiso trên Linux),
        đổi bằng --cache-dir THƯ_MỤC hoặc biến CHISO_CACHE_DIR; --no-cache (hoặc
        CHISO_CACHE_DIR=off) vẽ lại tất cả. Xóa thư mục đó lúc nào cũng được.
check   Như build nhưng chỉ kiểm tra. Mỗi vấn đề một dòng:
        tệp:dòng:cột: lỗi|cảnh báo: điều sai — cách sửa
        --json in danh sách vấn đề dạng JSON cho máy đọc. Dòng cuối tóm tắt số lỗi, cảnh báo.
        --full dựng cả trang trong bộ nhớ (chậm hơn) để tìm thêm lỗi chỉ lộ ra khi dựng:
        mẫu trang hỏng với số liệu, chuyển hướng che trang hoặc trỏ tới trang không có.
new     Tạo bảng tính data/periods/KỲ.xlsx (và KỲ.csv cùng nội dung; mặc định: tháng sau kỳ
        mới nhất) theo cấu trúc kỳ mới nhất: cùng các chỉ tiêu, các cấp và đơn vị còn hiệu lực.
        Điền các ô nền vàng (số, ngày báo cáo, điểm, thứ hạng, số liệu) rồi chạy import.
        Bỏ cách tháng thì cảnh báo, nêu các tháng thiếu. Không bao giờ ghi đè tệp đã có.
        --toml tạo thẳng tệp KỲ.toml với mỗi số liệu là "?" để gõ tay.
import  Đọc bảng tính do new tạo (kỳ lấy từ ô “Kỳ báo cáo”), hoặc tệp xuất của hệ thống khác
        với --period: mỗi dòng một cấp hoặc đơn vị và một chỉ tiêu (cột Chỉ tiêu, Cấp hoặc
        Đơn vị, Tử số, Mẫu số, Tỷ lệ), hoặc mỗi cột một chỉ tiêu; rồi ghi data/periods/KỲ.toml.
        Số viết kiểu Việt Nam (63,4; 139.506) được hiểu đúng. Ô nào sai được báo kèm số dòng;
        có lỗi thì không ghi gì. --mapping chỉ định tên cột, chỉ tiêu, cấp khác mặc định;
        --replace thay tệp kỳ đã có.
new-year
        Chép các mục tiêu kết thúc cuối năm trước sang năm NĂM trong data/indicators.toml và
        thêm văn bản giao chỉ tiêu mới vào data/documents.toml; giá trị, số và ngày văn bản để
        "?" — check báo từng ô cho đến khi điền xong theo văn bản mới.
serve   Dựng trang trong bộ nhớ và phục vụ tại --addr (mặc định 127.0.0.1:8080) dưới base_path.
        Mỗi lần lưu tệp trong config.toml, data/, content/, templates/ trang được dựng lại và
        trình duyệt tự tải lại; nếu dữ liệu có lỗi, trang hiện danh sách lỗi kèm tệp và dòng.
        Dùng chung bộ nhớ đệm ảnh chia sẻ với build (--cache-dir, --no-cache).

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
		defer cpuProfile()()
		defer execTrace()()
		return cmdBuild(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "new":
		return cmdNew(args[1:], stdout, stderr)
	case "import":
		return cmdImport(args[1:], stdout, stderr)
	case "new-year":
		return cmdNewYear(args[1:], stdout, stderr)
	case "serve":
		return cmdServe(args[1:], stdout, stderr)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "không có lệnh “%s”%s — các lệnh: new, import, new-year, check, build, serve, help\n", args[0], nearCommand(args[0]))
	return 2
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fs := flags("build", stderr)
	source := fs.String("source", ".", "thư mục nguồn của trang")
	out := fs.String("out", "", "thư mục ghi trang (mặc định: public/ trong thư mục nguồn)")
	echarts := fs.String("echarts", "", "tệp echarts.common.min.js")
	cache := cacheFlags(fs)
	if err := parseNone(fs, args); err != nil {
		return 2
	}
	if *out == "" {
		*out = filepath.Join(*source, "public")
	}
	src := openSource(*source, stderr)
	if src == nil || !checkOut(*source, *out, stderr) {
		return 2
	}
	cards := cache()
	defer cards.Close()
	opts := pipeline.Options{Source: src, Dir: *source, Cards: cards}
	var err error
	if opts.ECharts, err = chartLibrary(*echarts); err != nil {
		d := diag.List{}
		d.Errorf(diag.Pos{File: *echarts}, diag.NoECharts, echartsWhere(*echarts, err))
		fmt.Fprint(stderr, d.String())
		return 1
	}
	stopProfile, unbound := memProfile(), boundHeap()
	st, probs, err := pipeline.ToDir(opts, *out)
	unbound()
	stopProfile()
	fmt.Fprint(stderr, probs.String())
	if err != nil {
		if errors.Is(err, pipeline.ErrInvalid) {
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
	// Every figure the Vietnamese way, and the time in seconds: "3.776 ms" read as four
	// milliseconds to an editor, not as almost four seconds.
	fmt.Fprintf(stdout, "Đã dựng %s trang (%s tệp, %s MB) vào %s trong %s giây; %d cảnh báo.\n",
		vietnamese.Int(int64(st.Pages)), vietnamese.Int(int64(st.Files)), vietnamese.Decimal(float64(st.Bytes)/1e6, 1),
		*out, vietnamese.Decimal(st.Duration.Seconds(), 1), w)
	return 0
}

// cacheFlags adds build's and serve's cache flags to fs; the function it returns opens the
// share cards' cache they name (internal/cardcache), nil when turned off.
func cacheFlags(fs *flag.FlagSet) func() *cardcache.Cache {
	dir := fs.String("cache-dir", "", "thư mục bộ nhớ đệm (mặc định: $CHISO_CACHE_DIR hoặc chiso/ trong thư mục bộ nhớ đệm của người dùng; off: tắt)")
	off := fs.Bool("no-cache", false, "không dùng bộ nhớ đệm: vẽ lại mọi ảnh chia sẻ")
	return func() *cardcache.Cache {
		if *off {
			return nil
		}
		return cardcache.Open(cardcache.Dir(*dir))
	}
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := flags("check", stderr)
	source := fs.String("source", ".", "thư mục nguồn của trang")
	asJSON := fs.Bool("json", false, "in kết quả dạng JSON")
	full := fs.Bool("full", false, "dựng cả trang trong bộ nhớ để tìm thêm lỗi mẫu trang")
	if err := parseNone(fs, args); err != nil {
		return 2
	}
	src := openSource(*source, stderr)
	if src == nil {
		return 2
	}
	// Plain check loads and validates (templates parsed, not run); --full builds the site
	// in memory and reports everything build would.
	var probs diag.List
	if *full {
		_, probs, _ = pipeline.Site(pipeline.Options{Source: src})
	} else {
		probs = pipeline.Validate(src)
	}
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
