// Package opendata writes the site's figures as files anyone can reuse: CSV (UTF-8 with
// a BOM, decimal point), JSON, an XLSX workbook and a Frictionless Data Package
// descriptor (datapackage.json) that says what every column means, where the figures
// come from and under which licence.
//
// Every file is built from a Table: named, typed fields and rows of cells. The same
// table gives the CSV, the JSON, a sheet of the workbook and the schema in
// datapackage.json, so the four cannot disagree. Views of the whole (one indicator, one
// period, one unit) are the same table filtered (Table.Filter), with the same columns.
//
// Nothing here reads the clock: dates come from the data (Created), so two builds of
// the same input give byte-identical files.
package opendata
