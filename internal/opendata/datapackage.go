package opendata

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"

	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// Package is a Frictionless Data Package descriptor (datapackage.json, spec v1): the
// dataset's name, licence, sources and one resource per file, with a Table Schema for
// each CSV. https://specs.frictionlessdata.io/data-package/
type Package struct {
	Profile     string     `json:"profile"`
	Name        string     `json:"name"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Homepage    string     `json:"homepage,omitempty"`
	Language    string     `json:"language,omitempty"`
	Created     string     `json:"created"`
	Keywords    []string   `json:"keywords,omitempty"`
	Licenses    []License  `json:"licenses,omitempty"`
	Sources     []Source   `json:"sources"`
	Resources   []Resource `json:"resources"`
}

// License names the data's licence by its Open Definition / SPDX id.
type License struct {
	Name  string `json:"name"`
	Path  string `json:"path,omitempty"`
	Title string `json:"title,omitempty"`
}

// Source is a document or system the figures come from.
type Source struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
}

// Resource is one file of the package.
type Resource struct {
	Profile     string   `json:"profile"`
	Name        string   `json:"name"`
	Path        string   `json:"path"` // relative to datapackage.json
	Title       string   `json:"title,omitempty"`
	Description string   `json:"description,omitempty"`
	Format      string   `json:"format"`
	Mediatype   string   `json:"mediatype"`
	Encoding    string   `json:"encoding,omitempty"`
	Bytes       int      `json:"bytes"`
	Hash        string   `json:"hash"`
	Dialect     *Dialect `json:"dialect,omitempty"`
	Schema      *Schema  `json:"schema,omitempty"`
}

// Dialect is the CSV dialect: the defaults written out, so no reader has to guess.
type Dialect struct {
	Delimiter      string `json:"delimiter"`
	LineTerminator string `json:"lineTerminator"`
	QuoteChar      string `json:"quoteChar"`
	DoubleQuote    bool   `json:"doubleQuote"`
	Header         bool   `json:"header"`
}

// Schema is a Table Schema.
type Schema struct {
	Fields        []SchemaField      `json:"fields"`
	MissingValues []string           `json:"missingValues"`
	PrimaryKey    []string           `json:"primaryKey,omitempty"`
	ForeignKeys   []SchemaForeignKey `json:"foreignKeys,omitempty"`
}

// SchemaForeignKey is a Table Schema foreign key: the column's values are keys of
// another resource of the package.
type SchemaForeignKey struct {
	Fields    string             `json:"fields"`
	Reference SchemaKeyReference `json:"reference"`
}

// SchemaKeyReference is the resource and column a foreign key points at.
type SchemaKeyReference struct {
	Resource string `json:"resource"`
	Fields   string `json:"fields"`
}

// SchemaField is a Table Schema field; Unit is our own property (allowed by the spec).
type SchemaField struct {
	Name        string   `json:"name"`
	Type        string   `json:"type"`
	Format      string   `json:"format,omitempty"`
	Title       string   `json:"title,omitempty"`
	Description string   `json:"description,omitempty"`
	Unit        string   `json:"unit,omitempty"`
	DecimalChar string   `json:"decimalChar,omitempty"`
	TrueValues  []string `json:"trueValues,omitempty"`
	FalseValues []string `json:"falseValues,omitempty"`
}

// Media types of the files.
const (
	MediaCSV  = "text/csv"
	MediaJSON = "application/json"
	MediaXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// Conventions says how the CSV files are written; the data page and datapackage.json
// print it.
const Conventions = "CSV theo RFC 4180, mã UTF-8 có BOM (để Excel đọc đúng tiếng Việt), dấu phẩy ngăn cột, " +
	"dấu chấm thập phân và không có dấu ngăn cách hàng nghìn (63.4 là 63,4%), ngày dạng YYYY-MM-DD, " +
	"đúng/sai viết true/false, ô trống là không có số liệu. Tỷ lệ tính theo phần trăm (0–100)."

// CSVResource describes t written as CSV at path, whose bytes are data.
func CSVResource(t *Table, path string, data []byte) Resource {
	return csvResource(t, path, len(data), Hash(data))
}

func csvResource(t *Table, path string, size int, hash string) Resource {
	r := Resource{Profile: "tabular-data-resource", Name: t.Name, Path: path, Title: t.Title, Description: t.Description,
		Format: "csv", Mediatype: MediaCSV, Encoding: "utf-8", Bytes: size, Hash: hash,
		Dialect: &Dialect{Delimiter: ",", LineTerminator: "\r\n", QuoteChar: `"`, DoubleQuote: true, Header: true},
		Schema:  &Schema{MissingValues: []string{""}, PrimaryKey: t.PrimaryKey}}
	for _, k := range t.ForeignKeys {
		ref := k.Resource
		if ref == t.Name {
			ref = "" // the spec's self-reference
		}
		r.Schema.ForeignKeys = append(r.Schema.ForeignKeys, SchemaForeignKey{Fields: k.Fields,
			Reference: SchemaKeyReference{Resource: ref, Fields: k.Ref}})
	}
	for _, f := range t.Fields {
		sf := SchemaField{Name: f.Name, Type: f.Type, Title: f.Title, Description: f.Description, Unit: f.Unit}
		switch f.Type {
		case "number":
			sf.DecimalChar = "."
		case "boolean":
			sf.TrueValues, sf.FalseValues = []string{"true"}, []string{"false"}
		case "date", "yearmonth":
			sf.Format = "default"
		}
		r.Schema.Fields = append(r.Schema.Fields, sf)
	}
	return r
}

// FileResource describes another file: the JSON copy of a table, the workbook.
func FileResource(name, path, title, format, mediatype string, data []byte) Resource {
	return fileResource(name, path, title, format, mediatype, len(data), Hash(data))
}

func fileResource(name, path, title, format, mediatype string, size int, hash string) Resource {
	r := Resource{Profile: "data-resource", Name: name, Path: path, Title: title, Format: format,
		Mediatype: mediatype, Bytes: size, Hash: hash}
	if format == "json" {
		r.Encoding = "utf-8"
	}
	return r
}

// Hash is the spec's "sha256:…" form.
func Hash(data []byte) string {
	h := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(h[:])
}

// licences maps the licence ids a config may name to their deeds.
var licences = map[string]License{
	"CC-BY-4.0":    {Name: "CC-BY-4.0", Path: "https://creativecommons.org/licenses/by/4.0/", Title: "Creative Commons Attribution 4.0"},
	"CC-BY-SA-4.0": {Name: "CC-BY-SA-4.0", Path: "https://creativecommons.org/licenses/by-sa/4.0/", Title: "Creative Commons Attribution Share-Alike 4.0"},
	"CC0-1.0":      {Name: "CC0-1.0", Path: "https://creativecommons.org/publicdomain/zero/1.0/", Title: "CC0 1.0"},
	"ODC-BY-1.0":   {Name: "ODC-BY-1.0", Path: "https://opendatacommons.org/licenses/by/1-0/", Title: "Open Data Commons Attribution License 1.0"},
	"ODbL-1.0":     {Name: "ODbL-1.0", Path: "https://opendatacommons.org/licenses/odbl/1-0/", Title: "Open Data Commons Open Database License 1.0"},
}

// LicenceOf is the licence named in config.toml, with its deed when known.
func LicenceOf(id string) (License, bool) {
	if id == "" {
		return License{}, false
	}
	if l, ok := licences[id]; ok {
		return l, true
	}
	return License{Name: id}, true
}

// Sources lists the documents the figures and targets come from (targets' legal bases
// first, then each period's report) and the systems the figures were extracted from.
func Sources(s *model.Site) []Source {
	var out []Source
	seen := map[string]bool{}
	add := func(title, path string) {
		if title == "" || seen[title] {
			return
		}
		seen[title] = true
		out = append(out, Source{Title: title, Path: path})
	}
	for _, ind := range s.Indicators {
		for _, t := range ind.Targets {
			if t.Basis != nil {
				add(Citation(t.Basis), t.Basis.URL)
			}
		}
	}
	for _, r := range s.AllReports() {
		if r.Document != nil {
			add(Citation(r.Document)+" (số liệu "+r.Period.Label()+")", r.Document.URL)
		}
	}
	for _, r := range s.AllReports() {
		sys := r.SourceSystem
		if r.SourceShort != "" {
			sys += " (" + r.SourceShort + ")"
		}
		add(sys, "")
		if r.Index != nil && r.Index.Source != "" {
			add("Cổng Dịch vụ công quốc gia – "+r.Index.Source+" (điểm và thứ hạng Chỉ số)", "")
		}
	}
	return out
}

// Descriptor writes datapackage.json. homepage is the data page's absolute URL.
func Descriptor(s *model.Site, homepage string, resources []Resource) []byte {
	cfg := s.Config
	p := Package{
		Profile:     "data-package",
		Name:        "chi-so-" + vietnamese.Slug(s.Current().Name),
		Title:       cfg.Title + " – " + s.Current().Name,
		Description: "Kết quả các chỉ tiêu về thủ tục hành chính và dịch vụ công trực tuyến của " + s.Current().Name + " theo tháng, theo cấp và theo đơn vị, với mục tiêu và văn bản giao; điểm và thứ hạng " + cfg.IndexName + ". " + Conventions + " Ngày tạo (created) là ngày của báo cáo mới nhất, không phải ngày dựng trang, nên hai lần dựng cùng dữ liệu cho cùng một tệp.",
		Homepage:    homepage,
		Language:    cfg.Language,
		Created:     Created(s).Format("2006-01-02T15:04:05Z"),
		Keywords:    []string{"dịch vụ công trực tuyến", "thủ tục hành chính", "chỉ số phục vụ người dân doanh nghiệp", strings.TrimSpace(s.Current().Name)},
		Sources:     Sources(s),
		Resources:   resources,
	}
	if l, ok := LicenceOf(cfg.Licence); ok {
		p.Licenses = []License{l}
	}
	out, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		panic(err) // plain strings and numbers
	}
	return append(out, '\n')
}
