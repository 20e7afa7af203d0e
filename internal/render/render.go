// Package render lays pages out with the site's html/template files in templates/.
//
// base.html holds the layout and shared partials; each page kind (home.html,
// article.html, …) defines "content"; wording/*.html hold the articles' wording, one file
// per report kind. A page kind is the base set cloned with its own file, so every kind can
// define "content".
package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	tparse "text/template/parse"
	"time"
	"unicode/utf8"

	"chiso/internal/diag"

	"chiso/internal/model"
	"chiso/internal/write"
)

// Templates are the parsed page kinds.
type Templates struct {
	// Text holds the shared templates (base, partials, wording) for the writer.
	Text  *template.Template
	kinds map[string]*template.Template
}

// shared are parsed into every page kind; the other *.html files are page kinds.
var shared = []string{"base.html", "trust.html", "opendata.html"}

// Parse reads templates/*.html from fsys.
func Parse(fsys fs.FS, funcs template.FuncMap) (*Templates, error) {
	return parse(fsys, funcs, false)
}

func parse(fsys fs.FS, funcs template.FuncMap, english bool) (*Templates, error) {
	base := template.New("").Funcs(funcs).Option("missingkey=error")
	for _, name := range shared {
		if err := parseFile(base, fsys, "templates/"+name); err != nil {
			return nil, err
		}
	}
	// Every template of the shared files is in every kind; of the wording, only what is called.
	var roots []string
	for _, x := range base.Templates() {
		roots = append(roots, x.Name())
	}
	wording, err := fs.Glob(fsys, "templates/wording/*.html")
	if err != nil {
		return nil, err
	}
	sort.Strings(wording)
	if english { // the English wording redefines the Vietnamese one, template by template
		en, err := fs.Glob(fsys, "templates/wording/en/*.html")
		if err != nil {
			return nil, err
		}
		sort.Strings(en)
		wording = append(wording, en...)
	}
	for _, name := range wording {
		if err := parseFile(base, fsys, name); err != nil {
			return nil, err
		}
	}
	fold(base, funcs)
	names, err := fs.Glob(fsys, "templates/*.html")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	t := &Templates{Text: base, kinds: map[string]*template.Template{}}
	for _, name := range names {
		kind := strings.TrimSuffix(path.Base(name), ".html")
		if kind == "base" || kind == "trust" {
			continue
		}
		k, err := kindSet(base, roots, fsys, name, funcs)
		if err != nil {
			return nil, err
		}
		t.kinds[kind] = k
	}
	return t, nil
}

// kindSet is the page kind of file name: the templates of the shared files and the
// wording they or the kind's file call, copied from base, then the file parsed over them
// as a clone of base would be. A clone of all of base for every kind (both editions)
// held some 25 MB of parse trees, mostly wording that only the writer runs.
func kindSet(base *template.Template, roots []string, fsys fs.FS, name string, funcs template.FuncMap) (*template.Template, error) {
	// The file parsed alone, to read whose templates it calls; the set it ends in is
	// parsed again the ordinary way, so a define over a shared template wins as it did.
	own := template.New("").Funcs(funcs).Option("missingkey=error")
	if err := parseFile(own, fsys, name); err != nil {
		return nil, err
	}
	trees := func(t *template.Template) map[string]*tparse.Tree {
		m := map[string]*tparse.Tree{}
		for _, x := range t.Templates() {
			if x.Tree != nil {
				m[x.Name()] = x.Tree
			}
		}
		return m
	}
	shared, mine := trees(base), trees(own)
	need := map[string]bool{}
	var visit func(string)
	visit = func(n string) {
		if need[n] {
			return
		}
		need[n] = true
		for _, tr := range []*tparse.Tree{shared[n], mine[n]} {
			if tr != nil {
				calls(tr.Root, visit)
			}
		}
	}
	for _, n := range roots {
		visit(n)
	}
	for n := range mine {
		visit(n)
	}
	k := template.New("").Funcs(funcs).Option("missingkey=error")
	for _, n := range sortedKeys(need) {
		if tr := shared[n]; tr != nil {
			if _, err := k.AddParseTree(n, tr.Copy()); err != nil {
				return nil, err
			}
		}
	}
	if err := parseFile(k, fsys, name); err != nil {
		return nil, err
	}
	fold(k, funcs)
	return k, nil
}

func sortedKeys(m map[string]bool) []string {
	keys := slices.Collect(maps.Keys(m))
	sort.Strings(keys)
	return keys
}

// calls reports the name of each template that n runs ({{template "x"}}, {{block "x"}}).
func calls(n tparse.Node, f func(string)) {
	walk(n, func(n tparse.Node) {
		if t, ok := n.(*tparse.TemplateNode); ok {
			f(t.Name)
		}
	})
}

func parseFile(t *template.Template, fsys fs.FS, name string) error {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return unreadable(name, err)
	}
	if !utf8.Valid(src) {
		return diag.List{{Pos: diag.InvalidUTF8(name, src), Code: diag.NotUTF8}}
	}
	_, err = t.New(name).Parse(string(src))
	return err
}

// Page is what every page template sees.
type Page struct {
	Site             *model.Site
	Kind             string // template: home, article, indicator, indicators, archive, page, 404
	Path             string // under the site root, "" for the home page, "bai-viet/2024-04/"
	Title            string
	Description      string
	Illustrative     bool
	IllustrativeText string
	HasCharts        bool
	Nav              []NavItem
	Featured         []*write.Article
	Body             any
	// ECharts is the path of the chart library, named after its content so that it can be
	// cached for good and a new version gets a new address.
	ECharts string
	// Layout is the template executed: "base" when empty (embeds and redirects have their own).
	Layout string
	// Share is the head's metadata for link previews, feeds and search engines (share.go).
	Share *Share
	// Lang is the page's language, "vi" or "en" (the English edition, under en/).
	Lang string
	// Alternates are the page in each edition, for <link rel="alternate" hreflang>
	// (x-default is the Vietnamese page); empty when the page has one edition only.
	Alternates []Alternate
	// Switch is the language switch: the page in the other edition, or that edition's home.
	Switch *Alternate
	// Updated is when the page's figures last changed (the newest report they come from);
	// zero on pages without figures.
	Updated time.Time
}

// Alternate is a page in one language: hreflang, its path, the switch's label.
type Alternate struct {
	Lang, Path, Label string
}

// NavItem is a link of the main navigation.
type NavItem struct {
	Label, Path string
	Current     bool
}

// Render executes the page's kind.
func (t *Templates) Render(p *Page) ([]byte, error) {
	buf := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(buf)
	if err := t.RenderTo(buf, p); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}

// RenderTo executes the page's kind into buf, emptied first: a caller that writes the
// page out at once reuses buf and copies nothing.
func (t *Templates) RenderTo(buf *bytes.Buffer, p *Page) error {
	if p.Lang == "" {
		p.Lang = p.Site.Config.Language
	}
	k := t.kinds[p.Kind]
	if k == nil {
		return missingFile("templates/" + p.Kind + ".html")
	}
	buf.Reset()
	layout := "base"
	if p.Layout != "" {
		layout = p.Layout
	}
	return k.ExecuteTemplate(buf, layout, p)
}

// buffers hold pages while their template runs: a page is copied out at its size, and the
// buffer, grown once to the largest page, serves the next one.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
