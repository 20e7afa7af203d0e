package render

import (
	"bytes"
	"errors"
	"html/template"
	"strings"
	"testing"
)

// TestFold: a folded layout prints what the unfolded one printed, in every context the
// escaper knows; a call fold cannot make (t of a missing text, a later command of a
// pipeline, an argument that is not a literal) runs as before.
func TestFold(t *testing.T) {
	ui := map[string]string{"Hạng": `Rank <"&'+>`, "a": "A"}
	funcs := template.FuncMap{
		"t": func(s string) (string, error) {
			if e, ok := ui[s]; ok {
				return e, nil
			}
			return "", errors.New("no English for " + s)
		},
		"url":       func(p string) string { return "/base/" + strings.TrimPrefix(p, "/") },
		"siteTitle": func() string { return `Chỉ số "A&B"` },
		"upper":     strings.ToUpper,
	}
	src := `<p title="{{t "Hạng"}}">{{t "Hạng"}} {{siteTitle}}</p><a href="{{url "x y/"}}">{{t "a" | upper}}</a>` +
		`<script>var s = {{t "Hạng"}};</script><p>{{"a" | t}} {{upper (t "a")}} {{t .}}</p>`
	run := func(folding bool) (string, error) {
		tm := template.Must(template.New("").Funcs(funcs).Parse(src))
		if folding {
			fold(tm, funcs)
			if tree := tm.Tree.Root.String(); strings.Contains(tree, `t "Hạng"`) || strings.Contains(tree, "siteTitle") || !strings.Contains(tree, `"a" | t`) {
				t.Errorf("folded tree: %s", tree)
			}
		}
		var b bytes.Buffer
		err := tm.Execute(&b, "a")
		return b.String(), err
	}
	want, err := run(false)
	if err != nil {
		t.Fatal(err)
	}
	got, err := run(true)
	if err != nil || got != want {
		t.Fatalf("folded:\n%s (%v)\nwant\n%s", got, err, want)
	}
	bad := template.Must(template.New("").Funcs(funcs).Parse(`<p>{{t "missing"}}</p>`))
	fold(bad, funcs)
	if err := bad.Execute(&bytes.Buffer{}, nil); err == nil || !strings.Contains(err.Error(), "no English for missing") {
		t.Fatalf("a missing text: %v", err)
	}
}

// A folded function that panics when called at parse time (one made from a partial
// configuration, as the wording tests make) leaves its call in place: parsing goes on.
func TestFoldLeavesPanickingCalls(t *testing.T) {
	funcs := template.FuncMap{"link": func(p string) string { panic("no configuration") }}
	tm := template.Must(template.New("").Funcs(funcs).Parse(`<a href="{{link "x/"}}">x</a>`))
	fold(tm, funcs)
	if tree := tm.Tree.Root.String(); !strings.Contains(tree, `link "x/"`) {
		t.Fatalf("the call was folded: %s", tree)
	}
}

// TestCalls: the templates a layout runs are found in every branch a statement has,
// including one under {{else}} of a {{range}} inside a {{with}}, and a {{block}}.
func TestCalls(t *testing.T) {
	src := `{{template "a"}}{{if .}}{{template "b"}}{{else if .X}}{{template "c"}}{{else}}{{template "d"}}{{end}}` +
		`{{with .}}{{range .}}{{template "e" .}}{{else}}{{template "f"}}{{end}}{{end}}{{block "g" .}}x{{end}}`
	tm := template.Must(template.New("").Parse(src))
	var got []string
	calls(tm.Tree.Root, func(n string) { got = append(got, n) })
	if want := "a b c d e f g"; strings.Join(got, " ") != want {
		t.Errorf("calls = %q, want %q", got, want)
	}
}
