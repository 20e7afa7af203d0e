package diag

import "sort"

// Codes lists every code the message table words, sorted; the broken-input corpus
// (internal/pipeline/testdata/broken) uses it to show each one at least once.
func Codes() []Code {
	out := make([]Code, 0, len(messages))
	for c := range messages {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
