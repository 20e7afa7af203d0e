package cardcache

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"time"

	"chiso/internal/shareimage"
)

var card = shareimage.Card{
	Kicker:  "Chỉ số phục vụ người dân, doanh nghiệp – tỉnh Bình Định",
	Title:   "Kết quả tháng 4/2024",
	Figures: []shareimage.Figure{{Value: "3/7", Label: "chỉ tiêu đạt mục tiêu", Low: true}, {Value: "88,62", Label: "điểm Chỉ số"}},
	Footer:  "Tháng 4/2024 · binhdinh.gov.vn",
}

// fixed is a cache for its keys only.
func fixed(t *testing.T, id string) *Cache {
	c := testCache(t, t.TempDir(), id, time.Time{})
	<-c.ready
	return c
}

// testCache is a cache in a temporary folder with a made-up identity and clock.
func testCache(t *testing.T, root, id string, now time.Time) *Cache {
	t.Helper()
	c := open(root, func() []byte { return []byte(id) }, func() time.Time { return now })
	t.Cleanup(c.Close)
	return c
}

// entries lists the entry files under root.
func entries(t *testing.T, root string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(root, "cards", "??", "*.png"))
	return files
}

// A miss draws and files the card; a hit gives the very bytes of a fresh Draw, read from
// the file (the drawing is not called: the entry is what is returned).
func TestHit(t *testing.T) {
	root := t.TempDir()
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	fresh, err := shareimage.Draw(card)
	if err != nil {
		t.Fatal(err)
	}
	c := testCache(t, root, "v1", now)
	got, err := c.Draw(card)
	if err != nil || !bytes.Equal(got, fresh) {
		t.Fatalf("miss: %v, same bytes %v", err, bytes.Equal(got, fresh))
	}
	files := entries(t, root)
	if len(files) != 1 {
		t.Fatalf("entries %v", files)
	}
	// Mark the entry's PNG so that a hit is told from a drawing: the checksum is made
	// again for the marked bytes, as a valid entry.
	key := c.key(card)
	marked := append([]byte{}, fresh...)
	marked[len(marked)-len(iend)-1] ^= 1 // a byte of the IDAT's CRC: still ends in IEND
	s := sum(key, marked)
	if err := os.WriteFile(files[0], append(marked, s[:]...), 0o666); err != nil {
		t.Fatal(err)
	}
	again, err := testCache(t, root, "v1", now).Draw(card)
	if err != nil || !bytes.Equal(again, marked) {
		t.Fatal("a valid entry was not read")
	}
	// The real entry back: a hit equals a fresh drawing.
	s = sum(key, fresh)
	os.WriteFile(files[0], append(append([]byte{}, fresh...), s[:]...), 0o666)
	again, err = testCache(t, root, "v1", now).Draw(card)
	if err != nil || !bytes.Equal(again, fresh) {
		t.Fatal("a hit differs from a fresh drawing")
	}
}

// Every field, and the drawing program, is in the key: a card changed in any way, or a
// new chiso, is another entry; fields moved from one to another are too.
func TestKeyChanges(t *testing.T) {
	c := fixed(t, "v1")
	base := c.key(card)
	change := map[string]func(*shareimage.Card){
		"kicker":      func(k *shareimage.Card) { k.Kicker += "x" },
		"title":       func(k *shareimage.Card) { k.Title = "Kết quả tháng 5/2024" },
		"footer":      func(k *shareimage.Card) { k.Footer = "" },
		"value":       func(k *shareimage.Card) { k.Figures[0].Value = "4/7" },
		"label":       func(k *shareimage.Card) { k.Figures[1].Label = "điểm" },
		"low":         func(k *shareimage.Card) { k.Figures[1].Low = true },
		"one figure":  func(k *shareimage.Card) { k.Figures = k.Figures[:1] },
		"no figures":  func(k *shareimage.Card) { k.Figures = nil },
		"moved text":  func(k *shareimage.Card) { k.Kicker, k.Title = k.Kicker+k.Title[:3], k.Title[3:] },
		"title empty": func(k *shareimage.Card) { k.Footer, k.Title = k.Title, k.Footer },
	}
	for name, f := range change {
		k := card
		k.Figures = append([]shareimage.Figure{}, card.Figures...)
		f(&k)
		if c.key(k) == base {
			t.Errorf("%s: same key", name)
		}
	}
	other := fixed(t, "v2")
	if other.key(card) == base {
		t.Error("another program: same key")
	}
	// A miss for real: the same card in a cache of another program is drawn again.
	root := t.TempDir()
	testCache(t, root, "v1", time.Now()).Draw(card)
	testCache(t, root, "v2", time.Now()).Draw(card)
	if n := len(entries(t, root)); n != 2 {
		t.Errorf("%d entries for one card of two programs", n)
	}
	changed := card
	changed.Title = "x"
	testCache(t, root, "v2", time.Now()).Draw(changed)
	if n := len(entries(t, root)); n != 3 {
		t.Errorf("%d entries after a changed card", n)
	}
}

// key hashes every field of a Card: a field added to shareimage.Card or Figure fails
// this test until key writes it too.
func TestKeyCoversCard(t *testing.T) {
	fields := func(v any) []string {
		var names []string
		ty := reflect.TypeOf(v)
		for i := range ty.NumField() {
			names = append(names, ty.Field(i).Name)
		}
		return names
	}
	if got, want := fields(shareimage.Card{}), []string{"Kicker", "Title", "Figures", "Footer"}; !reflect.DeepEqual(got, want) {
		t.Errorf("shareimage.Card has fields %v; key writes %v", got, want)
	}
	if got, want := fields(shareimage.Figure{}), []string{"Value", "Label", "Low"}; !reflect.DeepEqual(got, want) {
		t.Errorf("shareimage.Figure has fields %v; key writes %v", got, want)
	}
}

// An entry cut short, changed, emptied or replaced by a folder is a miss: the card is
// drawn (the same bytes as a fresh drawing) and the entry written again, whole.
func TestCorrupt(t *testing.T) {
	fresh, _ := shareimage.Draw(card)
	spoil := map[string]func(file string){
		"cut":         func(f string) { data, _ := os.ReadFile(f); os.WriteFile(f, data[:len(data)/2], 0o666) },
		"no checksum": func(f string) { data, _ := os.ReadFile(f); os.WriteFile(f, data[:len(data)-32], 0o666) },
		"flipped": func(f string) {
			data, _ := os.ReadFile(f)
			data[100] ^= 0x40
			os.WriteFile(f, data, 0o666)
		},
		"empty":  func(f string) { os.WriteFile(f, nil, 0o666) },
		"folder": func(f string) { os.Remove(f); os.Mkdir(f, 0o777) },
	}
	for name, f := range spoil {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			testCache(t, root, "v1", time.Now()).Draw(card)
			files := entries(t, root)
			if len(files) != 1 {
				t.Fatalf("entries %v", files)
			}
			f(files[0])
			got, err := testCache(t, root, "v1", time.Now()).Draw(card)
			if err != nil || !bytes.Equal(got, fresh) {
				t.Fatalf("a spoilt entry gave other bytes (%v)", err)
			}
			if name == "folder" {
				return // not replaced (rename over a folder fails), only drawn
			}
			data, _ := os.ReadFile(files[0])
			s := sum(fixed(t, "v1").key(card), fresh)
			if want := append(append([]byte{}, fresh...), s[:]...); !bytes.Equal(data, want) {
				t.Error("the spoilt entry was not written again")
			}
		})
	}
}

// A cache folder that cannot be made or written draws every card, the same bytes, and
// tries no more writes after the first failure.
func TestUnwritable(t *testing.T) {
	// A file where the folder should be: unwritable even for root, who writes anywhere.
	root := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(root, []byte("not a folder"), 0o666); err != nil {
		t.Fatal(err)
	}
	fresh, _ := shareimage.Draw(card)
	c := testCache(t, root, "v1", time.Now())
	for range 2 {
		got, err := c.Draw(card)
		if err != nil || !bytes.Equal(got, fresh) {
			t.Fatalf("unwritable cache: %v", err)
		}
	}
	if !c.noWrite.Load() {
		t.Error("writes still tried after a failure")
	}
}

// A nil cache (turned off) and a program that cannot hash itself draw.
func TestOff(t *testing.T) {
	fresh, _ := shareimage.Draw(card)
	var c *Cache
	if got, err := c.Draw(card); err != nil || !bytes.Equal(got, fresh) {
		t.Error("nil cache")
	}
	c.Close()
	root := t.TempDir()
	n := open(root, func() []byte { return nil }, time.Now)
	defer n.Close()
	if got, err := n.Draw(card); err != nil || !bytes.Equal(got, fresh) {
		t.Error("no identity")
	}
	if len(entries(t, root)) != 0 {
		t.Error("a cache without identity wrote")
	}
	if Open("") != nil {
		t.Error("Open(\"\") is a cache")
	}
}

func TestDir(t *testing.T) {
	t.Setenv(Env, "/env/cache")
	if d := Dir("/flag"); d != "/flag" {
		t.Errorf("flag: %q", d)
	}
	if d := Dir(""); d != "/env/cache" {
		t.Errorf("env: %q", d)
	}
	if d := Dir("off"); d != "" {
		t.Errorf("flag off: %q", d)
	}
	t.Setenv(Env, "OFF")
	if d := Dir(""); d != "" {
		t.Errorf("env off: %q", d)
	}
	t.Setenv(Env, "")
	t.Setenv("XDG_CACHE_HOME", "/xdg")
	t.Setenv("HOME", "/home/x")
	if d, want := Dir(""), "/xdg/chiso"; runtime.GOOS == "linux" && d != want {
		t.Errorf("default: %q, want %q", d, want)
	}
}

// Entries not used for 30 days go, at most once a day; a hit renews an entry's time;
// files the cache did not name stay.
func TestPrune(t *testing.T) {
	root := t.TempDir()
	day0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := testCache(t, root, "v1", day0)
	c.Draw(card)
	other := card
	other.Title = "khác"
	c.Draw(other)
	c.Close()
	files := entries(t, root)
	if len(files) != 2 {
		t.Fatalf("entries %v", files)
	}
	for _, f := range files {
		os.Chtimes(f, day0, day0)
	}
	foreign := filepath.Join(root, "cards", filepath.Base(filepath.Dir(files[0])), "notes.png")
	os.WriteFile(foreign, nil, 0o666)
	os.Chtimes(foreign, day0, day0)
	stale := filepath.Join(filepath.Dir(files[0]), "tmp-123")
	os.WriteFile(stale, nil, 0o666)
	os.Chtimes(stale, day0, day0)

	// Day 20: card used (its time renewed), other not.
	testCache(t, root, "v1", day0.Add(20*24*time.Hour)).Draw(card)
	// Day 35: other goes, card stays.
	day35 := day0.Add(35 * 24 * time.Hour)
	c = testCache(t, root, "v1", day35)
	c.Close()
	left := entries(t, root)
	if len(left) != 2 { // card and notes.png
		t.Fatalf("after pruning: %v", left)
	}
	for _, f := range left {
		if f != foreign && filepath.Base(f) != filepath.Base(c.path(c.key(card))) {
			t.Errorf("left %s", f)
		}
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a stale temporary file was left")
	}
	if _, err := os.Stat(foreign); err != nil {
		t.Error("a file the cache did not name was removed")
	}
	// Day 60 but pruned less than a day ago by the clock of the mark: nothing goes.
	os.Chtimes(filepath.Join(root, "cards", pruneMark), day0.Add(60*24*time.Hour), day0.Add(60*24*time.Hour))
	testCache(t, root, "v1", day0.Add(60*24*time.Hour+time.Hour)).Close()
	if len(entries(t, root)) != 2 {
		t.Error("pruned twice in a day")
	}
	testCache(t, root, "v1", day0.Add(61*24*time.Hour+time.Hour)).Close()
	if left := entries(t, root); len(left) != 1 || left[0] != foreign {
		t.Errorf("after 60 days unused: %v", left)
	}
}

// The real identity: the test binary's hash, the same twice.
func TestExecutable(t *testing.T) {
	a, err := executable()
	if err != nil || len(a) != 32 {
		t.Fatal(err)
	}
	b, _ := executable()
	if !bytes.Equal(a, b) {
		t.Error("two identities")
	}
	exe, _ := os.Executable()
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	if want := sha256.Sum256(append([]byte(format), data...)); !bytes.Equal(a, want[:]) {
		t.Error("the identity is not the hash of the executable")
	}
}
