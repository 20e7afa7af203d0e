package write

import (
	"html/template"
	"time"

	"chiso/internal/model"
)

// PlanData is what the wording of a target plan sees (templates/wording/targets.html).
type PlanData struct {
	Site   *model.Site
	Entity *model.Entity // the entity in force when the year begins
	Plan   *model.TargetPlan
	Groups []PlanGroup
}

// PlanGroup is one group of a plan, with the site and plan its sentences name.
type PlanGroup struct {
	Site   *model.Site
	Entity *model.Entity
	Plan   *model.TargetPlan
	Group  *model.TargetGroup
}

// Plan writes a year's target plan: its title (plain text) and its body.
func (w *Writer) Plan(p *model.TargetPlan) (string, template.HTML, error) {
	d := &PlanData{Site: w.site, Plan: p, Entity: w.site.Current()}
	// A year's targets are assigned as it begins, by the entity in force then.
	if e := w.site.OwnOn(time.Date(p.Year, 1, 1, 0, 0, 0, 0, time.UTC)); e != nil {
		d.Entity = e
	}
	for _, g := range p.Groups {
		d.Groups = append(d.Groups, PlanGroup{Site: w.site, Entity: d.Entity, Plan: p, Group: g})
	}
	title, err := w.exec("plan-title", d)
	if err != nil {
		return "", "", err
	}
	body, err := w.exec("plan-body", d)
	return PlainText(title), body, err
}

// HTML executes a named wording template and returns its HTML, e.g. an article's section
// shown again on a page of its own.
func (w *Writer) HTML(name string, data any) (template.HTML, error) { return w.exec(name, data) }
