package opendata

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"

	"chiso/internal/diag"
	"chiso/internal/model"
	"chiso/internal/scratch"
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

// PendingWorkbook is the workbook (a sheet per table) being made on another core into a
// temporary file, from StartWorkbook until Publish copies it into its place.
type PendingWorkbook struct {
	file  *os.File
	err   chan error // the maker's result; nil once read
	carry diag.Carry // a panic making the workbook is raised by Publish, not left to end the program
}

// StartWorkbook begins making d's workbook, the longest of the dataset's files to make
// and one core's work, on another core. It reads the model only, so a build starts it
// before laying out its pages, whose steps leave a core idle now and then. The workbook
// goes to a temporary file, not memory (a national one is hundreds of MB). Close lets go
// of it, made or not.
func StartWorkbook(s *model.Site, d *Dataset) (*PendingWorkbook, error) {
	f, err := scratch.File("chiso-*.xlsx")
	if err != nil {
		return nil, fmt.Errorf("%s%s: %w", Dir, WorkbookFile, err)
	}
	w := &PendingWorkbook{file: f, err: make(chan error, 1)}
	title, creator, created := s.Config.Title+" – "+s.Current().Name, s.Config.Title, Created(s)
	go func() {
		var err error
		defer func() { w.err <- err }()
		defer w.carry.Catch()
		err = workbook(f, title, creator, created, d.Tables)
	}()
	return w, nil
}

// wait waits for the workbook to be made and raises a panic of its maker here.
func (w *PendingWorkbook) wait() error {
	if w.err == nil {
		return nil
	}
	err := <-w.err
	w.err = nil
	w.carry.Raise()
	return err
}

// Close waits for the workbook's maker, if Publish did not, and removes the temporary
// file.
func (w *PendingWorkbook) Close() {
	if w.err != nil {
		<-w.err
		w.err = nil
	}
	scratch.Close(w.file)
}

// Publish writes the dataset under Dir through put: each table as CSV and JSON, the
// workbook (a sheet per table) and datapackage.json, whose foreign keys tie the
// observations to the lookups. homepage is the data page's absolute URL. put is called
// from this goroutine only, in a fixed order; each file is written into the writer it
// hands over as it is made, a row at a time, so the dataset is never held whole in any
// format. The workbook is wb, made on another core meanwhile (nil: Publish starts it); so
// is meanwhile (nil: nothing), the caller's other work, which Publish runs on this
// goroutine once the tables are written: the build's later steps do not wait for the
// workbook. An error of meanwhile is returned as it is.
func Publish(s *model.Site, d *Dataset, wb *PendingWorkbook, homepage string, put func(path string, write func(io.Writer) error) error,
	meanwhile func() error) (*Written, error) {
	created := Created(s)
	meta := Meta{Licence: s.Config.Licence, Created: created.Format("2006-01-02")}
	if wb == nil {
		var err error
		if wb, err = StartWorkbook(s, d); err != nil {
			return nil, err
		}
		defer wb.Close()
	}
	defer wb.wait() // the workbook's maker is done before Publish returns (Close waits too)

	p := &Written{Group: Group{ID: "bo-du-lieu", Title: "Toàn bộ dữ liệu",
		Note: "Một bảng kết quả chỉ gồm mã (ket-qua) và các bảng tra cứu tên, cấp, đơn vị, địa phương, kỳ và văn bản; mỗi bảng một tệp CSV và một tệp JSON. Sổ tính Excel gồm mọi bảng."}}
	file := func(name, format, media string, write func(io.Writer) error) (File, string, error) {
		var sum summer
		err := put(Dir+name, func(w io.Writer) error {
			sum = summer{w: w, h: sha256.New()}
			return write(&sum)
		})
		return File{Format: format, Path: Dir + name, Media: media, Size: sum.n}, sum.hash(), err
	}
	var resources []Resource
	for _, t := range d.Tables {
		c, csvHash, err := file(t.Name+".csv", "CSV", MediaCSV, t.WriteCSV)
		if err != nil {
			return nil, err
		}
		j, jsonHash, err := file(t.Name+".json", "JSON", MediaJSON, func(w io.Writer) error { return t.WriteJSON(w, meta) })
		if err != nil {
			return nil, err
		}
		p.Group.Items = append(p.Group.Items, Download{Label: t.Title, Files: []File{c, j}})
		resources = append(resources, csvResource(t, t.Name+".csv", c.Size, csvHash),
			fileResource(t.Name+"-json", t.Name+".json", t.Title+" (JSON)", "json", MediaJSON, j.Size, jsonHash))
	}
	if meanwhile != nil {
		if err := meanwhile(); err != nil {
			return nil, err
		}
	}
	if err := wb.wait(); err != nil {
		return nil, fmt.Errorf("%s%s: %w", Dir, WorkbookFile, err)
	}
	xlsx := wb.file
	if _, err := xlsx.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("%s%s: %w", Dir, WorkbookFile, err)
	}
	x, xlsxHash, err := file(WorkbookFile, "XLSX", MediaXLSX, func(w io.Writer) error {
		_, err := io.Copy(w, xlsx)
		return err
	})
	if err != nil {
		return nil, err
	}
	p.Group.Items = append(p.Group.Items, Download{Label: "Sổ tính Excel: mọi bảng trên, mỗi bảng một trang tính, kèm trang giải thích các cột",
		Files: []File{x}})
	resources = append(resources, fileResource("chi-so-xlsx", WorkbookFile, "Sổ tính Excel (mọi bảng)", "xlsx", MediaXLSX, x.Size, xlsxHash))
	desc := Descriptor(s, homepage, resources)
	if p.Package, _, err = file(PackageFile, "JSON", MediaJSON, func(w io.Writer) error { _, err := w.Write(desc); return err }); err != nil {
		return nil, err
	}
	return p, nil
}

// summer counts and hashes what goes through it, for datapackage.json.
type summer struct {
	w io.Writer
	h hash.Hash
	n int
}

func (s *summer) Write(p []byte) (int, error) {
	s.h.Write(p)
	n, err := s.w.Write(p)
	s.n += n
	return n, err
}

func (s *summer) hash() string {
	if s.h == nil {
		return ""
	}
	return "sha256:" + hex.EncodeToString(s.h.Sum(nil))
}
