package validate

import (
	"strings"

	"chiso/internal/diag"
	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// dossiers warns where a period's dossier figures do not add up — at the whole and at each
// level, and between the levels and the whole. Published texts often do not close; the
// figures are printed as written, so these are warnings for the editor to check against
// the source, never corrections.
func dossiers(l *diag.List, r *model.Report) {
	d := r.Dossiers
	if d == nil {
		return
	}
	identities(l, &d.DossierCounts)
	for _, lv := range d.Levels {
		identities(l, lv)
		if !lv.Level.InForce(r.Period.End()) {
			l.Errorf(lv.Pos, diag.LevelNotInForce, lv.Level.Name, r.Period.Key())
		}
	}
	if len(d.Levels) == 0 {
		return
	}
	for _, key := range model.DossierKeys {
		whole := d.Figure(key)
		if whole == nil {
			continue
		}
		var sum int64
		complete := true
		for _, lv := range d.Levels {
			n := lv.Figure(key)
			if n == nil {
				complete = false
				break
			}
			sum += *n
		}
		if complete && sum != *whole {
			l.Warnf(d.At[key], diag.DossierLevelSum, diag.DossierFigures[key], vietnamese.Int(*whole), vietnamese.Int(sum))
		}
	}
}

func identities(l *diag.List, c *model.DossierCounts) {
	for _, id := range c.Identities() {
		left := strings.Split(id.Left, " + ")
		names := make([]string, len(left))
		for i, k := range left {
			names[i] = "“" + diag.DossierFigures[k] + "”"
		}
		parts := make([]string, len(id.Right))
		for i, k := range id.Right {
			parts[i] = "“" + diag.DossierFigures[k] + "”"
		}
		l.Warnf(c.At[left[0]], diag.DossierIdentity, strings.Join(names, " + "), vietnamese.Int(id.Want),
			strings.Join(parts, " + "), vietnamese.Int(id.Got))
	}
}
