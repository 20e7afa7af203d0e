package load

import "chiso/internal/diag"

// unknownReference are the errors of a row that refers to a key no file declares.
var unknownReference = map[diag.Code]bool{
	diag.UnknownLevel: true, diag.UnknownIndicator: true, diag.UnknownUnit: true, diag.UnknownDocument: true,
}

// collapseRepeated keeps the first error of each unknown key and counts the others in it:
// a level key mistyped in data/levels.toml, or renamed there, is one mistake, not one
// error for every period that uses the key (625 in the sample).
func collapseRepeated(probs *diag.List) {
	type ref struct {
		code diag.Code
		key  any
	}
	first := map[ref]int{}
	count := map[ref]int{}
	out := (*probs)[:0]
	for _, d := range *probs {
		if !unknownReference[d.Code] || len(d.Args) == 0 {
			out = append(out, d)
			continue
		}
		r := ref{d.Code, d.Args[0]}
		count[r]++
		if _, seen := first[r]; seen {
			continue
		}
		first[r] = len(out)
		out = append(out, d)
	}
	for r, i := range first {
		if n := count[r] - 1; n > 0 {
			d := out[i]
			out[i] = diag.Diagnostic{Pos: d.Pos, Severity: d.Severity, Code: diag.UnknownRepeated, Args: []any{d.Message(), n, d.Hint()}}
		}
	}
	*probs = out
}
