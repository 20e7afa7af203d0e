package render

import (
	"html/template"
	"strconv"
	tparse "text/template/parse"
)

// folded are the functions a layout calls with literal arguments whose result depends on
// nothing else than the edition's function map, made once from the site's configuration:
// the UI text (t), the addresses of fixed pages and assets, the site's title. Each call
// of {{t "Hạng"}} or {{url "assets/site.css"}} was a reflected call on every page, and t
// one in every table row (the verdict).
var folded = map[string]bool{"t": true, "url": true, "link": true, "absURL": true, "siteTitle": true}

// fold replaces each call of a folded function on string literals in set's trees by the
// string it returns, once at parse time. The escaper html/template adds later gets the
// same string, so the page is the same. A call that fails (t of a text without English)
// is left as it is, to fail where it runs, as before.
func fold(set *template.Template, funcs template.FuncMap) {
	call := func(name string, args []string) (v string, ok bool) {
		if !folded[name] {
			return "", false
		}
		// A function that panics here (one made for a partial configuration, as in a
		// test) is left to run, and fail, where it is called, as before folding.
		defer func() {
			if recover() != nil {
				v, ok = "", false
			}
		}()
		switch f := funcs[name].(type) {
		case func() string:
			if len(args) == 0 {
				return f(), true
			}
		case func(string) string:
			if len(args) == 1 {
				return f(args[0]), true
			}
		case func(string) (string, error):
			if len(args) == 1 {
				v, err := f(args[0])
				return v, err == nil
			}
		}
		return "", false
	}
	for _, x := range set.Templates() {
		if x.Tree != nil {
			foldNode(x.Tree.Root, call)
		}
	}
}

type caller func(name string, args []string) (string, bool)

// foldNode folds the pipelines of every statement under n: an action's, a
// {{template}} call's argument, and the condition of an {{if}}, {{range}} or {{with}}.
func foldNode(n tparse.Node, call caller) {
	walk(n, func(n tparse.Node) {
		switch n := n.(type) {
		case *tparse.ActionNode:
			foldPipe(n.Pipe, call)
		case *tparse.TemplateNode:
			foldPipe(n.Pipe, call)
		case *tparse.IfNode:
			foldPipe(n.Pipe, call)
		case *tparse.RangeNode:
			foldPipe(n.Pipe, call)
		case *tparse.WithNode:
			foldPipe(n.Pipe, call)
		}
	})
}

func foldPipe(p *tparse.PipeNode, call caller) {
	if p == nil {
		return
	}
	for i, c := range p.Cmds {
		for _, a := range c.Args {
			if sub, ok := a.(*tparse.PipeNode); ok {
				foldPipe(sub, call)
			}
		}
		// Only the first command: a later one also gets the value piped in as its last argument.
		if i > 0 {
			continue
		}
		id, ok := c.Args[0].(*tparse.IdentifierNode)
		if !ok {
			continue
		}
		var args []string
		for _, a := range c.Args[1:] {
			s, ok := a.(*tparse.StringNode)
			if !ok {
				args = nil
				break
			}
			args = append(args, s.Text)
		}
		if len(args) != len(c.Args)-1 {
			continue
		}
		if v, ok := call(id.Ident, args); ok {
			c.Args = []tparse.Node{&tparse.StringNode{NodeType: tparse.NodeString, Pos: id.Pos, Quoted: strconv.Quote(v), Text: v}}
		}
	}
}
