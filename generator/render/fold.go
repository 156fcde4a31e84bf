package render

import (
	"bytes"
	"html/template"
	"sync"
	"text/template/parse"

	"github.com/cpts-fr/cpts/generator/output"
)

// Folding constant actions.
//
// Most of a page's template time is spent in actions, about a microsecond
// each (text/template calls every function and every escaper of
// html/template by reflection), and many actions print the same thing on
// every page: {{t "skip_to_content"}}, {{asset "css/site.css"}}, {{csp}}.
// Once html/template has escaped a layout (at its first page), foldConstants
// replaces each such action by the text it prints, as a compiler folds
// constants, so that the pages after it print that text without calling
// anything.

// pureFuncs are the template functions whose result depends on their
// arguments and the site only, never on the page: a call of one of them
// with constant arguments prints the same text on every page. (t also
// records a missing UI string, which folding does once instead of at every
// page.)
var pureFuncs = map[string]bool{
	"t": true, "tn": true, "label": true, "url": true, "abs": true, "asset": true, "csp": true,
	"num": true, "km": true, "pct": true, "upper": true, "lower": true, "add": true,
	"siteLogo": true, "siteColors": true, "sitePath": true,
}

// foldEscapers are the escapers html/template adds that a folded action
// may go through; folding also requires the pipeline to end with one of
// htmlEscapers, so that the action, executed on its own in HTML text,
// gets no escaper added (html/template sees them as equivalent).
var (
	foldEscapers = map[string]bool{
		"_html_template_urlfilter": true, "_html_template_urlnormalizer": true, "_html_template_urlescaper": true,
	}
	htmlEscapers = map[string]bool{
		"_html_template_htmlescaper": true, "_html_template_attrescaper": true, "_html_template_rcdataescaper": true,
	}
)

// foldConstants folds the constant actions of the templates that
// html/template escaped when it executed root in set: root and the
// templates it calls, in the contexts they were called in. funcs are the
// template functions. It returns how many actions it folded. memo keeps
// what each action (escapers included) folds to, or false: the layouts of
// a theme share their partials and most of their constant actions, each
// executed once.
func foldConstants(set *template.Template, root string, funcs template.FuncMap, memo *sync.Map) int {
	folded := 0
	walkTemplates(set, root, func(l *parse.ListNode, i int) {
		if n, ok := l.Nodes[i].(*parse.ActionNode); ok {
			key := n.String()
			v, known := memo.Load(key)
			if !known {
				text, ok := constant(n, funcs)
				v = foldedAction{text, ok}
				memo.Store(key, v)
			}
			if f := v.(foldedAction); f.ok {
				l.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(f.text)}
				folded++
			}
		}
	})
	return folded
}

// foldedAction is what an action folds to: text, if ok.
type foldedAction struct {
	text string
	ok   bool
}

// squeezeText squeezes the text of root and the templates it calls
// (output.SqueezeHTML), unless one of them holds a pre or textarea
// element, whose white space, split between texts and actions, cannot be
// told from the rest. It reports whether it squeezed.
func squeezeText(set *template.Template, root string) bool {
	raw := false
	walkTemplates(set, root, func(l *parse.ListNode, i int) {
		if n, ok := l.Nodes[i].(*parse.TextNode); ok {
			lower := bytes.ToLower(n.Text)
			raw = raw || bytes.Contains(lower, []byte("<pre")) || bytes.Contains(lower, []byte("<textarea"))
		}
	})
	if raw {
		return false
	}
	walkTemplates(set, root, func(l *parse.ListNode, i int) {
		if n, ok := l.Nodes[i].(*parse.TextNode); ok {
			n.Text = output.SqueezeHTML(nil, n.Text)
		}
	})
	return true
}

// walkTemplates calls visit for every node of every list of root and of
// the templates it calls, each template once; visit may replace the node.
func walkTemplates(set *template.Template, root string, visit func(l *parse.ListNode, i int)) {
	seen := map[string]bool{}
	var tmpl func(name string)
	var list func(l *parse.ListNode)
	tmpl = func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		if t := set.Lookup(name); t != nil && t.Tree != nil {
			list(t.Tree.Root)
		}
	}
	list = func(l *parse.ListNode) {
		if l == nil {
			return
		}
		for i := range l.Nodes {
			visit(l, i)
			switch n := l.Nodes[i].(type) {
			case *parse.IfNode:
				list(n.List)
				list(n.ElseList)
			case *parse.RangeNode:
				list(n.List)
				list(n.ElseList)
			case *parse.WithNode:
				list(n.List)
				list(n.ElseList)
			case *parse.TemplateNode:
				tmpl(n.Name)
			}
		}
	}
	tmpl(root)
}

// pureCall reports whether a command is a pure function of constant
// arguments: literals, or pure calls of literals ({{url (sitePath "glossary")}}).
func pureCall(c *parse.CommandNode) bool {
	fn, ok := c.Args[0].(*parse.IdentifierNode)
	if !ok || !pureFuncs[fn.Ident] {
		return false
	}
	for _, a := range c.Args[1:] {
		switch a := a.(type) {
		case *parse.StringNode, *parse.NumberNode, *parse.BoolNode:
		case *parse.PipeNode:
			if len(a.Decl) > 0 || len(a.Cmds) != 1 || !pureCall(a.Cmds[0]) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// constant returns the text an escaped action prints if it is the same on
// every page: a pure function of constant arguments, then escapers.
func constant(n *parse.ActionNode, funcs template.FuncMap) (string, bool) {
	p := n.Pipe
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) < 2 {
		return "", false
	}
	if !pureCall(p.Cmds[0]) {
		return "", false
	}
	for i, c := range p.Cmds[1:] {
		id, ok := c.Args[0].(*parse.IdentifierNode)
		last := i == len(p.Cmds)-2
		if !ok || len(c.Args) != 1 || !(htmlEscapers[id.Ident] || !last && foldEscapers[id.Ident]) {
			return "", false
		}
	}
	// The action alone, in a template of its own: executed in HTML text,
	// html/template adds nothing to a pipeline that ends with an HTML
	// escaper, so it prints what it prints in its place.
	one, err := template.New("fold").Funcs(funcs).AddParseTree("fold", &parse.Tree{
		Name: "fold", Root: &parse.ListNode{NodeType: parse.NodeList, Nodes: []parse.Node{n.Copy()}},
	})
	if err != nil {
		return "", false
	}
	var b bytes.Buffer
	if err := one.Execute(&b, nil); err != nil {
		return "", false // an error (a missing asset) is left for the page to report
	}
	return b.String(), true
}
