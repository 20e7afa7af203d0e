// Package search builds the static search index the site's own script reads
// (templates/static/search.js): one compact JSON file listing every page a reader may
// look for, with a folded copy of its words — marks removed, đ→d, lower-case
// (vietnamese.Fold) — so that "dat" finds "đạt" and "Đắk" finds "Dak". The script folds
// the query the same way (NFD, strip \p{M}, đ→d, lower-case); TestFoldTable pins both to
// one table of cases.
//
// The index is small by design: no word lists, no positions, a summary cut to
// MaxSummary characters. See TestPayload for what it costs on a large site.
package search

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"chiso/internal/vietnamese"
)

// Entry is one page a reader can find.
type Entry struct {
	Kind    int    // index into Index.Kinds
	Path    string // under the site root, without base path: "bai-viet/2024-04/"
	Title   string
	Summary string // shown under the title; cut to MaxSummary
	Extra   string // searched but not shown: e.g. the indicators met and not met
}

// Index is the whole file.
type Index struct {
	Kinds   []string // labels of the kinds of page: "Bài viết", "Chỉ tiêu", …
	Entries []Entry
}

// MaxSummary is the most characters of a summary kept in the index.
const MaxSummary = 160

// Version changes when the file's shape does; the script checks it.
const Version = 1

// The file is {"v":1,"kinds":[…],"pages":[[kind,path,title,summary,folded],…]}: arrays
// instead of objects keep key names out of every row.

// Folded is what is searched for an entry: title, summary and extra, folded.
func (e Entry) Folded() string {
	return vietnamese.Fold(e.Title + " " + e.Summary + " " + e.Extra)
}

// JSON writes the index, one page a line.
func (ix *Index) JSON() ([]byte, error) {
	head, err := json.Marshal(struct {
		V     int      `json:"v"`
		Kinds []string `json:"kinds"`
	}{Version, ix.Kinds})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Write(head[:len(head)-1]) // without its closing brace
	buf.WriteString(`,"pages":[`)
	for i, e := range ix.Entries {
		row, err := json.Marshal([]any{e.Kind, e.Path, e.Title, Cut(e.Summary, MaxSummary), e.Folded()})
		if err != nil {
			return nil, err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		buf.Write(row)
	}
	buf.WriteString("]}\n")
	return buf.Bytes(), nil
}

// Cut shortens s to at most n characters, at a word boundary, with "…".
func Cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.-–") + "…"
}
