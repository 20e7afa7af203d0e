package load

import (
	"os"
	"testing"
)

// The sample's own chain (Bình Định, then Gia Lai) beside the old Gia Lai, which merges
// into the new one, and Quảng Ngãi, in force on the same days: distinct bodies overlap
// without a word; each report and unit goes to its own entity.
func TestManyEntities(t *testing.T) {
	ents, _ := os.ReadFile("../../data/entities.toml")
	fsys := sampleWith(t, map[string]string{
		"data/entities.toml": string(ents) + `
[[entity]]
key = "gia-lai-cu"
name = "tỉnh Gia Lai"
short = "tỉnh"
to = 2025-06-30
successor = "gia-lai"

[[entity]]
key = "quang-ngai"
name = "tỉnh Quảng Ngãi"
short = "tỉnh"
`,
		"data/periods/quang-ngai/2025-07.toml": "period = \"2025-07\"\n[index]\nscore = 90.5\n",
		"data/periods/gia-lai-cu/2025-06.toml": "period = \"2025-06\"\n[index]\nscore = 85\n",
		"data/national/2025-12.toml":           "period = \"2025-12\"\n[[province]]\nentity = \"gia-lai\"\nscore = 96\nrank = 4\n",
	})
	s, probs := Site(fsys)
	if probs.HasErrors() {
		t.Fatalf("%s", probs)
	}
	own := map[string]bool{}
	for _, e := range s.Entities {
		own[e.Key] = e.Own
	}
	if !own["binh-dinh"] || !own["gia-lai"] || own["gia-lai-cu"] || own["quang-ngai"] {
		t.Errorf("own entities: %v", own)
	}
	if s.Current().Key != "gia-lai" {
		t.Errorf("current %s", s.Current().Key)
	}
	if len(s.Others) != 2 || s.Others[0].Entity.Key != "gia-lai-cu" || s.Others[1].Entity.Key != "quang-ngai" {
		t.Fatalf("other reports: %v", s.Others)
	}
	// The old Gia Lai's series is its own: no previous report, and the site's July is not
	// linked to it.
	if s.Others[0].Previous != nil {
		t.Error("another entity's report linked to a previous one")
	}
	for _, r := range s.Reports {
		if !r.Entity.Own {
			t.Errorf("%s: the site's report belongs to %s", r.File, r.Entity.Key)
		}
		if r.Previous != nil && !r.Previous.Entity.Own {
			t.Errorf("%s follows another entity's report", r.File)
		}
	}
	for _, u := range s.Units {
		if u.Entity != nil {
			t.Errorf("unit %s has entity %s; units without entity are the site's own", u.Code, u.Entity.Key)
		}
	}
	if len(s.National) != 1 || s.National[0].Rows[0].Entity.Key != "gia-lai" {
		t.Errorf("national tables: %+v", s.National)
	}
}
