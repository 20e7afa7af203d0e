package load

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
