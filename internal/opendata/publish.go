package opendata

import (
	"fmt"
	"sync"

	"chiso/internal/model"
)

// Where the dataset is published, under the site root.
const (
	Dir          = "du-lieu/"
	PackageFile  = "datapackage.json" // in Dir
	WorkbookFile = "chi-so.xlsx"      // in Dir
)

// Dataset is the one normalised table (the observations, codes only) and the tables it
// refers to, in the order they are published: observations, lookups, then the tables of
// other figures (targets, index scores, report parts). Every number is in one row of
// one table.
type Dataset struct {
	Tables []*Table
}

// NewDataset builds the dataset from the model.
func NewDataset(s *model.Site) *Dataset {
	d := &Dataset{Tables: []*Table{ResultsTable(s),
		IndicatorsTable(s), LevelsTable(s), UnitsTable(s), EntitiesTable(s), PeriodsTable(s), DocumentsTable(s),
		ReportsTable(s), TargetsTable(s), ScoresTable(s), GroupsTable(s)}}
	d.Tables = append(d.Tables, ReportPartTables(s)...) // dossiers, unit scores, plans
	return d
}

// Observations is the one normalised table.
func (d *Dataset) Observations() *Table { return d.Tables[0] }

// Table is the table called name, or nil.
func (d *Dataset) Table(name string) *Table {
	for _, t := range d.Tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// File is one published file with its format and size, as the data page lists it.
type File struct {
	Format, Path, Media string
	Size                int
}

// Download is one row of the data page: a label, the page showing these figures, if
// any, and its files.
type Download struct {
	Label string
	Page  string
	Files []File
}

// Group is one section of the data page.
type Group struct {
	ID, Title, Note string
	Items           []Download
}

// Written is what Publish wrote: the data page's section of the dataset and the
// descriptor.
type Written struct {
	Group   Group
	Package File
}

// Publish writes the dataset under Dir through put: each table as CSV and JSON, the
// workbook (a sheet per table) and datapackage.json, whose foreign keys tie the
// observations to the lookups. homepage is the data page's absolute URL. The files are
// encoded on all cores; put is called from this goroutine only, in a fixed order.
func Publish(s *model.Site, d *Dataset, homepage string, put func(path string, data []byte)) (*Written, error) {
	created := Created(s)
	meta := Meta{Licence: s.Config.Licence, Created: created.Format("2006-01-02")}
	type encoded struct{ csv, json []byte }
	out := make([]encoded, len(d.Tables))
	var xlsx []byte
	var xerr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		xlsx, xerr = Workbook(s.Config.Title+" – "+s.Current().Name, s.Config.Title, created, d.Tables)
	}()
	for i, t := range d.Tables {
		wg.Add(2)
		go func() { defer wg.Done(); out[i].csv = t.CSV() }()
		go func() { defer wg.Done(); out[i].json = t.JSON(meta) }()
	}
	wg.Wait()
	if xerr != nil {
		return nil, fmt.Errorf("%s%s: %w", Dir, WorkbookFile, xerr)
	}

	p := &Written{Group: Group{ID: "bo-du-lieu", Title: "Toàn bộ dữ liệu",
		Note: "Một bảng kết quả chỉ gồm mã (ket-qua) và các bảng tra cứu tên, cấp, đơn vị, địa phương, kỳ và văn bản; mỗi bảng một tệp CSV và một tệp JSON. Sổ tính Excel gồm mọi bảng."}}
	file := func(name, format, media string, data []byte) File {
		put(Dir+name, data)
		return File{Format: format, Path: Dir + name, Media: media, Size: len(data)}
	}
	var resources []Resource
	for i, t := range d.Tables {
		p.Group.Items = append(p.Group.Items, Download{Label: t.Title, Files: []File{
			file(t.Name+".csv", "CSV", MediaCSV, out[i].csv),
			file(t.Name+".json", "JSON", MediaJSON, out[i].json),
		}})
		resources = append(resources, CSVResource(t, t.Name+".csv", out[i].csv),
			FileResource(t.Name+"-json", t.Name+".json", t.Title+" (JSON)", "json", MediaJSON, out[i].json))
	}
	p.Group.Items = append(p.Group.Items, Download{Label: "Sổ tính Excel: mọi bảng trên, mỗi bảng một trang tính, kèm trang giải thích các cột",
		Files: []File{file(WorkbookFile, "XLSX", MediaXLSX, xlsx)}})
	resources = append(resources, FileResource("chi-so-xlsx", WorkbookFile, "Sổ tính Excel (mọi bảng)", "xlsx", MediaXLSX, xlsx))
	p.Package = file(PackageFile, "JSON", MediaJSON, Descriptor(s, homepage, resources))
	return p, nil
}
