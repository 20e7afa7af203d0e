package corrections

import (
	"strconv"

	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// Figure is one published number of a period, named for the reader. Field says which
// number it is; the wording template turns it into words (templates/wording/corrections.html).
type Figure struct {
	Part      string // "result", "index", "dossiers", "unit-score"
	Indicator string // the indicator's name (result)
	Level     string // the level's name, "" for the whole entity
	Unit      string // the unit's name (a unit's result or score)
	Group     string // the index group's name ("index", Field "group")
	// Field is "rate", "numerator", "denominator" (result); "score", "rank", "rank-of",
	// "national-average", "group" (index); a dossier key such as "received" (dossiers);
	// "score", "rank", "class" (unit-score).
	Field string
	Value string // as printed on the site: "88,62%", "1.234", "88,62", "2"
}

// key identifies a figure between two versions of a file.
func (f Figure) key() string {
	return f.Part + "\x00" + f.Indicator + "\x00" + f.Level + "\x00" + f.Unit + "\x00" + f.Group + "\x00" + f.Field
}

// figures lists every number a report publishes, in the order a reader meets them.
// Values are compared as printed: 88,621 and 88,62 read the same and are no correction.
func figures(r *model.Report) []Figure {
	var out []Figure
	for _, res := range r.Results {
		base := Figure{Part: "result", Indicator: res.Indicator.Name}
		out = append(out, rateFigures(base, res.Whole, res.Count)...)
		for _, lr := range res.Levels {
			f := base
			f.Level = lr.Level.Name
			out = append(out, rateFigures(f, lr.Rate, lr.Count)...)
		}
		for _, ur := range res.Units {
			f := base
			f.Unit = ur.Unit.Name
			if ur.Unit.Level != nil {
				f.Level = ur.Unit.Level.Name
			}
			c := ur.Count
			out = append(out, rateFigures(f, ur.Rate, &c)...)
		}
	}
	if x := r.Index; x != nil {
		base := Figure{Part: "index"}
		if x.Score != nil {
			out = append(out, with(base, "score", vietnamese.Score(*x.Score)))
		}
		if x.Rank > 0 {
			out = append(out, with(base, "rank", strconv.Itoa(x.Rank)))
		}
		if x.RankOf > 0 {
			out = append(out, with(base, "rank-of", strconv.Itoa(x.RankOf)))
		}
		if x.NationalAverage != nil {
			out = append(out, with(base, "national-average", vietnamese.Score(*x.NationalAverage)))
		}
		for _, g := range x.Groups {
			f := base
			f.Group = g.Name
			out = append(out, with(f, "group", vietnamese.Score(g.Score)))
		}
	}
	if d := r.Dossiers; d != nil {
		out = append(out, dossierFigures(Figure{Part: "dossiers"}, &d.DossierCounts)...)
		for _, lv := range d.Levels {
			f := Figure{Part: "dossiers"}
			if lv.Level != nil {
				f.Level = lv.Level.Name
			}
			out = append(out, dossierFigures(f, lv)...)
		}
	}
	for _, us := range r.UnitScores {
		f := Figure{Part: "unit-score", Unit: us.Unit.Name}
		if us.Unit.Level != nil {
			f.Level = us.Unit.Level.Name
		}
		out = append(out, with(f, "score", vietnamese.Score(us.Score)))
		if us.RankGiven {
			out = append(out, with(f, "rank", strconv.Itoa(us.Rank)))
		}
		if us.ClassGiven {
			out = append(out, with(f, "class", us.Class))
		}
	}
	return out
}

func with(f Figure, field, value string) Figure {
	f.Field, f.Value = field, value
	return f
}

func rateFigures(f Figure, rate float64, c *model.Count) []Figure {
	out := []Figure{with(f, "rate", vietnamese.RatePrinted(rate)+"%")}
	if c != nil {
		out = append(out, with(f, "numerator", vietnamese.Int(c.Num)), with(f, "denominator", vietnamese.Int(c.Den)))
	}
	return out
}

func dossierFigures(f Figure, d *model.DossierCounts) []Figure {
	var out []Figure
	for _, n := range []struct {
		key string
		v   *int64
	}{
		{"received", d.Received}, {"online", d.Online}, {"direct", d.Direct},
		{"carried-over", d.CarriedOver}, {"resolved", d.Resolved}, {"on-time", d.OnTime},
		{"late", d.Late}, {"pending", d.Pending}, {"payments", d.Payments},
		{"payment-amount", d.PaymentAmount}, {"procedures", d.Procedures},
	} {
		if n.v != nil {
			out = append(out, with(f, n.key, vietnamese.Int(*n.v)))
		}
	}
	return out
}
