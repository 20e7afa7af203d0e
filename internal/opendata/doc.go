// Package opendata publishes the site's figures as one normalised dataset anyone can
// reuse: an observations table of codes and numbers (ket-qua: period, entity, indicator,
// level or unit, value, numerator, denominator, target, verdict, rank) and lookup tables
// that hold every name, citation and date once (chi-tieu, cap, don-vi, dia-phuong, ky,
// van-ban), with the tables of other figures (targets, index scores, report parts).
// Each table is written as CSV (UTF-8 with a BOM, decimal point, formula-like text made
// inert) and JSON, all of them as one XLSX workbook, and described by a Frictionless Data
// Package descriptor (datapackage.json) whose foreign keys tie the codes to the lookups.
//
// Every file is built from a Table: named, typed fields and rows of cells. The same
// table gives the CSV, the JSON, a sheet of the workbook and the schema in
// datapackage.json, so the four cannot disagree. The only other files are small slices
// a page needs: a chart's figures (ChartTable).
//
// Nothing here reads the clock: dates come from the data (Created), so two builds of
// the same input give byte-identical files.
package opendata
