package vietnamese

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator compares strings in Vietnamese alphabetical order
// (a ă â b c d đ e ê … o ô ơ … u ư … y), with tone marks as a secondary
// difference after the base letters and case as a tertiary one.
// NFC and NFD spellings of the same text compare equal.
//
// A Collator is not safe for concurrent use; the package-level SortStrings
// and Less are.
type Collator struct {
	c *collate.Collator
}

// NewCollator returns a Collator for Vietnamese.
func NewCollator() *Collator {
	return &Collator{c: collate.New(language.Vietnamese)}
}

// Compare returns -1, 0 or 1 as a sorts before, equal to or after b.
func (c *Collator) Compare(a, b string) int {
	return c.c.CompareString(a, b)
}

// less is the total order used by SortStrings and Less: collation order,
// then byte order for strings that collate equal (for example NFC and NFD
// spellings), so that the result never depends on the input order.
func (c *Collator) less(a, b string) int {
	if r := c.Compare(a, b); r != 0 {
		return r
	}
	return strings.Compare(a, b)
}

var collators = sync.Pool{New: func() any { return NewCollator() }}

// SortStrings sorts ss in Vietnamese order (see Collator); strings that
// collate equal are ordered by their bytes. Safe for concurrent use.
func SortStrings(ss []string) {
	c := collators.Get().(*Collator)
	defer collators.Put(c)
	slices.SortFunc(ss, c.less)
}

// Less reports whether a sorts before b in the order of SortStrings.
// Safe for concurrent use.
func Less(a, b string) bool {
	c := collators.Get().(*Collator)
	defer collators.Put(c)
	return c.less(a, b) < 0
}

// SortByName sorts xs stably by name(x) in the order of SortStrings. Each name's
// collation key is computed once, not in every comparison. Safe for concurrent use.
func SortByName[T any](xs []T, name func(T) string) {
	c := collators.Get().(*Collator)
	defer collators.Put(c)
	type keyed struct {
		x         T
		key, name string
	}
	ks := make([]keyed, len(xs))
	var buf collate.Buffer
	for i, x := range xs {
		n := name(x)
		ks[i] = keyed{x, string(c.c.KeyFromString(&buf, n)), n}
		buf.Reset()
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if r := strings.Compare(a.key, b.key); r != 0 {
			return r
		}
		return strings.Compare(a.name, b.name)
	})
	for i := range ks {
		xs[i] = ks[i].x
	}
}
