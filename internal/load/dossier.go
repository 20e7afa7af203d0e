package load

import (
	"sort"

	"chiso/internal/diag"
	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// dossiers reads a period's [dossiers] table and its [[dossiers.level]] rows:
//
//	[dossiers]
//	received = 61204        # hồ sơ tiếp nhận trong kỳ (trực tuyến + trực tiếp)
//	online = 14733
//	carried_over = 1250     # kỳ trước chuyển sang, không tính trong received
//	resolved = 58911
//	on_time = 57020
//	late = 1891
//	pending = 2293
//	payments = 8412         # giao dịch thanh toán trực tuyến
//	payment_amount = 2634500000   # đồng
//	procedures = 1912       # thủ tục hành chính được công bố
//
//	  [[dossiers.level]]
//	  level = "tinh"
//	  received = 12034
//
// Sums that do not close are warned about by package validate, never adjusted.
func (l *loader) dossiers(t *table) *model.Dossiers {
	d := &model.Dossiers{}
	l.dossierCounts(t, &d.DossierCounts)
	seen := map[string]diag.Pos{}
	for _, row := range t.Rows("level") {
		c := &model.DossierCounts{}
		key := row.String("level", true)
		l.dossierCounts(row, c)
		row.Done()
		if key == "" {
			continue
		}
		if c.Level = l.lvls[key]; c.Level == nil {
			l.probs.Errorf(row.PosOf("level"), diag.UnknownLevel, key, l.levelKeys())
			continue
		}
		if first, dup := seen[key]; dup {
			l.probs.Errorf(row.PosOf("level"), diag.DuplicateLevelRow, c.Level.Name, first.Line)
			continue
		}
		seen[key] = row.Pos()
		d.Levels = append(d.Levels, c)
	}
	sortDossierLevels(d.Levels)
	t.Done()
	return d
}

// dossierCounts reads the figures of one table.
func (l *loader) dossierCounts(t *table, c *model.DossierCounts) {
	c.Pos, c.At = t.Pos(), map[string]diag.Pos{}
	for _, key := range model.DossierKeys {
		n, ok := t.Int(key, false)
		if !ok {
			continue
		}
		c.At[key] = t.PosOf(key)
		if n < 0 {
			l.probs.Errorf(t.PosOf(key), diag.CountNegative, vietnamese.Int(n))
			continue
		}
		c.Set(key, n)
	}
}

func sortDossierLevels(ls []*model.DossierCounts) {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Level.Order < ls[j].Level.Order })
}
