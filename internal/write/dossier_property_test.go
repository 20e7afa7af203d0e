package write_test

import (
	"regexp"
	"strings"
	"testing"

	"chiso/internal/load"
	"chiso/internal/model"
	"chiso/internal/render"
	"chiso/internal/vietnamese"
	"chiso/internal/write"
)

// Every combination of the dossier figures, for the whole and for a level, writes a
// sentence that states each figure given, once, and no empty clause.
func TestDossierEveryCombination(t *testing.T) {
	fsys := extraSite(t, "-- data/periods/2024-06.toml --\nperiod = \"2024-06\"\n\n[dossiers]\nreceived = 1\n")
	site, probs := load.Site(fsys)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	tmpl, err := render.Parse(fsys, write.Funcs(&site.Config))
	if err != nil {
		t.Fatal(err)
	}
	w := write.New(site, tmpl.Text)
	r := site.Reports[0]
	values := map[string]int64{"received": 61204, "online": 14733, "direct": 46471, "carried_over": 1250,
		"resolved": 58911, "on_time": 57020, "late": 1891, "pending": 3543, "payments": 8412,
		"payment_amount": 2634500000, "procedures": 1912}
	printed := func(key string) string {
		if key == "payment_amount" {
			return write.Money(values[key])
		}
		return vietnamese.Int(values[key])
	}
	broken := regexp.MustCompile(`, ;|; ;|;\.|,\.| \.|: \.|\s{2}|; $|<no value>`)
	keys := model.DossierKeys
	for mask := 1; mask < 1<<len(keys); mask++ {
		c := model.DossierCounts{}
		for i, k := range keys {
			if mask&(1<<i) != 0 {
				c.Set(k, values[k])
			}
		}
		level := c
		level.Level = site.Levels[0]
		r.Dossiers = &model.Dossiers{DossierCounts: c, Levels: []*model.DossierCounts{&level}}
		d, err := w.Data(r)
		if err != nil {
			t.Fatal(err)
		}
		text, err := w.Text("dossier-section", d)
		if err != nil {
			t.Fatalf("mask %011b: %v", mask, err)
		}
		lines := strings.Split(text, "\n")
		if len(lines) != 3 || lines[1] != "Cụ thể theo cấp:" {
			t.Fatalf("mask %011b: %q", mask, text)
		}
		for _, line := range []string{lines[0], lines[2]} {
			for i, k := range keys {
				n := strings.Count(line, printed(k))
				if given := mask&(1<<i) != 0; given && n != 1 || !given && n != 0 {
					t.Errorf("mask %011b: %s (%s) printed %d times in %q", mask, k, printed(k), n, line)
				}
			}
			if broken.MatchString(line) || !strings.HasSuffix(line, ".") {
				t.Errorf("mask %011b: malformed %q", mask, line)
			}
		}
	}
}
