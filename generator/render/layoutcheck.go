package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/cpts-fr/cpts/generator/diag"
)

// checkLayoutFields reports, at its line and column in layouts/<name>.html,
// each field a layout names on .Data (where dot is the page) or on a
// variable set to .Data, that the layout's data does not have: an error
// when the templates load, for every layout, instead of an empty string
// or an error at the first page that reaches it. Fields of fields are
// not followed.
func checkLayoutFields(name string, set *template.Template) diag.List {
	typ := kindOf(name).data
	if typ == nil {
		return nil
	}
	c := &fieldCheck{typ: typ, file: "layouts/" + name + ".html", vars: map[string]bool{}}
	for _, t := range set.Templates() {
		if t.Tree != nil && t.Tree.ParseName == name+".html" && t.Tree.Root != nil {
			c.tree = t.Tree
			c.walk(t.Tree.Root, true)
		}
	}
	return c.diags
}

// fieldCheck walks the tree of a layout (checkLayoutFields).
type fieldCheck struct {
	typ   reflect.Type
	file  string
	tree  *parse.Tree
	vars  map[string]bool // variables set to .Data
	diags diag.List
}

// walk checks n; page tells whether dot is the page there.
func (c *fieldCheck) walk(n parse.Node, page bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, x := range n.Nodes {
			c.walk(x, page)
		}
	case *parse.ActionNode:
		c.pipe(n.Pipe, page)
	case *parse.TemplateNode:
		c.pipe(n.Pipe, page)
	case *parse.IfNode:
		c.pipe(n.Pipe, page)
		c.walk(n.List, page)
		c.walk(n.ElseList, page)
	case *parse.WithNode: // dot is the pipeline's value inside
		c.pipe(n.Pipe, page)
		c.walk(n.List, false)
		c.walk(n.ElseList, page)
	case *parse.RangeNode:
		c.pipe(n.Pipe, page)
		c.walk(n.List, false)
		c.walk(n.ElseList, page)
	}
}

// pipe checks the commands of a pipeline and records "$d := .Data".
func (c *fieldCheck) pipe(p *parse.PipeNode, page bool) {
	if p == nil {
		return
	}
	for _, cmd := range p.Cmds {
		for _, arg := range cmd.Args {
			c.arg(arg, page)
		}
	}
	if len(p.Decl) == 1 && len(p.Cmds) == 1 && len(p.Cmds[0].Args) == 1 {
		if f, ok := p.Cmds[0].Args[0].(*parse.FieldNode); ok && page && len(f.Ident) == 1 && f.Ident[0] == "Data" {
			c.vars[p.Decl[0].Ident[0]] = true
		}
	}
}

// arg checks one argument of a command.
func (c *fieldCheck) arg(n parse.Node, page bool) {
	switch n := n.(type) {
	case *parse.FieldNode:
		if page && len(n.Ident) > 1 && n.Ident[0] == "Data" {
			c.field(n, n.Ident[1])
		}
	case *parse.VariableNode:
		if len(n.Ident) > 1 && c.vars[n.Ident[0]] {
			c.field(n, n.Ident[1])
		}
	case *parse.PipeNode:
		c.pipe(n, page)
	case *parse.ChainNode:
		c.arg(n.Node, page)
	}
}

// field reports name when the layout's data has no such field or method.
func (c *fieldCheck) field(n parse.Node, name string) {
	if c.typ.Kind() == reflect.Struct {
		if _, ok := c.typ.FieldByName(name); ok {
			return
		}
	}
	if _, ok := reflect.PointerTo(c.typ).MethodByName(name); ok {
		return
	}
	pos := diag.Pos{File: c.file}
	if loc, _ := c.tree.ErrorContext(n); loc != "" {
		parts := strings.Split(loc, ":")
		if len(parts) >= 3 {
			pos.Line, _ = strconv.Atoi(parts[len(parts)-2])
			col, _ := strconv.Atoi(parts[len(parts)-1])
			pos.Col = col + 1 // text/template counts from 0; the node is the field named
		}
	}
	var fields []string
	if c.typ.Kind() == reflect.Struct {
		for i := range c.typ.NumField() {
			fields = append(fields, c.typ.Field(i).Name)
		}
	}
	d := c.diags.Errorf(pos, diag.Template, "template: .Data has no field %s in this layout", name)
	if s := diag.Suggest(name, fields, 2); len(s) > 0 {
		d.WithHint("%s", diag.DidYouMean(s))
	} else if len(fields) > 0 {
		d.WithHint("its fields are %s", strings.Join(fields, ", "))
	} else {
		d.WithHint("%s", fmt.Sprintf("its .Data is a %s, which has no fields", c.typ))
	}
}
