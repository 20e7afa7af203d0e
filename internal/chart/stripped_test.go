package chart

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
)

// Render left the defaults out by decoding the option with them and removing every value
// equal to its default (stripDefaults), then encoding it again; it now does not set them on
// go-echarts' options. stripped is the old way, kept as the oracle: the pages' chart JSON
// stays byte for byte what it was.

func stripMedia(media any) error {
	for i, l := range mediaLegends(media) {
		if err := strip(l, defaults.Narrow, fmt.Sprintf("media legend %d", i)); err != nil {
			return err
		}
	}
	return nil
}

// stripDefaults removes from base (a decoded baseOption) every value equal to its default.
// It fails when base lacks a key that has a default: charts.js would add it, and the chart
// would not be the one Go described.
func stripDefaults(base map[string]any, roles []int) error {
	return walkDefaults(base, roles, func(o, d map[string]any, where string) error {
		return strip(o, d, where)
	})
}

func strip(o, d map[string]any, where string) error {
	for k, dv := range d {
		v, ok := o[k]
		if !ok {
			return fmt.Errorf("%s has no %q, which has a default", where, k)
		}
		if reflect.DeepEqual(v, dv) {
			delete(o, k)
			continue
		}
		om, ok1 := v.(map[string]any)
		dm, ok2 := dv.(map[string]any)
		if ok1 && ok2 {
			if err := strip(om, dm, where+"."+k); err != nil {
				return err
			}
		}
	}
	return nil
}

// stripped is the envelope full (Render's with the defaults) as Render wrote it before: the
// defaults and the description removed from the decoded option, and encoded again.
func stripped(full []byte) ([]byte, error) {
	var env struct {
		envelope
		Option map[string]any `json:"option"`
	}
	if err := decode(full, &env); err != nil {
		return nil, err
	}
	base, _ := env.Option["baseOption"].(map[string]any)
	if err := stripDefaults(base, env.Roles); err != nil {
		return nil, err
	}
	if err := stripMedia(env.Option["media"]); err != nil {
		return nil, err
	}
	if aria, ok := base["aria"].(map[string]any); ok {
		if label, ok := aria["label"].(map[string]any); ok {
			delete(label, "description")
		}
	}
	return json.Marshal(env)
}

func sameAsStripped(t *testing.T, name string, c Chart) {
	t.Helper()
	full, err := render(c, true)
	if err != nil {
		t.Fatal(err)
	}
	want, err := stripped(full.JSON)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	got, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.JSON) != string(want) {
		t.Errorf("%s: Render wrote\n%s\nthe defaults stripped give\n%s", name, got.JSON, want)
	}
}

func TestSameAsStripped(t *testing.T) {
	for name, c := range defaultsCharts() {
		sameAsStripped(t, name, c)
	}
	r := rand.New(rand.NewPCG(9, 9))
	for i := range 300 {
		sameAsStripped(t, fmt.Sprint("random ", i), randomChart(r))
	}
}

// randomChart is a valid chart of any shape, with gaps, odd numbers and hostile text.
func randomChart(r *rand.Rand) Chart {
	texts := []string{"Cả tỉnh", "</script><b>&", "__f__x", "\u2028\"q\"", "a\u2029b", "Mục tiêu", "x y", "%"}
	text := func(i int) string { return texts[r.IntN(len(texts))] + strconv.Itoa(i) }
	c := Chart{ID: "c" + strconv.Itoa(r.IntN(100)), Title: text(0), Description: text(1), Format: viRate,
		CategoryName: text(2)}
	if r.IntN(2) == 0 {
		c.Kind = Line
	}
	c.Horizontal = c.Kind == Bar && r.IntN(2) == 0
	for j := range 1 + r.IntN(30) {
		c.Categories = append(c.Categories, text(j))
	}
	for i := range 1 + r.IntN(9) {
		s := Series{Name: text(i), Target: r.IntN(4) == 0}
		for range c.Categories {
			var v *float64
			switch r.IntN(6) {
			case 0: // a gap
			case 1:
				v = f(float64(r.IntN(200) - 100))
			case 2:
				v = f(r.Float64() * 1e-7)
			default:
				v = f(r.NormFloat64() * 1e3)
			}
			s.Values = append(s.Values, v)
		}
		c.Series = append(c.Series, s)
	}
	c.Unit = []string{"", "%", " điểm", " <b>"}[r.IntN(4)]
	if r.IntN(3) == 0 {
		c.YMin, c.YMax = f(-10), f(float64(r.IntN(100)+1))
	}
	c.Inverse = r.IntN(3) == 0
	if !c.Horizontal && r.IntN(3) == 0 {
		c.Tick = float64(r.IntN(10) + 1)
	}
	c.WholeNumbers = r.IntN(3) == 0
	if c.Kind == Line && len(c.Categories) > 2 && r.IntN(2) == 0 {
		c.Breaks = []Break{{Category: c.Categories[1+r.IntN(len(c.Categories)-1)], Label: text(9)}}
	}
	if c.Kind == Bar && r.IntN(2) == 0 {
		c.Highlight, c.HighlightNote = c.Categories[r.IntN(len(c.Categories))], " (trang này)"
	}
	return c
}

// sortKeys orders every object's keys as encoding/json orders a map's, whatever the strings
// and numbers hold.
func TestSortKeys(t *testing.T) {
	v := map[string]any{
		"z": []any{map[string]any{"b": `"}{\\`, "a": -1.5e-7}, map[string]any{}, []any{}},
		"a": map[string]any{"y": "\u2028</script>", "x": nil, "w": true, "v": map[string]any{"d": 1, "c": 2}},
		"m": "a\\\"b",
	}
	want, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	// The same object with its keys in another order, as a struct writes them.
	in := `{"z":[{"b":"\"}{\\\\","a":-1.5e-7},{},[]],"m":"a\\\"b","a":{"y":"\u2028\u003c/script\u003e","x":null,"w":true,"v":{"d":1,"c":2}}}`
	if got := sortKeys([]byte("x"), []byte(in)); string(got) != "x"+string(want) {
		t.Errorf("got\n%s\nwant\n%s", got[1:], want)
	}
}
