package load

import (
	"errors"
	"io/fs"
	"path"
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
