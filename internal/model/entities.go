package model

import (
	"time"

	"chiso/internal/diag"
)

// A site holds many entities. Its own (Entity.Own) are the first [[entity]] of
// data/entities.toml and its successors in turn: one chain over time whose reports are
// data/periods/KEY.toml (Site.Reports). Every other entity is a body of its own, which may
// be in force beside them (another province), with its reports in data/periods/ENTITY/
// (Site.Others) and its own series, never joined across a merger.

// NationalTable is every province's index score of one period, as the source publishes it
// (data/national/KEY.toml): a province's site carries it to show its place among all.
type NationalTable struct {
	Period          Period
	Source          string                 // "Văn phòng Chính phủ"
	Illustrative    bool                   // made-up scores to show the page: said plainly on it
	NationalAverage *float64               // stated; else the mean of the scores is printed as computed
	RateAverages    map[*Indicator]float64 // national averages of rates, as stated ([averages])
	Rows            []NationalRow
	File            string
	Pos             diag.Pos
}

// NationalRow is one province in a national table: an entity of the site, or a name only.
type NationalRow struct {
	Entity *Entity // nil for a province the site holds nothing else about
	Name   string  // the entity's name when Entity is set
	Score  *float64
	Rank   int // as stated; 0 when the table gives scores only (ranked from them)
	Pos    diag.Pos
}

func (s *Site) hasOwn() bool {
	for _, e := range s.Entities {
		if e.Own {
			return true
		}
	}
	return false
}

// Entity finds an entity by key.
func (s *Site) Entity(key string) *Entity {
	for _, e := range s.Entities {
		if e.Key == key {
			return e
		}
	}
	return nil
}

// OtherEntities are the entities that are not the site's own and have at least one report,
// in the order of data/entities.toml.
func (s *Site) OtherEntities() []*Entity {
	has := map[*Entity]bool{}
	for _, r := range s.Others {
		has[r.Entity] = true
	}
	var out []*Entity
	for _, e := range s.Entities {
		if has[e] {
			out = append(out, e)
		}
	}
	return out
}

// ReportsOf are an entity's reports, oldest first.
func (s *Site) ReportsOf(e *Entity) []*Report {
	var out []*Report
	from := s.Others
	if e.Own {
		from = s.Reports
	}
	for _, r := range from {
		if r.Entity == e {
			out = append(out, r)
		}
	}
	return out
}

// Dir is the folder of an entity's pages: "" for the site's own, whose pages are the
// site's, and "tinh/KEY/" for another.
func (e *Entity) Dir() string {
	if e == nil || e.Own {
		return ""
	}
	return "tinh/" + e.Key + "/"
}

// Path is a unit's page: don-vi/CODE/, under its entity's folder when that is not the
// site's own.
func (u *Unit) Path() string { return u.Entity.Dir() + "don-vi/" + u.Code + "/" }

// BelongsTo reports whether a unit may report in a report of entity e: a unit names its
// entity, or belongs to the site's own.
func (u *Unit) BelongsTo(e *Entity) bool {
	if u.Entity == nil {
		return e == nil || e.Own
	}
	return u.Entity == e
}

// OwnOn is the site's own entity in force on day d, or nil.
func (s *Site) OwnOn(d time.Time) *Entity {
	own := s.hasOwn()
	for _, e := range s.Entities {
		if (e.Own || !own) && e.InForce(d) {
			return e
		}
	}
	return nil
}

// AllReports are the site's own reports, oldest first, then every other entity's: what the
// open data publishes, with the entity in every row.
func (s *Site) AllReports() []*Report {
	if len(s.Others) == 0 {
		return s.Reports
	}
	return append(append(make([]*Report, 0, len(s.Reports)+len(s.Others)), s.Reports...), s.Others...)
}
