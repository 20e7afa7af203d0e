// Package search builds the static full-text search the site's own script reads
// (templates/static/search.js). Pagefind was tried and set aside: its search runs in
// WebAssembly, which a Content-Security-Policy of default-src 'self' blocks (Chromium:
// "Compiling or instantiating WebAssembly module violates … 'unsafe-eval'").
//
// Every page's text (MainText: what a reader sees in its <main>) is cut into words,
// folded (vietnamese.Fold: marks removed, đ → d, lower-case) so that "dat" finds "đạt",
// with numbers kept whole the Vietnamese way ("88,62", "139.506"). The files, under the
// search folder:
//
//	index.json        {"v":2,"kinds":[…],"pages":N,"keys":[…]}: read once, on the first
//	                  keystroke; keys are the word files that exist
//	w/KEY.json        {"word":[id…],…}: the words whose key (Key) is KEY, each with the
//	                  pages holding it; ids are delta-coded, ×2, +1 when in the title
//	p/ID.json         {"k":kind,"u":path,"t":title,"x":text}: one page, fetched for the
//	                  results shown, to write their highlighted excerpts
//
// A first search fetches index.json, one word file per word of the query and one page
// file per result shown (at most PerScreen): see TestPayload for the bytes.
package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unique"

	"chiso/internal/vietnamese"
)

// Page is one page a reader can find.
type Page struct {
	Kind  int    // index into Index.Kinds
	Path  string // under the site root, without base path: "bai-viet/2024-04/"
	Title string
	Text  string // the page's own text, white space collapsed
	// Heading, when set, holds the words that put the page first when a query has them
	// all, instead of Title's: an article is shown by its short list title but ranked by
	// its official headline, whose only figures are its period's.
	Heading string
	// TextWords, when set, are Text's words as TextWords gives them, found beforehand (a
	// build finds them while it renders the page, then keeps only them and the excerpt).
	TextWords []unique.Handle[string]
	// TextFrom, when set, gives Text, read only as Write makes the page's file: a build to
	// a folder keeps the excerpts on disk, not every page's in memory. Set TextWords with it.
	TextFrom func() (string, error)
	// WordsFrom, when set, gives the words TextWords found, in its order, read only as
	// Write reads the page: a build to a folder keeps them on disk, not every page's in
	// memory. Set it instead of TextWords.
	WordsFrom func() ([]string, error)
}

// TextWords returns the distinct words of text in the order they first appear, each
// interned (not holding text in memory): a build keeps them for every page until the
// index is written, and most words are on many pages. The slice is of its length.
//
// It is Words, deduplicated and each word given to unique.Make, without the words as
// strings: text is folded into a buffer kept for the next call, and each word is looked
// up there in a table of the words met before on this core, which says whether the page
// has it already and holds its handle (a map read costs half of unique.Make, which locks).
func TextWords(text string) []unique.Handle[string] {
	t := wordTables.Get().(*wordTable)
	defer wordTables.Put(t)
	if len(t.entries) >= maxTableWords {
		clear(t.index)
		t.entries = t.entries[:0]
	}
	t.page++
	folded, ok := foldFastInto(t.fold[:0], text)
	if !ok {
		folded = append(t.fold[:0], vietnamese.Fold(text)...)
	}
	t.fold = folded
	out := t.out[:0]
	for i := 0; ; {
		start, end := nextWord(folded, i)
		if start == end {
			break
		}
		i = end
		k, ok := t.index[string(folded[start:end])]
		if !ok {
			h := unique.Make(string(folded[start:end]))
			k = int32(len(t.entries))
			t.entries = append(t.entries, tableWord{h: h})
			t.index[h.Value()] = k // the interned string: no copy of its own
		}
		if e := &t.entries[k]; e.page != t.page {
			e.page = t.page
			out = append(out, e.h)
		}
	}
	t.out = out[:0]
	words := make([]unique.Handle[string], len(out))
	copy(words, out)
	return words
}

// wordTable is TextWords' memory, one per core at a time (sync.Pool): its buffers, and
// the words met before with the last call (page) that had each.
type wordTable struct {
	fold    []byte
	out     []unique.Handle[string]
	index   map[string]int32 // into entries
	entries []tableWord
	page    uint64
}

type tableWord struct {
	h    unique.Handle[string]
	page uint64
}

// maxTableWords bounds a table (~50 bytes a word): a national build has words without
// end (every figure is one), and the table is only a shortcut.
const maxTableWords = 1 << 16

var wordTables = sync.Pool{New: func() any { return &wordTable{index: map[string]int32{}} }}

// Excerpt is the part of a page's text kept for its excerpt.
func Excerpt(text string) string { return cut(text, MaxText) }

// Index is every findable page, in the order results of equal weight are shown.
type Index struct {
	Kinds []string
	Pages []Page
}

// Version changes when the files' shape does; the script checks it.
const Version = 2

// MaxText is the most characters of a page's text kept for its excerpt; the words of
// the whole text are indexed.
const MaxText = 12000

// PerScreen is how many results the script shows (and fetches pages for) at once.
const PerScreen = 10

// wordPattern is a word: letters and digits, with a decimal comma or thousands dot
// between digits kept inside it ("88,62", "139.506"), so that a figure is found as it
// is written. search.js uses the same pattern.
var wordPattern = regexp.MustCompile(`[\p{L}\p{N}]+(?:[.,]\p{N}+)*`)

// Words returns the folded words of s, in order: wordPattern's matches in
// vietnamese.Fold(s), found by hand (the regular expression and Fold were a fifth of a
// build). Text in the scripts of a Vietnamese page is folded a character at a time
// from a table; any other text goes the long way.
func Words(s string) []string {
	b, ok := foldFastInto(nil, s)
	if !ok {
		b = []byte(vietnamese.Fold(s))
	}
	folded := string(b)
	var out []string
	for i := 0; ; {
		start, end := nextWord(b, i)
		if start == end {
			return out
		}
		out = append(out, folded[start:end])
		i = end
	}
}

// nextWord finds the first word of folded from i on, folded[start:end]; start == end
// when there is none.
func nextWord(folded []byte, i int) (start, end int) {
	n := len(folded)
	for i < n {
		if c := folded[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(folded[i:])
		if isWordRune(r) {
			break
		}
		i += size
	}
	if i >= n {
		return n, n
	}
	start = i
	for i < n {
		if c := folded[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(folded[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	// (?:[.,]\p{N}+)*: a separator counts only with a digit after it.
	for i+1 < n && (folded[i] == '.' || folded[i] == ',') {
		r, size := utf8.DecodeRune(folded[i+1:])
		if !unicode.IsNumber(r) {
			break
		}
		i += 1 + size
		for i < n {
			r, size := utf8.DecodeRune(folded[i:])
			if !unicode.IsNumber(r) {
				break
			}
			i += size
		}
	}
	return start, i
}

// asciiWord are the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// foldFastInto appends s folded a character at a time to b, when every character is in
// foldTable's ranges (ok false otherwise); spaces are not collapsed (Words does not need
// it). Per character is the same as Fold there: letters decompose into a base letter and
// marks (Mn), which go, and nothing left composes with its neighbour.
func foldFastInto(b []byte, s string) (_ []byte, ok bool) {
	table := foldTable()
	b = slices.Grow(b, len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r < foldLow:
			b = append(b, table[r]...)
		case r >= 0x1E00 && r < 0x1F00 || r >= 0x2000 && r < 0x2070:
			b = append(b, table[r-0x1E00+foldLow]...)
		default: // U+FFFD too, for a byte not UTF-8
			return b, false
		}
	}
	return b, true
}

// foldLow is where foldTable's first range (Latin, combining marks) ends; Latin Extended
// Additional (ạ, ế, ữ …) and General Punctuation (– “ ” …) follow it.
const foldLow = 0x370

var foldTable = sync.OnceValue(func() []string {
	t := make([]string, foldLow+0x270)
	fold := func(r rune) string {
		if unicode.IsSpace(r) { // Fold trims a space alone; between words it stays one
			return " "
		}
		return vietnamese.Fold(string(r))
	}
	for r := rune(0); r < foldLow; r++ {
		t[r] = fold(r)
	}
	for r := rune(0x1E00); r < 0x2070; r++ {
		t[r-0x1E00+foldLow] = fold(r)
	}
	return t
})

// Key names the word file a word is in: its first three letters or digits (the word
// itself when shorter). A query word of three or more characters finds the words it
// begins; a shorter one, the same word only.
func Key(word string) string {
	k := keyMarks.Replace(word)
	if utf8.RuneCountInString(k) > 3 {
		k = string([]rune(k)[:3])
	}
	return k
}

// keyMarks are left out of a word's key; made once, not per word.
var keyMarks = strings.NewReplacer(".", "", ",", "")

// Files returns the index's files, by path under the search folder.
func (ix *Index) Files() (map[string][]byte, error) {
	files := map[string][]byte{}
	err := ix.Write(func(name string, data []byte) error {
		files[name] = data
		return nil
	})
	return files, err
}

// Write gives put each of the index's files, by path under the search folder, as it is
// made: a page's file is not kept once put has it. It lets go of each page's TextWords
// once it has read them (a site's words are as many as its postings): write an index once.
func (ix *Index) Write(put func(name string, data []byte) error) error {

	// postings[word] holds id*2+1 for a page with the word in its title, id*2 otherwise,
	// ascending: pages are visited in order. int32: a national site's postings are millions.
	postings := map[string][]int32{}
	// Folding and cutting into words is most of the work: done for every page at once.
	n := len(ix.Pages)
	heads, titles, texts := make([][]string, n), make([][]string, n), make([][]string, n)
	each(n, func(id int) {
		p := ix.Pages[id]
		heads[id], titles[id] = Words(cmp.Or(p.Heading, p.Title)), Words(p.Title)
		if p.TextWords == nil && p.WordsFrom == nil {
			texts[id] = Words(p.Text)
		}
	})
	for id, p := range ix.Pages {
		inTitle := map[string]bool{}
		for _, w := range heads[id] {
			inTitle[w] = true
		}
		seen := map[string]bool{}
		words := append(titles[id], texts[id]...)
		for _, h := range p.TextWords {
			words = append(words, h.Value())
		}
		if p.WordsFrom != nil {
			ws, err := p.WordsFrom()
			if err != nil {
				return err
			}
			words = append(words, ws...)
		}
		ix.Pages[id].TextWords, ix.Pages[id].WordsFrom, heads[id], titles[id], texts[id] = nil, nil, nil, nil, nil
		for _, w := range words {
			if seen[w] {
				continue
			}
			seen[w] = true
			v := int32(id * 2)
			if inTitle[w] {
				v++
			}
			postings[w] = append(postings[w], v)
		}
		text := p.Text
		if p.TextFrom != nil {
			t, err := p.TextFrom()
			if err != nil {
				return err
			}
			text = t
		}
		page, err := json.Marshal(struct {
			K int    `json:"k"`
			U string `json:"u"`
			T string `json:"t"`
			X string `json:"x"`
		}{p.Kind, p.Path, p.Title, cut(text, MaxText)})
		if err != nil {
			return err
		}
		if err := put(fmt.Sprintf("p/%d.json", id), append(page, '\n')); err != nil {
			return err
		}
	}

	byKey := map[string][]string{}
	for w := range postings {
		byKey[Key(w)] = append(byKey[Key(w)], w)
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	head, err := json.Marshal(struct {
		V     int      `json:"v"`
		Kinds []string `json:"kinds"`
		Pages int      `json:"pages"`
		Keys  []string `json:"keys"`
	}{Version, ix.Kinds, len(ix.Pages), keys})
	if err != nil {
		return err
	}
	if err := put("index.json", append(head, '\n')); err != nil {
		return err
	}
	var num [20]byte
	for key, words := range byKey {
		slices.Sort(words)
		var buf bytes.Buffer
		buf.WriteByte('{')
		for i, w := range words {
			if i > 0 {
				buf.WriteString(",\n")
			}
			name, err := json.Marshal(w)
			if err != nil {
				return err
			}
			buf.Write(name)
			buf.WriteString(":[")
			prev := int32(0)
			for j, v := range postings[w] {
				if j > 0 {
					buf.WriteByte(',')
				}
				// Delta of the id, keeping the title bit: small numbers, which gzip well.
				buf.Write(strconv.AppendInt(num[:0], int64((v>>1-prev)<<1|v&1), 10))
				prev = v >> 1
			}
			buf.WriteByte(']')
		}
		buf.WriteString("}\n")
		if err := put("w/"+key+".json", buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// cut shortens s to at most n characters, reading no further than the n-th; a byte not
// UTF-8 before it becomes U+FFFD, as in []rune.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	count := 0
	for i, r := range s {
		if r == utf8.RuneError {
			return cutRunes(s, n)
		}
		if count == n {
			return s[:i]
		}
		count++
	}
	return s
}

func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// each runs work(0) … work(n-1) on every core; each call writes only its own slot.
func each(n int, work func(i int)) {
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), n)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				work(i)
			}
		}()
	}
	wg.Wait()
}
