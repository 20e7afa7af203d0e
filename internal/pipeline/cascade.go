package pipeline

import "chiso/internal/diag"

// baseFiles are the files every period refers to: when one cannot be read at all, every
// level, indicator or document named in the periods looks unknown.
var baseFiles = map[string]bool{
	"config.toml": true, "data/documents.toml": true, "data/indicators.toml": true,
	"data/levels.toml": true, "data/units.toml": true, "data/entities.toml": true,
}

// unreadable are the problems that stop a file from being read at all.
var unreadable = map[diag.Code]bool{
	diag.ReadFailed: true, diag.NotUTF8: true, diag.Syntax: true,
	diag.FileTooLarge: true, diag.StringTooLong: true, diag.TooDeep: true,
}

// withoutCascade keeps one mistake one error: when a base file is unreadable, the other
// files' problems that only follow from it (148 "unknown indicator" lines for a missing
// indicators.toml) are dropped; their own unreadable files are still reported.
func withoutCascade(probs diag.List) diag.List {
	broken := false
	for _, d := range probs {
		if baseFiles[d.Pos.File] && unreadable[d.Code] {
			broken = true
		}
	}
	if !broken {
		return probs
	}
	out := probs[:0:0]
	for _, d := range probs {
		if baseFiles[d.Pos.File] || unreadable[d.Code] {
			out = append(out, d)
		}
	}
	return out
}
