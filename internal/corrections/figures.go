package corrections

import (
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
	// The model's references and the raw number, for the English edition, which names
	// and prints the same figure its own way (names from the data, numbers 88.62).
	IndicatorKey string  // the indicator's key (result)
	LevelKey     string  // the level's key, "" for the whole entity
	UnitCode     string  // the unit's code (a unit's result or score)
	Num          float64 // the number Value prints (not for a class)
	Kind         string  // how Value prints Num: "rate" (88,6%), "count" (1.234), "score" (88,62); "text" (a class)
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
		base := Figure{Part: "result", Indicator: res.Indicator.Name, IndicatorKey: res.Indicator.Key}
		out = append(out, rateFigures(base, res.Whole, res.Count)...)
		for _, lr := range res.Levels {
			f := base
			f.Level, f.LevelKey = lr.Level.Name, lr.Level.Key
			out = append(out, rateFigures(f, lr.Rate, lr.Count)...)
		}
		for _, ur := range res.Units {
			f := base
			f.Unit, f.UnitCode = ur.Unit.Name, ur.Unit.Code
			if ur.Unit.Level != nil {
				f.Level, f.LevelKey = ur.Unit.Level.Name, ur.Unit.Level.Key
			}
			c := ur.Count
			out = append(out, rateFigures(f, ur.Rate(), &c)...)
		}
	}
	if x := r.Index; x != nil {
		base := Figure{Part: "index"}
		if x.Score != nil {
			out = append(out, score(base, "score", *x.Score))
		}
		if x.Rank > 0 {
			out = append(out, count(base, "rank", int64(x.Rank)))
		}
		if x.RankOf > 0 {
			out = append(out, count(base, "rank-of", int64(x.RankOf)))
		}
		if x.NationalAverage != nil {
			out = append(out, score(base, "national-average", *x.NationalAverage))
		}
		for _, g := range x.Groups {
			f := base
			f.Group = g.Name
			out = append(out, score(f, "group", g.Score))
		}
	}
	if d := r.Dossiers; d != nil {
		out = append(out, dossierFigures(Figure{Part: "dossiers"}, &d.DossierCounts)...)
		for _, lv := range d.Levels {
			f := Figure{Part: "dossiers"}
			if lv.Level != nil {
				f.Level, f.LevelKey = lv.Level.Name, lv.Level.Key
			}
			out = append(out, dossierFigures(f, lv)...)
		}
	}
	for _, us := range r.UnitScores {
		f := Figure{Part: "unit-score", Unit: us.Unit.Name, UnitCode: us.Unit.Code}
		if us.Unit.Level != nil {
			f.Level, f.LevelKey = us.Unit.Level.Name, us.Unit.Level.Key
		}
		out = append(out, score(f, "score", us.Score))
		if us.RankGiven {
			out = append(out, count(f, "rank", int64(us.Rank)))
		}
		if us.ClassGiven {
			f.Field, f.Value, f.Kind = "class", us.Class, "text"
			out = append(out, f)
		}
	}
	return out
}

// score, count and rate are f's number field, printed as the site prints it.
func score(f Figure, field string, v float64) Figure {
	f.Field, f.Value, f.Num, f.Kind = field, vietnamese.Score(v), v, "score"
	return f
}

func count(f Figure, field string, n int64) Figure {
	f.Field, f.Value, f.Num, f.Kind = field, vietnamese.Int(n), float64(n), "count"
	return f
}

func rate(f Figure, v float64) Figure {
	f.Field, f.Value, f.Num, f.Kind = "rate", vietnamese.RatePrinted(v)+"%", v, "rate"
	return f
}

func rateFigures(f Figure, v float64, c *model.Count) []Figure {
	out := []Figure{rate(f, v)}
	if c != nil {
		out = append(out, count(f, "numerator", c.Num), count(f, "denominator", c.Den))
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
			out = append(out, count(f, n.key, *n.v))
		}
	}
	return out
}
