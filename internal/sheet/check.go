package sheet

import (
	"chiso/internal/diag"
	"chiso/internal/periodfile"
)

// FromCheck words what `check` found in the file an import would write as problems of
// the spreadsheet rows its values came from. Problems outside the imported results
// (another file, a value the editor has still to type) are left out.
func FromCheck(name string, f *periodfile.File, probs diag.List) Problems {
	var out Problems
	for _, d := range probs {
		// A missing target is fixed in data/indicators.toml (chiso new-year), not in the
		// sheet: the figures are written and check reports it there.
		if d.Pos.File != f.Name() || d.Code == diag.NotEntered || d.Code == diag.NoTarget {
			continue
		}
		p := checkFailed.problem(name, 0, d.Severity, d.Message(), d.Hint())
		if res := f.ResultAt(d.Pos.Line); res != nil && len(res.Rows) > 0 {
			p.Line, p.More = res.Rows[0], res.Rows[1:]
		}
		out = append(out, p)
	}
	return out
}
