package load

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/BurntSushi/toml"

	"chiso/internal/diag"
	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// The English edition reads optional *_en fields beside the Vietnamese ones, falling
// back to the Vietnamese text, and data/glossary.toml for free text the period files
// write (issuers, document types, source systems, classes).

// or is s, or fallback when s is empty.
func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// glossary reads data/glossary.toml (optional):
//
//	[[term]]
//	vi = "Văn phòng UBND tỉnh"
//	en = "Office of the Provincial People's Committee"
func (l *loader) glossary() {
	l.site.Config.Glossary = map[string]string{}
	t, ok := l.open("data/glossary.toml", false)
	if !ok {
		return
	}
	for _, row := range t.Rows("term") {
		vi, en := row.String("vi", true), row.String("en", true)
		row.Done()
		if vi != "" && en != "" {
			l.site.Config.Glossary[vi] = en
		}
	}
	t.Done()
}

// englishPages reads content/en/*.md, the English text of the page of the same file name
// in content/: its slug and place are the Vietnamese page's (en/gioi-thieu/). An English
// file without a Vietnamese page has no place on the site and is not read.
func (l *loader) englishPages() {
	for _, p := range l.site.Pages {
		name := "content/en/" + path.Base(p.File)
		src, err := fs.ReadFile(l.fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			readFailed(l.probs, name, err)
			continue
		}
		if en := l.page(name, src); en != nil {
			en.Slug = p.Slug
			p.English = en
		}
	}
}

// UIStrings reads templates/ui-en.toml, the English edition's page strings ("Trang chủ" =
// "Home"), with the checks and the Vietnamese messages of every other TOML file. A site
// without the file has no English edition (nil).
func UIStrings(fsys fs.FS) (map[string]string, diag.List) {
	const name = "templates/ui-en.toml"
	src, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var probs diag.List
	if err != nil {
		readFailed(&probs, name, err)
		return nil, probs
	}
	l := &loader{fsys: fsys, probs: &probs, site: &model.Site{}, keys: registry{}}
	if _, ok := l.parse(name, src); !ok {
		return nil, probs
	}
	m := map[string]any{}
	if _, err := toml.Decode(strings.TrimPrefix(string(src), "\ufeff"), &m); err != nil {
		return nil, probs // parse succeeded above: not reached
	}
	ui := map[string]string{}
	for k, v := range m {
		if s, ok := v.(string); ok {
			ui[vietnamese.NFC(k)] = vietnamese.NFC(s)
		}
	}
	return ui, nil
}
