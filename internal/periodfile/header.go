package periodfile

import (
	"fmt"
	"time"

	"github.com/BurntSushi/toml"

	"chiso/internal/load"
	"chiso/internal/model"
)

// WithHeaderOf keeps the header of an existing period file — its report, index and
// source — so `import --replace` changes only the results. src is the file's text.
func WithHeaderOf(f *File, src []byte) error {
	m := map[string]any{}
	if _, err := toml.Decode(string(src), &m); err != nil {
		return err
	}
	if b, ok := m["illustrative"].(bool); ok {
		f.Illustrative = b
	}
	f.SourceSystem, _ = m["source_system"].(string)
	f.SourceShort, _ = m["source_short"].(string)
	f.Author, _ = m["author"].(string)
	f.Window = [2]string{}
	if w, ok := m["window"].(map[string]any); ok {
		f.Window = [2]string{text(w["from"]), text(w["to"])}
	}
	if r, ok := m["report"].(map[string]any); ok {
		f.Report = Document{Type: text(r["type"]), Number: text(r["number"]), Date: text(r["date"]), Issuer: text(r["issuer"])}
	}
	f.Index = nil
	if x, ok := m["index"].(map[string]any); ok {
		idx := &Index{Score: text(x["score"]), Rank: text(x["rank"]), RankOf: text(x["rank_of"]), Source: text(x["source"]),
			Class: text(x["class"]), NationalAverage: text(x["national_average"])}
		groups, _ := x["group"].([]map[string]any)
		for _, g := range groups {
			idx.Groups = append(idx.Groups, Group{Name: text(g["name"]), Score: text(g["score"]), Max: text(g["max"])})
		}
		f.Index = idx
	}
	return nil
}

// text is the TOML text of a decoded value; "" when absent.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return Quote(x)
	case int64:
		return fmt.Sprint(x)
	case float64:
		return Number(x)
	case bool:
		return fmt.Sprint(x)
	case time.Time:
		return x.Format("2006-01-02")
	}
	return Missing
}

// Probe is a copy whose header placeholders hold neutral values, so that `check` can
// judge the results before the editor has typed the report's number and date: a file
// with placeholders is otherwise not checked beyond them.
func (f *File) Probe() *File {
	p := *f
	fill := func(v, with string) string {
		if v == Missing || v == "" {
			return with
		}
		return v
	}
	p.Report.Type = fill(p.Report.Type, Quote("Báo cáo"))
	p.Report.Number = fill(p.Report.Number, Quote("0/BC"))
	p.Report.Date = fill(p.Report.Date, monthEnd(model.Period{Year: f.Period.Year, Month: f.Period.Month}).Format("2006-01-02"))
	p.Report.Issuer = fill(p.Report.Issuer, Quote("—"))
	p.Index = nil
	if p.Window[0] == Missing || p.Window[1] == Missing {
		p.Window = [2]string{}
	}
	if p.SourceSystem == load.Placeholder {
		p.SourceSystem = "—"
	}
	return &p
}
