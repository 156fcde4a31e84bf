package listing

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/geo"
)

// token is one commune as a listing writes it, with what was said beside
// its name.
type token struct {
	text    string // as written, trimmed
	name    string // the name or code, markers taken out
	partial bool
	note    string // words in parentheses that are not a marker
	dept    string // a département code given beside it: "Saint-Martin (34)"
	number  string // a code or postal code given beside a name: "34400 Lunel"
	pos     diag.Pos
}

// separators split a communes cell.
const separators = ";,/|\n\r\t"

// splitCommunes cuts a cell into tokens. A CSV cell's positions point at
// each token; others at the cell.
func splitCommunes(c cell, exact bool) []token {
	var out []token
	start := 0
	for i := 0; i <= len(c.text); i++ {
		if i < len(c.text) && !strings.ContainsRune(separators, rune(c.text[i])) {
			continue
		}
		raw := c.text[start:i]
		lead := len(raw) - len(strings.TrimLeft(raw, " \u00a0\"'"))
		if t := strings.Trim(raw, " \u00a0\"'"); t != "" {
			pos := c.pos
			if exact {
				pos = advance(c.pos, c.text[:start+lead])
			}
			out = append(out, parseToken(t, pos))
		}
		start = i + 1
	}
	return out
}

// advance moves a position over text.
func advance(p diag.Pos, text string) diag.Pos {
	if i := strings.LastIndexByte(text, '\n'); i >= 0 {
		p.Line += strings.Count(text, "\n")
		p.Col = len(text) - i
		return p
	}
	p.Col += len(text)
	return p
}

var (
	parens      = regexp.MustCompile(`\s*\(([^()]*)\)`)
	partialWord = regexp.MustCompile(`(?i)^(en )?(partie|partiel|partielle|partiellement|infra)\b\s*(:|-)?\s*`)
	partOf      = regexp.MustCompile(`(?i)^(une )?partie (de |d'|d’|du |des )`)
	infraSuffix = regexp.MustCompile(`(?i)\s+(\(?infra\)?|\(?en partie\)?|\(?partiel(le)?\)?|-\s*partie)$`)
	deptCode    = regexp.MustCompile(`^(0[1-9]|[1-8][0-9]|9[0-5]|2[AaBb]|97[1-6])$`)
	fiveDigits  = regexp.MustCompile(`^[0-9]{5}$|^2[AaBb][0-9]{3}$`)
	fourDigits  = regexp.MustCompile(`^[1-9][0-9]{3}$`) // 06088 saved as a number
	leadNumber  = regexp.MustCompile(`^([0-9]{5}|2[AaBb][0-9]{3})\s*(-\s*)?(.+)$`)
	tailNumber  = regexp.MustCompile(`^(.+?)\s*(-\s*)?([0-9]{5}|2[AaBb][0-9]{3})$`)
	arrondissmt = regexp.MustCompile(`(?i)^(paris|lyon|marseille)\s*(\d{1,2})\s*(e|eme|ème|er|ere|ier|°)?(\s+arr(ondissement|\.)?)?$`)
)

// parseToken reads the markers around a commune: parentheses holding a
// département code, a postal code, a partial marker or a note; "partie
// de" before, "infra" after; a code before or after the name.
func parseToken(t string, pos diag.Pos) token {
	tok := token{text: t, pos: pos}
	name := t
	for _, m := range parens.FindAllStringSubmatch(name, -1) {
		inner := strings.TrimSpace(m[1])
		switch {
		case deptCode.MatchString(inner):
			tok.dept = strings.ToUpper(inner)
		case fiveDigits.MatchString(inner):
			tok.number = strings.ToUpper(inner)
		case partialWord.MatchString(inner):
			tok.partial = true
			if rest := strings.TrimSpace(partialWord.ReplaceAllString(inner, "")); rest != "" {
				tok.note = rest
			}
		case inner != "":
			tok.partial = true // "Nice (quartiers est)": a part of the commune
			tok.note = inner
		}
	}
	name = strings.TrimSpace(parens.ReplaceAllString(name, ""))
	if m := partOf.FindString(name); m != "" {
		tok.partial = true
		name = strings.TrimSpace(name[len(m):])
	}
	if infraSuffix.MatchString(name) {
		tok.partial = true
		name = strings.TrimSpace(infraSuffix.ReplaceAllString(name, ""))
	}
	if !fiveDigits.MatchString(name) {
		if m := leadNumber.FindStringSubmatch(name); m != nil {
			tok.number, name = strings.ToUpper(m[1]), strings.TrimSpace(m[3])
		} else if m := tailNumber.FindStringSubmatch(name); m != nil {
			name, tok.number = strings.TrimSpace(m[1]), strings.ToUpper(m[3])
		}
	}
	tok.name = name
	return tok
}

// resolved is a token resolved to a commune, with a note when it took a
// normalisation to get there.
type resolved struct {
	com  *geo.Commune
	note string
}

// problem is why a token could not be resolved, with a hint.
type problem struct {
	msg, hint string
	ambiguous bool // several communes match: the CPTS's other communes may decide
}

// resolve finds the commune a token names. depts are the CPTS's
// départements, known so far, to choose among homonyms.
func resolve(table *geo.Table, t token, depts []string) (resolved, *problem) {
	if whole := officialName(table, t); whole != nil {
		t = *whole
	}
	if fourDigits.MatchString(t.name) {
		r, p := resolveCode(table, "0"+t.name)
		if p == nil {
			r.note = strings.TrimSuffix(fmt.Sprintf("%s read as 0%s, the zero a spreadsheet drops from a number; %s", t.name, t.name, r.note), "; ")
		}
		return r, p
	}
	if fiveDigits.MatchString(t.name) {
		return resolveCode(table, strings.ToUpper(t.name))
	}
	if m := arrondissmt.FindStringSubmatch(fold.Fold(t.name)); m != nil {
		city := strings.ToLower(m[1])
		n := 0
		fmt.Sscan(m[2], &n)
		arrs := table.Arrondissements(map[string]string{"paris": "75056", "lyon": "69123", "marseille": "13055"}[city])
		if n >= 1 && n <= len(arrs) {
			return resolved{com: arrs[n-1]}, nil
		}
		return resolved{}, &problem{fmt.Sprintf("%s has no arrondissement %d", t.name, n),
			fmt.Sprintf("the arrondissements of %s are numbered 1 to %d", city, len(arrs)), false}
	}
	cands := table.ByName(t.name)
	if t.number != "" {
		cands = slices.DeleteFunc(slices.Clone(cands), func(c *geo.Commune) bool {
			return c.Code != t.number && !slices.Contains(c.PostalCodes, t.number)
		})
	}
	if t.dept != "" {
		cands = slices.DeleteFunc(slices.Clone(cands), func(c *geo.Commune) bool { return c.Departement != t.dept })
	}
	switch len(cands) {
	case 1:
		return resolved{com: cands[0]}, nil
	case 0:
		if r, ok := formerNamed(table, t, depts); ok {
			return r, nil
		}
		return resolved{}, unknownName(table, t, depts)
	}
	if in := inDepartements(cands, depts); len(in) == 1 {
		return resolved{com: in[0], note: fmt.Sprintf("%d communes are named %q: %s (%s) chosen, in the CPTS's département %s",
			len(cands), t.name, in[0].Code, in[0].Name, in[0].Departement)}, nil
	}
	return resolved{}, &problem{fmt.Sprintf("%d communes are named %q", len(cands), t.name),
		"write the INSEE code, or the département in parentheses: " + candidates(cands, 4), true}
}

// officialName returns the token read again when its parentheses belong
// to an official name ("Bors (Canton de Tude-et-Lavalette)",
// "Château-Chinon (Ville)"), not to markers; nil otherwise.
func officialName(table *geo.Table, t token) *token {
	if !strings.Contains(t.text, "(") {
		return nil
	}
	name := t.text
	if m := leadNumber.FindStringSubmatch(name); m != nil {
		name = strings.TrimSpace(m[3])
	} else if m := tailNumber.FindStringSubmatch(name); m != nil {
		name = strings.TrimSpace(m[1])
	}
	if len(table.ByName(name)) == 0 {
		return nil
	}
	whole := parseToken(name, t.pos)
	whole.text, whole.name, whole.partial, whole.note, whole.dept = t.text, name, false, "", ""
	whole.number = t.number
	return &whole
}

// formerNamed maps the name of a commune déléguée or associée to its
// current commune, when one alone has the name (in the département given,
// or in the CPTS's).
func formerNamed(table *geo.Table, t token, depts []string) (resolved, bool) {
	fs := table.FormerNamed(t.name)
	if t.dept != "" {
		fs = slices.DeleteFunc(fs, func(f *geo.Former) bool { return f.Departement != t.dept })
	}
	if len(fs) > 1 {
		in := slices.DeleteFunc(slices.Clone(fs), func(f *geo.Former) bool { return !slices.Contains(depts, f.Departement) })
		if len(in) == 1 {
			fs = in
		}
	}
	if len(fs) != 1 {
		return resolved{}, false
	}
	f := fs[0]
	cur := table.Commune(f.Parent)
	if cur == nil {
		return resolved{}, false
	}
	return resolved{com: cur, note: fmt.Sprintf("%q is a %s of %s: mapped to %s", t.name, kindWord(f.Kind), cur.Name, cur.Code)}, true
}

// resolveCode finds the commune of a code: an INSEE code, a former one, or
// a postal code.
func resolveCode(table *geo.Table, code string) (resolved, *problem) {
	if com := table.Commune(code); com != nil {
		if arr := arrondissementOfPostal(table, code); arr != nil {
			return resolved{}, &problem{fmt.Sprintf("%s is the INSEE code of %s and the postal code of %s", code, com.Name, arr.Name),
				fmt.Sprintf("write %q for %s, or %q for %s", com.Code, com.Name, arr.Code, arr.Name), true}
		}
		return resolved{com: com}, nil
	}
	if former := table.Former(code); len(former) > 0 {
		f := former[0]
		if cur := table.Commune(f.Parent); cur != nil {
			return resolved{com: cur, note: fmt.Sprintf("%s (%s) is a %s of %s: mapped to %s", code, f.Name, kindWord(f.Kind), cur.Name, cur.Code)}, nil
		}
	}
	if cur := table.MergedInto(code); cur != nil {
		return resolved{com: cur, note: fmt.Sprintf("%s is a former code of %s: mapped to %s", code, cur.Name, cur.Code)}, nil
	}
	if byPostal := withoutCities(table.ByPostalCode(code)); len(byPostal) == 1 {
		return resolved{com: byPostal[0], note: fmt.Sprintf("%s is a postal code, not an INSEE code: %s (%s)", code, byPostal[0].Name, byPostal[0].Code)}, nil
	} else if len(byPostal) > 1 {
		return resolved{}, &problem{fmt.Sprintf("%s is not an INSEE code but the postal code of %d communes", code, len(byPostal)),
			"write the INSEE code of the commune meant: " + candidates(byPostal, 4), false}
	}
	p := &problem{msg: fmt.Sprintf("unknown INSEE code %q", code), hint: "no current commune has this code (COG 2026)"}
	if near := table.SuggestCodes(code, 3); len(near) > 0 {
		p.hint = "did you mean " + candidates(near, 3) + "?"
	}
	return resolved{}, p
}

// arrondissementOfPostal returns the arrondissement whose postal code is
// code ("13003": Marseille 3e), or nil.
func arrondissementOfPostal(table *geo.Table, code string) *geo.Commune {
	for _, c := range table.ByPostalCode(code) {
		if c.Parent != "" && c.Code != code {
			return c
		}
	}
	return nil
}

// pickCode decides a code that is both an INSEE code and the postal code
// of an arrondissement by the CPTS's other communes: the arrondissement
// when they include its city or another of its arrondissements, else the
// commune of the INSEE code.
func pickCode(table *geo.Table, code string, others []string) resolved {
	com, arr := table.Commune(code), arrondissementOfPostal(table, code)
	for _, o := range others {
		if x := table.Commune(o); x != nil && (x.Code == arr.Parent || x.Parent == arr.Parent) {
			return resolved{com: arr, note: fmt.Sprintf("%s read as the postal code of %s (%s), among the CPTS's other arrondissements; it is also the INSEE code of %s", code, arr.Name, arr.Code, com.Name)}
		}
	}
	return resolved{com: com, note: fmt.Sprintf("%s read as the INSEE code of %s; it is also the postal code of %s", code, com.Name, arr.Name)}
}

// withoutCities leaves out Paris, Lyon and Marseille when one of their
// arrondissements is there: a postal code names the arrondissement.
func withoutCities(cs []*geo.Commune) []*geo.Commune {
	return slices.DeleteFunc(slices.Clone(cs), func(c *geo.Commune) bool {
		return slices.ContainsFunc(cs, func(a *geo.Commune) bool { return a.Parent == c.Code })
	})
}

func kindWord(kind string) string {
	switch kind {
	case "commune-deleguee":
		return "commune déléguée"
	case "commune-associee":
		return "commune associée"
	}
	return "former commune"
}

// unknownName explains a name that matches no commune, with the nearest
// names, those of the CPTS's départements first.
func unknownName(table *geo.Table, t token, depts []string) *problem {
	p := &problem{msg: fmt.Sprintf("no commune is named %q", t.name)}
	if t.dept != "" || t.number != "" {
		if all := table.ByName(t.name); len(all) > 0 {
			p.msg = fmt.Sprintf("no commune named %q has the code or département given", t.name)
			p.hint = "communes of this name: " + candidates(all, 4)
			return p
		}
	}
	near := table.SuggestNames(t.name, 6)
	if in := inDepartements(near, depts); len(in) > 0 {
		near = append(in, slices.DeleteFunc(slices.Clone(near), func(c *geo.Commune) bool { return slices.Contains(in, c) })...)
	}
	if len(near) > 0 {
		p.hint = "did you mean " + candidates(near, 3) + "?"
	} else {
		p.hint = "write its INSEE code"
	}
	return p
}

func inDepartements(cs []*geo.Commune, depts []string) []*geo.Commune {
	var out []*geo.Commune
	for _, c := range cs {
		if slices.Contains(depts, c.Departement) {
			out = append(out, c)
		}
	}
	return out
}

func candidates(cs []*geo.Commune, n int) string {
	parts := make([]string, 0, n)
	for _, c := range cs[:min(n, len(cs))] {
		parts = append(parts, fmt.Sprintf("%q (%s, %s)", c.Code, c.Name, c.Departement))
	}
	return strings.Join(parts, " or ")
}
