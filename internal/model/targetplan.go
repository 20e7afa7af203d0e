package model

import (
	"strconv"

	"chiso/internal/diag"
)

// TargetPlan is a year's assignment of targets (shape E of REPORTS.md): the rates each
// group of units must reach, with the document that assigns them. It is published at the
// start of the year, before any result, and has a page of its own (muc-tieu/YEAR/).
//
// A plan does not change the targets the articles compare results with: those stay in
// data/indicators.toml, in force by date.
type TargetPlan struct {
	Year         int
	Title        string    // "Giao chỉ tiêu cải cách thủ tục hành chính năm 2026", optional
	Basis        *Document // the assigning document, unless a group or target names its own
	Illustrative bool
	Groups       []*TargetGroup
	File         string
	Pos          diag.Pos
}

// TargetGroup is the targets of one group of units: the whole province, "các sở, ban,
// ngành", "UBND các xã, phường".
type TargetGroup struct {
	Name    string // "" for targets that apply to the whole entity
	Basis   *Document
	Targets []*PlannedTarget
	Pos     diag.Pos
}

// PlannedTarget is one indicator's rate in a plan.
type PlannedTarget struct {
	Indicator *Indicator
	Value     float64
	Basis     *Document // the document that sets it: its own, else its group's, else the plan's
	Own       bool      // Basis is the target's own, not its group's: cited beside it
	Pos       diag.Pos
	ValuePos  diag.Pos
}

// Path is the plan's page under the site root.
func (p *TargetPlan) Path() string { return "muc-tieu/" + strconv.Itoa(p.Year) + "/" }
