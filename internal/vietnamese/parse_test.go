package vietnamese

import "testing"

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{
		"63,4": 63.4, "63,4%": 63.4, " 95 % ": 95, "139.506": 139506, "1.234,5": 1234.5, "139 506": 139506,
		"63.4": 63.4, "99.75": 99.75, "0": 0, "-2.839": -2839, "100": 100, "1.000.000": 1000000,
		"99.125": 99125, // a thousands dot, never a decimal point
	} {
		got, ok := ParseNumber(in)
		if !ok || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "abc", "63,4,5", "1.23.4", "12,", ",5", "63.4,5", "1,234.5", "95%%"} {
		if v, ok := ParseNumber(in); ok {
			t.Errorf("ParseNumber(%q) = %v, want rejected", in, v)
		}
	}
}
