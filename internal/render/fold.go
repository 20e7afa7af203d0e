package render

import (
	"html/template"
	"strconv"
	tparse "text/template/parse"
)

// foldT replaces each {{t "text"}} of t's trees by the string t returns for it, once at
// parse time: t is a pure lookup (the English table, or the Vietnamese text itself), and
// a page ran it, through a reflected call, for every label of every table row. The
// escaper html/template adds later gets the same string, so the page is the same. A text
// t refuses (no English for it) is left as it is, to fail where it runs, as before.
func foldT(set *template.Template, funcs template.FuncMap) {
	var t func(string) (string, bool)
	switch f := funcs["t"].(type) {
	case func(string) string:
		t = func(s string) (string, bool) { return f(s), true }
	case func(string) (string, error):
		t = func(s string) (string, bool) {
			v, err := f(s)
			return v, err == nil
		}
	default:
		return
	}
	for _, x := range set.Templates() {
		if x.Tree != nil {
			foldNode(x.Tree.Root, t)
		}
	}
}

func foldNode(n tparse.Node, t func(string) (string, bool)) {
	switch n := n.(type) {
	case *tparse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			foldNode(c, t)
		}
	case *tparse.ActionNode:
		foldPipe(n.Pipe, t)
	case *tparse.IfNode:
		foldBranch(&n.BranchNode, t)
	case *tparse.RangeNode:
		foldBranch(&n.BranchNode, t)
	case *tparse.WithNode:
		foldBranch(&n.BranchNode, t)
	case *tparse.TemplateNode:
		foldPipe(n.Pipe, t)
	}
}

func foldBranch(b *tparse.BranchNode, t func(string) (string, bool)) {
	foldPipe(b.Pipe, t)
	foldNode(b.List, t)
	foldNode(b.ElseList, t)
}

func foldPipe(p *tparse.PipeNode, t func(string) (string, bool)) {
	if p == nil {
		return
	}
	for i, c := range p.Cmds {
		for _, a := range c.Args {
			if sub, ok := a.(*tparse.PipeNode); ok {
				foldPipe(sub, t)
			}
		}
		// Only the first command: a later one also gets the value piped in as its last argument.
		if i > 0 || len(c.Args) != 2 {
			continue
		}
		id, ok := c.Args[0].(*tparse.IdentifierNode)
		s, ok2 := c.Args[1].(*tparse.StringNode)
		if !ok || !ok2 || id.Ident != "t" {
			continue
		}
		if v, ok := t(s.Text); ok {
			s.Quoted, s.Text = strconv.Quote(v), v
			c.Args = c.Args[1:]
		}
	}
}
