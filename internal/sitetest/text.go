package sitetest

import (
	"strings"

	"golang.org/x/net/html"
)

// Text is the visible text of an HTML document: text outside <script> and <style>,
// entities decoded, runs of white space (and no-break spaces) collapsed to one space.
func Text(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(strings.ReplaceAll(b.String(), "\u00a0", " ")), " ")
		case html.StartTagToken:
			n, _ := z.TagName()
			if string(n) == "script" || string(n) == "style" {
				skip++
			}
			if !inline[string(n)] {
				b.WriteByte(' ')
			}
		case html.EndTagToken:
			n, _ := z.TagName()
			if (string(n) == "script" || string(n) == "style") && skip > 0 {
				skip--
			}
			if !inline[string(n)] {
				b.WriteByte(' ')
			}
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		}
	}
}

// inline elements join their text to the words around them; every other tag separates.
var inline = map[string]bool{"a": true, "abbr": true, "b": true, "bdi": true, "code": true, "data": true, "em": true,
	"i": true, "mark": true, "q": true, "s": true, "small": true, "span": true, "strong": true, "sub": true, "sup": true, "time": true, "u": true}
