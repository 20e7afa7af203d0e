// Package diag holds the problems an editor can cause, located at a file, line and column,
// and says them in Vietnamese from one message table (messages.go).
//
// Every step of the pipeline reports through it, so `check` and `build` print the same
// lines: "data/periods/2024-04.toml:12:3: lỗi: … — cách sửa: …".
package diag

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Severity tells whether a problem stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "cảnh báo"
	}
	return "lỗi"
}

// Pos is a place in an editor's file. Line and Col count from 1; Col counts characters
// (runes), as an editor's status bar does. Zero Line means the whole file.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Diagnostic is one problem: where, how bad, which message and its arguments.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Code     Code
	Args     []any
}

// Message is the Vietnamese sentence saying what is wrong.
func (d Diagnostic) Message() string { return messages[d.Code].say(d.Args) }

// Hint is the Vietnamese sentence saying what to do.
func (d Diagnostic) Hint() string { return messages[d.Code].hint(d.Args) }

// String is the one line an editor reads.
func (d Diagnostic) String() string {
	s := fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Message())
	if h := d.Hint(); h != "" {
		s += " — " + h
	}
	return s
}

// List collects diagnostics from the steps of a build.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(p Pos, sev Severity, code Code, args ...any) {
	*l = append(*l, Diagnostic{Pos: p, Severity: sev, Code: code, Args: args})
}

// Errorf and Warnf are the two usual forms of Add.
func (l *List) Errorf(p Pos, code Code, args ...any) { l.Add(p, Error, code, args...) }
func (l *List) Warnf(p Pos, code Code, args ...any)  { l.Add(p, Warning, code, args...) }

// HasErrors reports whether any diagnostic stops the build.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Sort orders diagnostics by file, line and column, so output does not depend on the
// order in which checks ran.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// String prints one diagnostic a line.
func (l List) String() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// jsonDiagnostic is the machine form printed by `check --json`.
type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

// MarshalJSON gives the list as an array of objects with stable field names.
func (l List) MarshalJSON() ([]byte, error) {
	out := make([]jsonDiagnostic, 0, len(l))
	for _, d := range l {
		sev := "error"
		if d.Severity == Warning {
			sev = "warning"
		}
		out = append(out, jsonDiagnostic{d.Pos.File, d.Pos.Line, d.Pos.Col, sev, string(d.Code), d.Message(), d.Hint()})
	}
	return json.Marshal(out)
}

// Error lets a list with errors travel as a Go error.
func (l List) Error() string { return strings.TrimRight(l.String(), "\n") }
