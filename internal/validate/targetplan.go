package validate

import (
	"chiso/internal/diag"
	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// plans checks the assigned targets: rates within 0–100.
func plans(l *diag.List, s *model.Site) {
	for _, p := range s.Plans {
		for _, g := range p.Groups {
			for _, t := range g.Targets {
				if t.Value < 0 || t.Value > 100 {
					l.Errorf(t.ValuePos, diag.RateRange, vietnamese.Rate(t.Value))
				}
			}
		}
	}
}
