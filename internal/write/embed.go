package write

import (
	"fmt"
	"html"
	"regexp"

	"chiso/internal/vietnamese"
)

// EmbedHeight is the height of the <iframe> of an embedded chart, in CSS pixels.
const EmbedHeight = 460

// EmbedCode is the <iframe> a reader pastes into another page to show the embed page at
// src. Its title attribute needs no character reference (a straight double quote becomes
// a single one, "&" is escaped only where it could start one), so the code reads plainly
// once the page's textarea has escaped it.
func EmbedCode(src, title string) string {
	t := ambiguousAmp.ReplaceAllString(replaceQuotes(title), "&amp;$1")
	return `<iframe src="` + html.EscapeString(src) + `" title="` + t +
		`" loading="lazy" width="100%" height="` + fmt.Sprint(EmbedHeight) + `" style="border:0"></iframe>`
}

var ambiguousAmp = regexp.MustCompile(`&([A-Za-z0-9#])`)

func replaceQuotes(s string) string {
	b := []rune(s)
	for i, r := range b {
		if r == '"' {
			b[i] = '\''
		}
	}
	return string(b)
}

// FileSize is a size the Vietnamese way: "850 byte", "12,3 KB", "1,2 MB".
func FileSize(n int) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d byte", n)
	case n < 1024*1024:
		return vietnamese.Decimal(float64(n)/1024, 1) + " KB"
	}
	return vietnamese.Decimal(float64(n)/(1024*1024), 1) + " MB"
}
