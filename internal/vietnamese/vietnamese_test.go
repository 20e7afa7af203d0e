package vietnamese

import (
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestCollatorCompare(t *testing.T) {
	nfd := norm.NFD.String
	tests := []struct {
		a, b string
		want int
	}{
		{"An Nhơn", "Ân Hảo", -1},
		{"Ân Hảo", "Ba Vì", -1},
		{"Dương", "Đống Đa", -1},
		{"Đống Đa", "Zung", -1},
		{"Zung", "Đống Đa", 1},
		{"Zung", "Ân Hảo", 1},
		// Letter order a ă â, d đ, o ô ơ, u ư.
		{"a", "ă", -1},
		{"ă", "â", -1},
		{"â", "b", -1},
		{"dz", "đa", -1},
		{"oz", "ôa", -1},
		{"ôz", "ơa", -1},
		{"uz", "ưa", -1},
		{"ưz", "v", -1},
		// Tones: ngang, huyền, hỏi, ngã, sắc, nặng.
		{"a", "à", -1},
		{"à", "ả", -1},
		{"ả", "ã", -1},
		{"ã", "á", -1},
		{"á", "ạ", -1},
		// Tones are a secondary difference: base letters decide first.
		{"Hạ Long", "Hà Nội", -1},
		{"Hà Giang", "Hạ Long", -1},
		// Case is tertiary.
		{"an", "An", -1},
		{"An", "ăn", -1},
		// NFC and NFD compare equal.
		{"Ân Hảo", nfd("Ân Hảo"), 0},
		{nfd("Bình Định"), "Bình Định", 0},
		{"", "", 0},
		{"", "a", -1},
	}
	c := NewCollator()
	for _, tt := range tests {
		if got := c.Compare(tt.a, tt.b); got != tt.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

var (
	sortInput = []string{"Đống Đa", "Zung", "An Nhơn", "Ân Hảo", "Bình Định", "Ba Vì", "Dương"}
	sortWant  = []string{"An Nhơn", "Ân Hảo", "Ba Vì", "Bình Định", "Dương", "Đống Đa", "Zung"}
)

func TestSortStrings(t *testing.T) {
	ss := slices.Clone(sortInput)
	SortStrings(ss)
	if !slices.Equal(ss, sortWant) {
		t.Errorf("SortStrings = %q, want %q", ss, sortWant)
	}
	// Byte order, for contrast, puts Â and Đ after Z.
	bs := slices.Clone(sortInput)
	slices.Sort(bs)
	if bs[len(bs)-1] != "Đống Đa" || slices.Equal(bs, sortWant) {
		t.Errorf("byte order unexpectedly %q", bs)
	}

	// NFD input sorts the same, and strings that collate equal come out in
	// the same order whatever the input order.
	nfd := make([]string, len(sortInput))
	for i, s := range sortInput {
		nfd[i] = norm.NFD.String(s)
	}
	SortStrings(nfd)
	for i, s := range nfd {
		if norm.NFC.String(s) != sortWant[i] {
			t.Errorf("NFD sort [%d] = %q, want %q", i, norm.NFC.String(s), sortWant[i])
		}
	}
	a := []string{"Hà Nội", norm.NFD.String("Hà Nội"), "Ba Vì"}
	b := []string{norm.NFD.String("Hà Nội"), "Ba Vì", "Hà Nội"}
	SortStrings(a)
	SortStrings(b)
	if !slices.Equal(a, b) {
		t.Errorf("SortStrings depends on input order: %q vs %q", a, b)
	}
}

func TestLess(t *testing.T) {
	for i := range sortWant {
		for j := range sortWant {
			if got, want := Less(sortWant[i], sortWant[j]), i < j; got != want {
				t.Errorf("Less(%q, %q) = %v, want %v", sortWant[i], sortWant[j], got, want)
			}
		}
	}
}

// TestLessConcurrent is meant for go test -race.
func TestLessConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for n := range 200 {
				i, j := (g+n)%len(sortWant), (g*7+n*3)%len(sortWant)
				if got, want := Less(sortWant[i], sortWant[j]), i < j; got != want {
					t.Errorf("Less(%q, %q) = %v, want %v", sortWant[i], sortWant[j], got, want)
					return
				}
				if n%20 == 0 {
					ss := slices.Clone(sortInput)
					SortStrings(ss)
					if !slices.Equal(ss, sortWant) {
						t.Errorf("SortStrings = %q", ss)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// parseDisplayed reads a number printed by Decimal back into a float64.
func parseDisplayed(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", "."), 64)
	if err != nil {
		t.Fatalf("cannot read back %q: %v", s, err)
	}
	return v
}

// TestRoundMatchesDisplay checks that RoundRate and RoundScore are exactly
// the values Rate and Score print, and that the printed error is at most
// half a unit of the last place.
func TestRoundMatchesDisplay(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var v float64
		switch r.IntN(3) {
		case 0:
			v = r.Float64()*200 - 50
		case 1: // values with few decimals, where ties occur
			v = float64(r.IntN(2000000)-1000000) / 1000
		default:
			v = (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(16)))
		}
		for _, f := range []struct {
			name  string
			show  func(float64) string
			round func(float64) float64
			unit  float64
		}{
			{"Rate", Rate, RoundRate, 0.1},
			{"Score", Score, RoundScore, 0.01},
		} {
			s, rv := f.show(v), f.round(v)
			if got := parseDisplayed(t, s); got != rv {
				t.Fatalf("%s(%v) = %q but Round = %v", f.name, v, s, rv)
			}
			if d := math.Abs(rv - v); d > f.unit/2*(1+1e-9)+math.Abs(v)*1e-15 {
				t.Fatalf("%s(%v) = %q: off by %v", f.name, v, s, d)
			}
			if f.show(rv) != s {
				t.Fatalf("%s(Round(%v)) = %q, want %q", f.name, v, f.show(rv), s)
			}
		}
	}
}

var slugRE = regexp.MustCompile(`^([a-z0-9]+(-[a-z0-9]+)*)?$`)

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Cấp huyện", "Đăk Lăk", "Tháng 4/2024", " --x-- ", "한국", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if !slugRE.MatchString(got) {
			t.Errorf("Slug(%q) = %q: not a slug", s, got)
		}
		if utf8.ValidString(s) {
			if d := Slug(norm.NFD.String(s)); d != got {
				t.Errorf("Slug(NFD(%q)) = %q, want %q", s, d, got)
			}
			if d := Fold(norm.NFD.String(s)); d != Fold(s) {
				t.Errorf("Fold(NFD(%q)) = %q, want %q", s, d, Fold(s))
			}
		}
	})
}

var sink string

func BenchmarkRate(b *testing.B) {
	vs := []float64{63.4, 95.04, 99.96, 44.75, 1234.5, -2.5, 139506}
	for i := 0; b.Loop(); i++ {
		sink = Rate(vs[i%len(vs)])
	}
}

func BenchmarkSlug(b *testing.B) {
	ss := []string{"Hồ sơ dịch vụ công trực tuyến", "Đăk Lăk", norm.NFD.String("Cấp huyện"), "Tháng 4/2024"}
	for i := 0; b.Loop(); i++ {
		sink = Slug(ss[i%len(ss)])
	}
}

// SortByName orders by the same rule as SortStrings (keys computed once), and keeps the
// order of equal names.
func TestSortByName(t *testing.T) {
	type item struct {
		name string
		n    int
	}
	var items []item
	for i, s := range sortInput {
		items = append(items, item{s, i}, item{s, i + 1000})
	}
	SortByName(items, func(x item) string { return x.name })
	var got []string
	for i, x := range items {
		if i%2 == 1 {
			if x.name != items[i-1].name || x.n != items[i-1].n+1000 {
				t.Fatalf("equal names out of their order at %d: %v %v", i, items[i-1], x)
			}
			continue
		}
		got = append(got, x.name)
	}
	if !slices.Equal(got, sortWant) {
		t.Errorf("SortByName = %q,\nwant %q", got, sortWant)
	}
}
