// Command previewlat measures `chiso serve`: the time from saving a period file to the
// reloaded page served, and the server's peak memory. A benchmark, not a test: run it by
// hand on a site (bench/run.sh writes the province-scale one), e.g.
//
//	go build -o /tmp/chiso . && go run ./bench/previewlat -bin /tmp/chiso -source /tmp/chiso-bench/chiso-province
//
// It works on a copy of the site. Each save changes the report number of the newest
// period file and one unit's count (so the rates are derived again); the time runs from
// the write to the new version announced on /__chiso/events, then to the article page
// received with the new number in it. -gap is the pause between saves: below a second
// the background full build never starts; above, it runs while later saves are made.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

func main() {
	bin := flag.String("bin", "./chiso", "the chiso binary")
	source := flag.String("source", "", "the site (copied first)")
	saves := flag.Int("saves", 10, "saves to time")
	gap := flag.Duration("gap", 500*time.Millisecond, "pause between saves")
	flag.BoolVar(&verbose, "v", false, "print the server's log")
	flag.BoolVar(&download, "download", false, "after the saves, ask for the results CSV (a file only a full build makes) and time it")
	flag.Parse()
	if err := run(*bin, *source, *saves, *gap); err != nil {
		fmt.Fprintln(os.Stderr, "previewlat:", err)
		os.Exit(1)
	}
}

var verbose, download bool

func run(bin, source string, saves int, gap time.Duration) error {
	tmp, err := os.MkdirTemp("", "previewlat-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	site := filepath.Join(tmp, "site")
	if err := exec.Command("cp", "-r", source, site).Run(); err != nil {
		return err
	}
	periods, _ := filepath.Glob(filepath.Join(site, "data/periods/*.toml"))
	if len(periods) == 0 {
		return fmt.Errorf("no period files in %s", source)
	}
	sort.Strings(periods)
	file := periods[len(periods)-1]
	period := strings.TrimSuffix(filepath.Base(file), ".toml")
	orig, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	numberRe := regexp.MustCompile(`(?m)^number = "([^"]*)"`)
	countRe := regexp.MustCompile(`numerator = (\d+)`)
	m := numberRe.FindSubmatch(orig)
	if m == nil {
		return fmt.Errorf("%s has no report number", file)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := ln.Addr().String()
	ln.Close()
	start := time.Now()
	cmd := exec.Command(bin, "serve", "--source", site, "--addr", addr)
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { // as Ctrl+C: serve removes its temporary build folder
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	lines := bufio.NewScanner(out)
	base := ""
	for lines.Scan() {
		if _, rest, ok := strings.Cut(lines.Text(), "Xem trước tại http://"+addr); ok {
			base, _, _ = strings.Cut(rest, " ")
			break
		}
	}
	if base == "" {
		return fmt.Errorf("serve did not start")
	}
	go func() { // the server's log, for -v
		for lines.Scan() {
			if verbose {
				fmt.Println("  serve:", lines.Text())
			}
		}
	}()
	fmt.Printf("serve ready after %.1f s (%s)\n", time.Since(start).Seconds(), bin)
	root := "http://" + addr
	page := root + base + "bai-viet/" + period + "/"

	resp, err := http.Get(root + "/__chiso/events")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	versions := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				versions <- v
			}
		}
	}()
	<-versions
	if _, err := fetch(page); err != nil {
		return err
	}

	var toEvent, toPage, cpus []time.Duration
	halfWritten := 0
	for i := 1; i <= saves; i++ {
		time.Sleep(gap)
		number := fmt.Sprintf("%s-%d", m[1], i)
		text := numberRe.ReplaceAllString(string(orig), `number = "`+number+`"`)
		n := 0
		text = countRe.ReplaceAllStringFunc(text, func(s string) string {
			if n++; n != 1 {
				return s
			}
			var v int
			fmt.Sscanf(s, "numerator = %d", &v)
			return fmt.Sprintf("numerator = %d", max(0, v-i))
		})
		c0 := cpuOf(cmd.Process.Pid)
		t0 := time.Now()
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			return err
		}
		// The server may read the file half-written and show the error page until the next
		// poll: wait for the version whose page shows the save.
		var e time.Duration
		for {
			select {
			case <-versions:
			case <-time.After(120 * time.Second):
				return fmt.Errorf("no new version within 120 s")
			}
			if e == 0 {
				e = time.Since(t0)
			}
			if body, err := fetch(page); err == nil && strings.Contains(body, number) {
				break
			}
			halfWritten++
		}
		p := time.Since(t0)
		c := cpuOf(cmd.Process.Pid) - c0
		toEvent, toPage, cpus = append(toEvent, e), append(toPage, p), append(cpus, c)
		fmt.Printf("save %2d: version after %4d ms, page after %4d ms, server CPU %4d ms\n", i, e.Milliseconds(), p.Milliseconds(), c.Milliseconds())
	}
	fmt.Printf("saved file → new version: median %d ms, max %d ms\n", median(toEvent).Milliseconds(), maxOf(toEvent).Milliseconds())
	fmt.Printf("saved file → page served: median %d ms, max %d ms (%d saves, %s apart)\n", median(toPage).Milliseconds(), maxOf(toPage).Milliseconds(), saves, gap)
	if halfWritten > 0 {
		fmt.Printf("%d versions showed the file half-written (the error page) before the saved one\n", halfWritten)
	}
	fmt.Printf("server CPU per save (user+system, all cores): median %d ms\n", median(cpus).Milliseconds())
	if download {
		t0 := time.Now()
		if _, err := fetch(root + base + "du-lieu/ket-qua.csv"); err != nil {
			return err
		}
		fmt.Printf("du-lieu/ket-qua.csv served after %.1f s\n", time.Since(t0).Seconds())
	}
	if st, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)); err == nil {
		for _, l := range strings.Split(string(st), "\n") {
			if strings.HasPrefix(l, "VmHWM") || strings.HasPrefix(l, "VmRSS") {
				fmt.Println(strings.Join(strings.Fields(l), " "))
			}
		}
	}
	return nil
}

// cpuOf is the CPU time a process has used (Linux), so that a save's cost can be read on a
// busy machine where the wall time also measures the others.
func cpuOf(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndex(s, ")")+2:])
	var u, k int64
	fmt.Sscan(f[11], &u)
	fmt.Sscan(f[12], &k)
	return time.Duration(u+k) * time.Second / 100 // USER_HZ
}

func fetch(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		return "", fmt.Errorf("%s: status %d", url, resp.StatusCode)
	}
	return string(b), err
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration{}, ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func maxOf(ds []time.Duration) time.Duration {
	m := ds[0]
	for _, d := range ds {
		m = max(m, d)
	}
	return m
}
