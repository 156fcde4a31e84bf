package load

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/tomlpos"
)

// decoder fills a record struct from TOML text, reporting every problem
// at its position. Struct fields are matched by their `toml` tag; the
// `cpts` tag adds rules: required, min=N, max=N, and short (a bare string
// may stand for the whole table and fills this field).
type decoder struct {
	src       source
	firstLine int // line of text[0] in the file
	diags     *diag.List
	steps     []step  // the path to the value being decoded
	stepBuf   [8]step // room for steps, enough for every record
}

// decodeTOML decodes text (the whole file, or a front matter starting at
// firstLine) into the struct v points to. recordPos is where errors about
// the record as a whole (missing fields) are reported. It returns false
// when the TOML does not parse.
func decodeTOML(src source, text []byte, firstLine int, recordPos diag.Pos, v any, diags *diag.List) bool {
	// Decoding into an interface takes the parser's tables as they are,
	// where a map would be copied key by key.
	if e := tomlpos.Bounds(text); e != nil {
		diags.Errorf(position(src.path, text, e.Pos.Offset, firstLine), diag.Limit, "TOML too complex: %s", e.Problem).
			WithHint("%s", e.Hint)
		return false
	}
	var doc any
	if _, err := toml.NewDecoder(bytes.NewReader(text)).Decode(&doc); err != nil {
		var pe toml.ParseError
		pos := diag.Pos{File: src.path, Line: firstLine, Col: 1}
		msg := err.Error()
		if errors.As(err, &pe) {
			pos = position(src.path, text, pe.Position.Start, firstLine)
			msg = pe.Message
		}
		d := diags.Errorf(pos, diag.Syntax, "TOML syntax: %s", msg)
		if errors.As(err, &pe) {
			if hint := syntaxHint(text, pe.Position.Start); hint != "" {
				d.WithHint("%s", hint)
			}
		}
		return false
	}
	m, _ := doc.(map[string]any)
	d := &decoder{src: src, firstLine: firstLine, diags: diags}
	d.steps = d.stepBuf[:0]
	rv := reflect.ValueOf(v).Elem()
	d.decodeStruct(table{m: m}, rv, infoOf(rv.Type()), tomlpos.Locate(text).Root(), recordPos)
	return true
}

// frenchDate is a date as French people write it: 05/12/2026, 5-12-2026.
var frenchDate = regexp.MustCompile(`^([0-3]?[0-9])[/.-]([01]?[0-9])[/.-]((?:19|20)[0-9]{2})`)

// syntaxHint explains the commonest slips of hand-written TOML at the
// offset where the parser stopped: a date written the French way.
func syntaxHint(text []byte, off int) string {
	off = max(0, min(off, len(text)))
	start := off
	for start > 0 && text[start-1] != '=' && text[start-1] != '\n' {
		start--
	}
	value := strings.TrimSpace(string(text[start:min(len(text), off+16)]))
	if m := frenchDate.FindStringSubmatch(value); m != nil {
		day, month := m[1], m[2]
		if len(day) == 1 {
			day = "0" + day
		}
		if len(month) == 1 {
			month = "0" + month
		}
		return fmt.Sprintf("write dates year first, without quotes: %s-%s-%s (for %s)", m[3], month, day, m[0])
	}
	return ""
}

// step is one step of the path to the value being decoded: a key, or an
// array element.
type step struct {
	key  string
	elem int // -1 for a key
}

// path writes the path to the value being decoded (member[2].name), for
// messages.
func (d *decoder) path() string {
	path := ""
	for _, s := range d.steps {
		if s.elem >= 0 {
			path += "[" + strconv.Itoa(s.elem) + "]"
		} else {
			path = join(path, s.key)
		}
	}
	return path
}

func (d *decoder) pos(p tomlpos.Pos) diag.Pos {
	return diag.Pos{File: d.src.path, Line: p.Line + d.firstLine - 1, Col: p.Col}
}

// valuePos is where problems with a value are reported.
func (d *decoder) valuePos(at tomlpos.Path) diag.Pos { return d.pos(at.Nearest()) }

// unknownKeyPos is where the unknown key k of the table at is reported.
func (d *decoder) unknownKeyPos(at tomlpos.Path, k string) diag.Pos {
	if isBare(k) || strconv.Quote(k) == tomlpos.Join("", k) {
		at := at.Child(k)
		if p, ok := at.Key(); ok {
			return d.pos(p)
		}
		return d.pos(at.Nearest())
	}
	// A key that strconv.Quote escapes otherwise than TOML (control and
	// non-printable characters) is reported at its table, as it was when
	// positions were looked up by paths written with strconv.Quote.
	if p, ok := at.Key(); ok {
		return d.pos(p)
	}
	if p, ok := at.Value(); ok {
		return d.pos(p)
	}
	return d.pos(at.Nearest())
}

// table is the keys of a TOML table: a decoded map, or a bare string
// (short, non-nil) that stands for the table and fills its short field.
type table struct {
	m     map[string]any
	short any
}

// decodeStruct fills rv, described by info, from the table t found at at.
func (d *decoder) decodeStruct(t table, rv reflect.Value, info *typeInfo, at tomlpos.Path, recordPos diag.Pos) {
	var buf [32]any // the value of each field, by slot; nil when absent
	vals := buf[:]
	if len(info.fields) > len(buf) {
		vals = make([]any, len(info.fields))
	}
	var unknown []string
	nkeys := 1
	if t.short != nil {
		vals[info.slots[info.short]] = t.short
	} else {
		nkeys = len(t.m)
		for k, v := range t.m {
			if i, ok := info.slots[k]; ok {
				vals[i] = v
			} else {
				unknown = append(unknown, k)
			}
		}
	}
	var rec *model.Fields
	if info.record != nil {
		rec = rv.FieldByIndex(info.record).Addr().Interface().(*model.Fields)
		*rec = model.Fields{File: d.src.path, Pos: recordPos, Keys: make([]model.KeyPos, 0, nkeys)}
	}
	meant := d.unknownKeys(unknown, info.known, at) // keys a misspelt key stands for
	for _, f := range info.fields {
		val := vals[f.slot]
		if val == nil {
			// A required key written with a typo is reported once, as the typo.
			if f.rules.required && !meant[f.key] {
				d.diags.Errorf(recordPos, diag.Required, "missing required field %q", f.key).
					WithHint("add %s = %s", f.key, example(rv.Type().Field(f.index).Type))
			}
			continue
		}
		c := at.Child(f.key)
		if rec != nil {
			rec.Mark(f.key, d.valuePos(c))
		}
		fv := rv.Field(f.index)
		d.steps = append(d.steps, step{key: f.key, elem: -1})
		d.decodeValue(val, fv, f.info, c, f.rules)
		d.steps = d.steps[:len(d.steps)-1]
		if str, isStr := val.(string); f.rules.required && isStr && strings.TrimSpace(str) == "" {
			d.diags.Errorf(d.valuePos(c), diag.Required, "%q must not be empty", f.key)
		}
		if rec != nil && fv.Kind() == reflect.Pointer && fv.Elem().Kind() == reflect.Struct {
			// Nested tables (contact.address) report their keys on the record.
			for _, sub := range f.info.elem.fields {
				if sp, ok := c.Child(sub.key).Value(); ok {
					rec.Mark(f.key+"."+sub.key, d.pos(sp))
				}
			}
		}
	}
}

// unknownKeys reports the keys of a table that no field has, in order, and
// returns the known keys they were suggested for.
func (d *decoder) unknownKeys(keys, known []string, at tomlpos.Path) map[string]bool {
	if len(keys) == 0 {
		return nil
	}
	sort.Strings(keys)
	meant := map[string]bool{}
	for _, k := range keys {
		dg := d.diags.Errorf(d.unknownKeyPos(at, k), diag.UnknownKey, "unknown key %q", k)
		suggestions := diag.Suggest(k, known, 2)
		if alias, ok := frenchKeys[fold.Fold(k)]; ok && contains(known, alias) {
			suggestions = []string{alias}
		}
		if len(suggestions) > 0 {
			dg.WithHint("%s", diag.DidYouMean(suggestions))
			meant[suggestions[0]] = true
		} else {
			dg.WithHint("known keys here: %s", strings.Join(known, ", "))
		}
	}
	return meant
}

// frenchKeys maps the French words authors reach for to the model's keys.
var frenchKeys = map[string]string{
	"nom": "name", "titre": "title", "resume": "summary", "statut": "status",
	"etape": "status", "creation": "created", "site": "website", "site web": "website",
	"courriel": "email", "mail": "email", "telephone": "phone", "tel": "phone",
	"adresse": "address", "horaires": "hours", "libelle": "label", "metier": "profession",
	"nombre": "count", "role": "board_role", "type": "kind", "date de publication": "date",
	"etiquettes": "tags", "brouillon": "draft", "population": "declared_population",
}

// typeErr reports a value of the wrong type.
func (d *decoder) typeErr(at tomlpos.Path, val any, want string) {
	dg := d.diags.Errorf(d.valuePos(at), diag.Type, "%s: want %s, got %s", lastKey(d.path()), want, describe(val))
	if want == "a string" {
		switch val.(type) {
		case int64, float64, bool:
			dg.WithHint("write it in quotes: \"%v\"", val)
		}
	}
}

// decodeValue fills fv, described by info, from the value val found at at.
func (d *decoder) decodeValue(val any, fv reflect.Value, info *typeInfo, at tomlpos.Path, r rules) {
	switch info.kind {
	case kindDate:
		dt, err := toDate(val)
		if err != nil {
			if _, isStr := val.(string); isStr || isTime(val) {
				d.diags.Errorf(d.valuePos(at), diag.Date, "%s: %v", lastKey(d.path()), err).WithHint("dates are written 2020-07-17, \"2020-07\" or \"2020\"")
			} else {
				d.typeErr(at, val, "a date")
			}
			return
		}
		*fv.Addr().Interface().(*model.Date) = dt
	case kindSetter:
		str, isStr := val.(string)
		if !isStr {
			d.typeErr(at, val, "a string")
			return
		}
		if err := fv.Addr().Interface().(setter).Set(strings.TrimSpace(str)); err != nil {
			d.diags.Errorf(d.valuePos(at), setterCode(fv.Type()), "%s: %v", lastKey(d.path()), err)
		}
	case kindEnum:
		str, isStr := val.(string)
		if !isStr {
			d.typeErr(at, val, "a string")
			return
		}
		if values := info.values; !contains(values, str) {
			dg := d.diags.Errorf(d.valuePos(at), diag.Value, "%s: %q is not one of the allowed values", lastKey(d.path()), str)
			if s := diag.DidYouMean(suggestValue(str, values)); s != "" {
				dg.WithHint("%s (allowed: %s)", s, strings.Join(values, ", "))
			} else {
				dg.WithHint("allowed: %s", strings.Join(values, ", "))
			}
			return
		}
		fv.SetString(str)
	case kindString:
		str, ok := val.(string)
		if !ok {
			d.typeErr(at, val, "a string")
			return
		}
		fv.SetString(str)
	case kindBool:
		b, ok := val.(bool)
		if !ok {
			d.typeErr(at, val, "true or false")
			return
		}
		fv.SetBool(b)
	case kindInt:
		n, ok := val.(int64)
		if !ok {
			if s, isStr := val.(string); isStr {
				if _, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
					d.diags.Errorf(d.valuePos(at), diag.Type, "%s: want a number, got a string", lastKey(d.path())).WithHint("remove the quotes: %s", strings.TrimSpace(s))
					return
				}
			}
			d.typeErr(at, val, "a whole number")
			return
		}
		if r.min != nil && n < *r.min || r.max != nil && n > *r.max {
			d.diags.Errorf(d.valuePos(at), diag.Value, "%s: %d is out of range", lastKey(d.path()), n).WithHint("%s", rangeHint(r))
			return
		}
		fv.SetInt(n)
	case kindSlice:
		items := reflect.ValueOf(val)
		if items.Kind() != reflect.Slice {
			d.typeErr(at, val, "an array")
			return
		}
		out := reflect.MakeSlice(fv.Type(), items.Len(), items.Len())
		for i := 0; i < items.Len(); i++ {
			d.steps = append(d.steps, step{elem: i})
			d.decodeValue(items.Index(i).Interface(), out.Index(i), info.elem, at.Elem(i), rules{})
			d.steps = d.steps[:len(d.steps)-1]
		}
		fv.Set(out)
	case kindPointer:
		if fv.IsNil() {
			fv.Set(reflect.New(fv.Type().Elem()))
		}
		d.decodeValue(val, fv.Elem(), info.elem, at, r)
	case kindStruct:
		if _, ok := val.(string); ok && info.short != "" {
			// A bare string stands for the table and fills its short
			// field; positions fall back to the string itself.
			d.decodeStruct(table{short: val}, fv, info, at, d.valuePos(at))
			return
		}
		m, ok := val.(map[string]any)
		if !ok {
			if info.short != "" {
				d.typeErr(at, val, "a string")
			} else {
				d.typeErr(at, val, "a table")
			}
			return
		}
		d.decodeStruct(table{m: m}, fv, info, at, d.valuePos(at))
	default:
		panic("load: unsupported field kind " + fv.Kind().String())
	}
}

func toDate(val any) (model.Date, error) {
	switch v := val.(type) {
	case string:
		return model.ParseDate(strings.TrimSpace(v))
	case time.Time:
		return model.DateOf(v)
	}
	return model.Date{}, fmt.Errorf("want a date, got %s", describe(val))
}

func isTime(val any) bool { _, ok := val.(time.Time); return ok }

func setterCode(t reflect.Type) diag.Code {
	switch t {
	case reflect.TypeFor[model.Email]():
		return diag.Email
	case reflect.TypeFor[model.Phone]():
		return diag.Phone
	case reflect.TypeFor[model.ClockTime]():
		return diag.Date
	}
	return diag.URL
}

func describe(val any) string {
	switch v := val.(type) {
	case string:
		return fmt.Sprintf("the string %q", v)
	case int64:
		return fmt.Sprintf("the number %d", v)
	case float64:
		return fmt.Sprintf("the decimal number %v", v)
	case bool:
		return fmt.Sprintf("%v", v)
	case time.Time:
		return "a date"
	case map[string]any:
		return "a table"
	}
	if reflect.ValueOf(val).Kind() == reflect.Slice {
		return "an array"
	}
	return fmt.Sprintf("%T", val)
}

func example(t reflect.Type) string {
	switch {
	case t == dateType:
		return "2020-07-17"
	case t.Kind() == reflect.Int:
		return "1"
	case t.Kind() == reflect.Bool:
		return "true"
	}
	if e, ok := reflect.Zero(t).Interface().(enum); ok {
		return strconv.Quote(e.Values()[0])
	}
	return `"..."`
}

func rangeHint(r rules) string {
	switch {
	case r.min != nil && r.max != nil:
		return fmt.Sprintf("want a number from %d to %d", *r.min, *r.max)
	case r.min != nil:
		return fmt.Sprintf("want a number of at least %d", *r.min)
	}
	return fmt.Sprintf("want a number of at most %d", *r.max)
}

// suggestValue finds allowed values close to s, also when s is written in
// plain French ("ACI signé" for "aci-signe").
func suggestValue(s string, values []string) []string {
	slug := strings.ReplaceAll(fold.Fold(s), " ", "-")
	if contains(values, slug) {
		return []string{slug}
	}
	if out := diag.Suggest(slug, values, 2); len(out) > 0 {
		return out
	}
	var out []string
	for _, v := range values {
		if slug != "" && (strings.HasPrefix(v, slug) || strings.Contains(v, slug)) {
			out = append(out, v)
		}
	}
	if len(out) > 2 {
		out = out[:2]
	}
	return out
}

func join(path, key string) string {
	if !isBare(key) {
		key = strconv.Quote(key)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func isBare(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

func lastKey(path string) string {
	if i := strings.LastIndexAny(path, ".]"); i >= 0 && path[i] == '.' {
		return path[i+1:]
	}
	return strings.TrimRight(path, "]0123456789[")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
