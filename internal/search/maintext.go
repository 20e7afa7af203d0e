package search

import (
	"bytes"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// MainText is the text a reader sees in a page's <main>, without what every page
// repeats (breadcrumb, "Tin nổi bật"), chart options and download links. Only <main> is
// read: our layouts open it once, after the header, and close it once, and no input can
// write a tag (text, attributes and scripts are escaped; the editors' Markdown drops raw
// HTML). mainScan reads the page in one pass over its bytes (the tokenizer, building
// tokens, was a sixth of rendering); a page it does not know how to read as the
// tokenizer would goes to mainTextTokens.
func MainText(page []byte) string {
	if i := bytes.Index(page, mainOpen); i >= 0 {
		page = page[i:]
	}
	buf := textBuffers.Get().(*[]byte)
	defer textBuffers.Put(buf)
	out, ok := mainScan((*buf)[:0], page)
	*buf = out[:0]
	if ok {
		return string(out)
	}
	return mainTextTokens(page)
}

// textBuffers hold mainScan's text as it grows, for the next page.
var textBuffers = sync.Pool{New: func() any { return new([]byte) }}

// mainTextTokens is MainText read as the HTML tokenizer reads it, for any page. It reads
// tokens, not a tree: the page is our templates' well-formed output, and the tree cost as
// much as the template itself.
func mainTextTokens(page []byte) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []byte
	in := false
	skip, depth := "", 0 // the element being left out, and how deep in it we are
	for {
		switch z.Next() {
		case html.ErrorToken:
			return string(out)
		case html.TextToken:
			if in && skip == "" {
				out = appendFields(out, z.Text())
			}
		case html.StartTagToken:
			name, attrs := z.TagName()
			if skip != "" {
				if string(name) == skip {
					depth++
				}
				continue
			}
			if string(name) == "main" {
				in = true
			}
			if voidElement(string(name)) {
				continue
			}
			if leftOut(string(name)) {
				skip, depth = string(name), 1
				continue
			}
			for attrs {
				var key, val []byte
				key, val, attrs = z.TagAttr()
				if string(key) == "class" && leftOutClass(val) {
					skip, depth = string(name), 1
					break
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if skip != "" {
				if string(name) == skip {
					if depth--; depth == 0 {
						skip = ""
					}
				}
			} else if string(name) == "main" {
				return string(out) // nothing after it is read
			}
		}
	}
}

// leftOutClass is a class attribute's value that leaves its element out: download links,
// and the illustrative-data notice every sample page repeats.
func leftOutClass(val []byte) bool {
	return bytes.Contains(val, []byte("chart-downloads")) || bytes.Contains(val, []byte("chart-embed")) ||
		bytes.Contains(val, []byte("notice-illustrative"))
}

// mainScan is mainTextTokens for the HTML our templates write, read in place: tags of
// lower-case names with quoted attributes, scripts without "<!--", no comment and no NUL;
// it appends the text to out. Anything else (ok false) is left to the tokenizer;
// TestMainScanAsTokenizer holds the two to the same text.
func mainScan(out, page []byte) (text []byte, ok bool) {
	if bytes.IndexByte(page, 0) >= 0 { // the tokenizer replaces it, in places
		return out, false
	}
	in := false
	var skip []byte // the element being left out (depth deep), nil for none
	depth := 0
	i, n := 0, len(page)
	for i < n {
		// Text, up to the next '<' that opens a tag: '<' then a letter, '/', '!' or '?'.
		start := i
		for {
			j := bytes.IndexByte(page[i:], '<')
			if j < 0 {
				i = n
				break
			}
			i += j
			if i+1 < n && isTagOpen(page[i+1]) {
				break
			}
			i++
		}
		if in && skip == nil && i > start {
			out = appendText(out, page[start:i])
		}
		if i >= n {
			break
		}
		switch c := page[i+1]; {
		case c == '!' || c == '?': // comments, doctypes: the tokenizer's rules
			return out, false
		case c == '/':
			// An end tag: "</name>" only.
			j := i + 2
			for j < n && isNameByte(page[j]) {
				j++
			}
			if j == i+2 || j >= n || page[j] != '>' {
				return out, false
			}
			name := page[i+2 : j]
			i = j + 1
			if skip != nil {
				if bytes.Equal(name, skip) {
					if depth--; depth == 0 {
						skip = nil
					}
				}
			} else if string(name) == "main" {
				return out, true
			}
		default:
			t, ok := scanStartTag(page, i)
			if !ok {
				return out, false
			}
			i = t.end
			raw := rawTag(t.name)
			if raw == rawUnknown || raw != rawNone && t.selfClosing {
				return out, false
			}
			var content []byte
			if raw != rawNone {
				// Raw text or RCDATA up to "</name" and a space, '/' or '>'; it must be
				// followed by "</name>" exactly.
				end, ok := rawEnd(page, i, t.name)
				if !ok || raw == rawScript && bytes.Contains(page[i:end], []byte("<!--")) {
					return out, false
				}
				content, i = page[i:end], end
			}
			switch {
			case t.selfClosing:
			case skip != nil:
				if bytes.Equal(t.name, skip) {
					depth++
				}
			default:
				name := string(t.name)
				if name == "main" {
					in = true
				}
				if voidElement(name) {
					break
				}
				if leftOut(name) || t.class != nil && leftOutClass(t.class) {
					skip, depth = t.name, 1
				}
			}
			// A textarea's or title's text is a text token: read as text.
			if raw == rawRCDATA && len(content) > 0 && in && skip == nil {
				out = appendText(out, content)
			}
		}
	}
	return out, true
}

// startTag is a start tag scanStartTag read.
type startTag struct {
	name        []byte
	class       []byte // the first class attribute's value, nil without one
	selfClosing bool
	end         int // just after the '>'
}

// scanStartTag reads the start tag at page[i] ('<' and a letter): a lower-case name, then
// attributes of a simple name, each with a quoted value or none, then '>' or "/>".
func scanStartTag(page []byte, i int) (t startTag, ok bool) {
	n := len(page)
	j := i + 1
	for j < n && isNameByte(page[j]) {
		j++
	}
	t.name = page[i+1 : j]
	if j >= n || !isSpace(page[j]) && page[j] != '/' && page[j] != '>' {
		return t, false
	}
	haveClass := false
	for {
		for j < n && isSpace(page[j]) {
			j++
		}
		if j >= n {
			return t, false
		}
		switch page[j] {
		case '>':
			t.end = j + 1
			return t, true
		case '/':
			if j+1 < n && page[j+1] == '>' {
				t.selfClosing, t.end = true, j+2
				return t, true
			}
			return t, false
		}
		k := j
		for j < n && isAttrNameByte(page[j]) {
			j++
		}
		key := page[k:j]
		if j == k || j >= n || !isSpace(page[j]) && page[j] != '=' && page[j] != '/' && page[j] != '>' {
			return t, false
		}
		for j < n && isSpace(page[j]) {
			j++
		}
		if j >= n || page[j] != '=' {
			continue // no value
		}
		j++
		for j < n && isSpace(page[j]) {
			j++
		}
		if j >= n || page[j] != '"' && page[j] != '\'' {
			return t, false
		}
		q := page[j]
		e := bytes.IndexByte(page[j+1:], q)
		if e < 0 {
			return t, false
		}
		val := page[j+1 : j+1+e]
		j += e + 2
		if !haveClass && bytes.EqualFold(key, []byte("class")) {
			if bytes.IndexByte(val, '&') >= 0 { // the tokenizer unescapes it
				return t, false
			}
			haveClass, t.class = true, val
		}
	}
}

// The kinds of element whose content the tokenizer does not read as tags.
const (
	rawNone    = iota
	rawScript  // script: raw text, with rules of its own for "<!--"
	rawText    // style: raw text
	rawRCDATA  // textarea, title: text, its entities unescaped
	rawUnknown // iframe, noembed, noframes, noscript, plaintext, xmp: left to the tokenizer
)

func rawTag(name []byte) int {
	switch string(name) {
	case "script":
		return rawScript
	case "style":
		return rawText
	case "textarea", "title":
		return rawRCDATA
	case "iframe", "noembed", "noframes", "noscript", "plaintext", "xmp":
		return rawUnknown
	}
	return rawNone
}

// rawEnd is where the raw content from page[i] of the element name ends: at "</name"
// (any case) followed by a space, '/' or '>'; ok when that is "</name>".
func rawEnd(page []byte, i int, name []byte) (int, bool) {
	for {
		j := bytes.Index(page[i:], []byte("</"))
		if j < 0 {
			return 0, false
		}
		j += i
		k := j + 2 + len(name)
		if k < len(page) && bytes.EqualFold(page[j+2:k], name) {
			switch page[k] {
			case ' ', '\n', '\r', '\t', '\f', '/', '>':
				return j, page[k] == '>' && bytes.Equal(page[j+2:k], name)
			}
		}
		i = j + 2
	}
}

func isTagOpen(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '/' || c == '!' || c == '?'
}

// isNameByte is a byte of a tag name as our templates write them.
func isNameByte(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' }

func isAttrNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.'
}

// isSpace is white space between a tag's attributes, as the tokenizer reads it.
func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

// appendText appends the words of a text token, as it is in the page (entities not yet
// unescaped), as appendFields.
func appendText(out, text []byte) []byte {
	if bytes.IndexByte(text, '&') >= 0 {
		return appendFields(out, []byte(html.UnescapeString(string(text))))
	}
	return appendFields(out, text)
}

var mainOpen = []byte("<main")

// leftOut are the elements whose text is not the page's own (a switch: a map read was a
// tenth of mainScan).
func leftOut(name string) bool {
	switch name {
	case "script", "style", "aside", "nav", "template":
		return true
	}
	return false
}

// voidElement is an element with no end tag and no content.
func voidElement(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

// appendFields appends text's words to out, each after one space (none before the first):
// the fields of unicode.IsSpace, read a byte at a time outside multi-byte characters.
// Words one ' ' apart, as in most sentences, are copied together.
func appendFields(out, text []byte) []byte {
	from, to := 0, -1 // the words not copied yet, text[from:to]
	i, n := 0, len(text)
	for i < n {
		for i < n { // white space
			if c := text[i]; c < utf8.RuneSelf {
				if !asciiSpace[c] {
					break
				}
				i++
			} else {
				r, size := utf8.DecodeRune(text[i:])
				if !unicode.IsSpace(r) {
					break
				}
				i += size
			}
		}
		if i >= n {
			break
		}
		start := i
		for i < n { // a word
			if c := text[i]; c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				i++
			} else {
				r, size := utf8.DecodeRune(text[i:])
				if unicode.IsSpace(r) {
					break
				}
				i += size
			}
		}
		if to >= 0 && start == to+1 && text[to] == ' ' {
			to = i
			continue
		}
		out = appendWords(out, text[from:max(to, from)])
		from, to = start, i
	}
	return appendWords(out, text[from:max(to, from)])
}

// appendWords appends words after one space (none before the first), nothing for none.
func appendWords(out, words []byte) []byte {
	if len(words) == 0 {
		return out
	}
	if len(out) > 0 {
		out = append(out, ' ')
	}
	return append(out, words...)
}

// asciiSpace are the ASCII characters unicode.IsSpace takes.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
