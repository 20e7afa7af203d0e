package validate

// percent reports whether every rate lies within 0–100. A rate outside is already an
// error; comparing with it (whole outside its levels, a jump of 101 points) would only
// repeat that error as warnings.
func percent(rates ...float64) bool {
	for _, v := range rates {
		if v < 0 || v > 100 {
			return false
		}
	}
	return true
}
