package model

import (
	"reflect"
	"testing"
)

func n(v int64) *int64 { return &v }

// The identities of a dossier table: only sums whose parts are all given are checked, and
// carried-over dossiers count on the received side of received = resolved + pending.
func TestDossierIdentities(t *testing.T) {
	closed := &DossierCounts{Received: n(100), Online: n(60), Direct: n(40), CarriedOver: n(10),
		Resolved: n(95), OnTime: n(90), Late: n(5), Pending: n(15)}
	if got := closed.Identities(); len(got) != 0 {
		t.Errorf("closed figures: %+v", got)
	}
	open := &DossierCounts{Received: n(100), Online: n(60), Direct: n(30), Resolved: n(95), OnTime: n(90), Late: n(4), Pending: n(15)}
	want := []Identity{
		{Left: "received", Right: []string{"online", "direct"}, Want: 100, Got: 90},
		{Left: "received", Right: []string{"resolved", "pending"}, Want: 100, Got: 110},
		{Left: "resolved", Right: []string{"on_time", "late"}, Want: 95, Got: 94},
	}
	if got := open.Identities(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	// A missing part is not a zero: nothing to check.
	if got := (&DossierCounts{Received: n(100), Online: n(60)}).Identities(); len(got) != 0 {
		t.Errorf("partial figures: %+v", got)
	}
}

func TestDossierShares(t *testing.T) {
	d := &DossierCounts{Received: n(61204), Online: n(14733), Resolved: n(58911), OnTime: n(57020)}
	if v, ok := d.OnlineShare(); !ok || v < 24.07 || v > 24.08 {
		t.Errorf("online share %v %v", v, ok)
	}
	if v, ok := d.OnTimeShare(); !ok || v < 96.79 || v > 96.8 {
		t.Errorf("on-time share %v %v", v, ok)
	}
	if _, ok := (&DossierCounts{Received: n(0), Online: n(0)}).OnlineShare(); ok {
		t.Error("a share of nothing received")
	}
	for _, key := range DossierKeys {
		var c DossierCounts
		if !c.Set(key, 7) || c.Figure(key) == nil || *c.Figure(key) != 7 {
			t.Errorf("figure %s not stored", key)
		}
	}
	if (&DossierCounts{}).Set("recieved", 1) {
		t.Error("a misspelt figure was stored")
	}
}

// The published cut-offs decide the class at and above 80 points (as printed, two
// decimals); below them the class is data.
func TestKnownClass(t *testing.T) {
	for score, want := range map[float64]string{100: "xuất sắc", 90: "xuất sắc", 89.996: "xuất sắc", 89.99: "tốt",
		80: "tốt", 79.99: "", 0: ""} {
		if got := KnownClass(score); got != want {
			t.Errorf("%v: %q, want %q", score, got, want)
		}
	}
}

func TestUnitScoresRankAndGroup(t *testing.T) {
	tinh, xa := &Level{Key: "tinh", Order: 0}, &Level{Key: "xa", Order: 1}
	unit := func(name string, l *Level) *Unit { return &Unit{Name: name, Level: l} }
	scores := UnitScores{
		{Unit: unit("xã Ia Grai", xa), Score: 70},
		{Unit: unit("Sở Y tế", tinh), Score: 88, Class: "tốt", ClassGiven: true},
		{Unit: unit("Sở Đầu tư", tinh), Score: 88, Class: "tốt", ClassGiven: true},
		{Unit: unit("Sở Tư pháp", tinh), Score: 95, Class: "xuất sắc", ClassGiven: true},
		{Unit: unit("phường An Khê", xa), Score: 75, Rank: 4, RankOf: 9, RankGiven: true},
	}
	scores.RankUnits()
	levels := scores.ByLevel()
	if len(levels) != 2 || levels[0].Level != tinh || levels[1].Level != xa {
		t.Fatalf("levels %+v", levels)
	}
	var got []string
	for _, us := range levels[0].Ranked {
		got = append(got, us.Unit.Name, us.Class)
	}
	// Tied scores share rank 2 and are in Vietnamese order: Đ after D, before T and Y.
	want := []string{"Sở Tư pháp", "xuất sắc", "Sở Đầu tư", "tốt", "Sở Y tế", "tốt"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ranked %v", got)
	}
	if r := levels[0].Ranked; r[1].Rank != 2 || r[2].Rank != 2 || r[0].RankOf != 3 {
		t.Errorf("ranks %d %d of %d", r[1].Rank, r[2].Rank, r[0].RankOf)
	}
	if !levels[0].ClassesGiven || len(levels[0].Classes) != 2 || levels[0].Classes[1].Units[0].Unit.Name != "Sở Đầu tư" {
		t.Errorf("classes %+v", levels[0].Classes)
	}
	// A given rank stays; the other is computed among the units listed.
	x := levels[1].Ranked
	if levels[1].ClassesGiven || x[0].Unit.Name != "xã Ia Grai" || x[0].Rank != 2 || x[0].RankOf != 2 || x[1].Rank != 4 || x[1].RankOf != 9 {
		t.Errorf("xa %s %d/%d, %s %d/%d", x[0].Unit.Name, x[0].Rank, x[0].RankOf, x[1].Unit.Name, x[1].Rank, x[1].RankOf)
	}
}
