package english

import (
	"testing"
	"time"

	"chiso/internal/model"
)

func TestNumbers(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Score(88.62), "88.62"},
		{Score(88.625), "88.63"},
		{RatePrinted(63.4), "63.4"},
		{RatePrinted(95), "95"},
		{Int(139506), "139,506"},
		{Int(-1234567), "-1,234,567"},
		{Decimal(1234.5, 1), "1,234.5"},
		{Ordinal(2), "second"},
		{Ordinal(12), "12th"},
		{Ordinal(22), "22nd"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestDatesAndPeriods(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	if got := Date(day(2024, 5, 20)); got != "20 May 2024" {
		t.Errorf("Date = %q", got)
	}
	if got := Date(day(2024, 1, 5)); got != "5 January 2024" {
		t.Errorf("Date = %q", got)
	}
	for _, c := range []struct{ key, label, short string }{
		{"2024-04", "April 2024", "Apr 2024"},
		{"2024-q2", "Q2 2024", "Q2 2024"},
		{"2024", "2024", "2024"},
		{"2024-w03", "week 3 of 2024", "wk 3 2024"},
		{"2025-07-25", "as of 25 July 2025", "to 25 Jul 2025"},
		{"2025-09-21/2025-10-20", "21 September to 20 October 2025", "21 Sep–20 Oct 2025"},
		{"2024-12-21/2025-01-20", "21 December 2024 to 20 January 2025", "21 Dec 2024–20 Jan 2025"},
	} {
		p, ok := model.ParsePeriod(c.key)
		if !ok {
			t.Fatalf("bad key %s", c.key)
		}
		if got := Label(p); got != c.label {
			t.Errorf("Label(%s) = %q, want %q", c.key, got, c.label)
		}
		if got := Short(p); got != c.short {
			t.Errorf("Short(%s) = %q, want %q", c.key, got, c.short)
		}
	}
}

// TestProvinceName: a province's English name by rule (no marks, "Province" or "City"),
// the glossary's where it has one.
func TestProvinceName(t *testing.T) {
	gloss := map[string]string{"thành phố Hà Nội": "Hanoi", "thành phố Hồ Chí Minh": "Ho Chi Minh City", "Huế": "Hue City"}
	for vi, want := range map[string]string{
		"tỉnh Đắk Lắk":          "Dak Lak Province",
		"Tỉnh Quảng Ngãi":       "Quang Ngai Province",
		"tỉnh Gia Lai":          "Gia Lai Province",
		"thành phố Đà Nẵng":     "Da Nang City",
		"Thành phố Hải Phòng":   "Hai Phong City",
		"thành phố Hà Nội":      "Hanoi",
		"Thành phố Hồ Chí Minh": "Ho Chi Minh City",
		"thành phố Huế":         "Hue City",
		"  tỉnh Bình Định ":     "Binh Dinh Province",
		"Điện Biên":             "Dien Bien",
		"tỉnh Ca\u0300 Mau":     "Ca Mau Province", // NFD input
	} {
		if got := ProvinceName(vi, gloss); got != want {
			t.Errorf("ProvinceName(%q) = %q, want %q", vi, got, want)
		}
	}
	if ProvinceShort("tỉnh") != "province" || ProvinceShort("thành phố") != "city" {
		t.Errorf("ProvinceShort: %q, %q", ProvinceShort("tỉnh"), ProvinceShort("thành phố"))
	}
}
