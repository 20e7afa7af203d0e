package write

import "chiso/internal/vietnamese"

// Percent prints a share computed from counts, at two decimals as official reports print
// them: 24.0701… → "24,07", 95 → "95".
func Percent(v float64) string { return vietnamese.Decimal(v, 2) }

// Money prints an amount in đồng the way reports write large sums, rounded to one decimal
// of its unit: 2634500000 → "2,6 tỷ đồng", 850500000 → "850,5 triệu đồng", 500000 →
// "500.000 đồng", 999960000 → "1 tỷ đồng". The exact amount is in the open data.
func Money(n int64) string {
	switch {
	case n >= 999_950_000: // from here the amount in triệu would round to 1.000

		return vietnamese.Decimal(float64(n)/1e9, 1) + " tỷ đồng"
	case n >= 1_000_000:
		return vietnamese.Decimal(float64(n)/1e6, 1) + " triệu đồng"
	}
	return vietnamese.Int(n) + " đồng"
}
