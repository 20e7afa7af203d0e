package render

import tparse "text/template/parse"

// walk calls visit on n and on every statement under it, parents first: the actions,
// {{if}}/{{range}}/{{with}} with both their branches, and {{template}} calls. It does
// not go into a pipeline's arguments; a visitor that cares about those (fold) reads the
// node's Pipe itself. One walker, so that a node type a later Go release adds to the
// tree is taught once, not once per reader of a layout.
func walk(n tparse.Node, visit func(tparse.Node)) {
	switch n := n.(type) {
	case *tparse.ListNode:
		// A branch without {{else}} has a nil *ListNode, which is not a nil Node.
		if n == nil {
			return
		}
		visit(n)
		for _, c := range n.Nodes {
			walk(c, visit)
		}
	case *tparse.IfNode:
		walkBranch(n, &n.BranchNode, visit)
	case *tparse.RangeNode:
		walkBranch(n, &n.BranchNode, visit)
	case *tparse.WithNode:
		walkBranch(n, &n.BranchNode, visit)
	case nil:
	default:
		visit(n)
	}
}

func walkBranch(n tparse.Node, b *tparse.BranchNode, visit func(tparse.Node)) {
	visit(n)
	walk(b.List, visit)
	walk(b.ElseList, visit)
}
