package preview_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"chiso/internal/preview"
)

// TestRefusesOtherHosts: a page of another site whose name resolves to 127.0.0.1 (DNS
// rebinding) must not read the preview; the addresses the editor is given still work.
func TestRefusesOtherHosts(t *testing.T) {
	dir := site(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := preview.New(dir, preview.Options{Interval: time.Hour})
	addr, _, err := srv.Start(ctx, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := strings.Cut(addr.String(), ":")
	for host, want := range map[string]int{
		"127.0.0.1:" + port:        http.StatusOK,
		"localhost:" + port:        http.StatusOK,
		"LOCALHOST.:" + port:       http.StatusOK,
		"evil.example:" + port:     http.StatusMisdirectedRequest,
		"127.0.0.1.nip.io:" + port: http.StatusMisdirectedRequest,
		"127.0.0.1:1":              http.StatusMisdirectedRequest,
		"127.0.0.1":                http.StatusMisdirectedRequest,
	} {
		req, _ := http.NewRequest("GET", "http://"+addr.String()+"/", nil)
		req.Host = host
		resp, err := (&http.Client{Timeout: 5 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		got := resp.StatusCode
		if got == http.StatusFound {
			got = http.StatusOK // the redirect to base_path
		}
		if got != want {
			t.Errorf("Host %q: status %d, want %d", host, resp.StatusCode, want)
		}
	}
}

// TestPipeDoesNotHang: a named pipe where a data file belongs is reported, not read
// (reading it would wait for a writer forever).
func TestPipeDoesNotHang(t *testing.T) {
	dir := site(t)
	levels := filepath.Join(dir, "data", "levels.toml")
	os.Remove(levels)
	if err := syscall.Mkfifo(levels, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan *preview.Server, 1)
	go func() { done <- preview.New(dir, preview.Options{Interval: time.Hour}) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("preview.New hangs on a named pipe at data/levels.toml")
	}
}
