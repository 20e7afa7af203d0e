package write

import (
	"bytes"
	"html/template"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"chiso/internal/vietnamese"
)

// markdown is goldmark with GFM tables; raw HTML stays off (goldmark's default) because
// editors' text is untrusted, and heading IDs keep Vietnamese letters as ASCII slugs.
// Column alignments (|--:|) are not written: goldmark writes them as style attributes,
// which the site's Content-Security-Policy (default-src 'self') blocks.
var markdown = goldmark.New(
	goldmark.WithExtensions(
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		extension.Strikethrough, extension.Linkify),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)

// Markdown renders an editor's Markdown to HTML.
func Markdown(src string) (template.HTML, error) {
	var buf bytes.Buffer
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]bool{}}))
	doc := markdown.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(ctx))
	if err := markdown.Renderer().Render(&buf, []byte(src), doc); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil // goldmark escapes text and drops raw HTML
}

// headingIDs slugs headings the Vietnamese way ("Kết quả tháng 4" → ket-qua-thang-4);
// goldmark's default drops the accented letters instead.
type headingIDs struct{ seen map[string]bool }

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := vietnamese.Slug(string(value))
	if base == "" {
		base = "muc"
	}
	id := base
	for i := 1; h.seen[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.seen[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }
