package write_test

import (
	"testing"

	"chiso/internal/write"
)

func TestMoneyAndPercent(t *testing.T) {
	for n, want := range map[int64]string{
		2634500000: "2,6 tỷ đồng", 2000000000: "2 tỷ đồng", 12960000000: "13 tỷ đồng", 1000000000: "1 tỷ đồng",
		999999999: "1 tỷ đồng", 999949999: "999,9 triệu đồng", 850500000: "850,5 triệu đồng", 1000000: "1 triệu đồng",
		999999: "999.999 đồng", 0: "0 đồng",
	} {
		if got := write.Money(n); got != want {
			t.Errorf("Money(%d) = %q, want %q", n, got, want)
		}
	}
	for v, want := range map[float64]string{14733.0 * 100 / 61204: "24,07", 95: "95", 57020.0 * 100 / 58911: "96,79", 99.996: "100"} {
		if got := write.Percent(v); got != want {
			t.Errorf("Percent(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestLowerFirstKeepsAcronyms(t *testing.T) {
	for in, want := range map[string]string{"Cấp tỉnh": "cấp tỉnh", "Các sở, ban, ngành": "các sở, ban, ngành",
		"UBND các xã": "UBND các xã", "Đ": "đ", "": ""} {
		if got := write.LowerFirst(in); got != want {
			t.Errorf("LowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}
