package load

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
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
	text      []byte
	firstLine int // line of text[0] in the file
	ix        *tomlpos.Index
	diags     *diag.List
}

// decodeTOML decodes text (the whole file, or a front matter starting at
// firstLine) into the struct v points to. recordPos is where errors about
// the record as a whole (missing fields) are reported. It returns false
// when the TOML does not parse.
func decodeTOML(src source, text []byte, firstLine int, recordPos diag.Pos, v any, diags *diag.List) bool {
	var m map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(text)).Decode(&m); err != nil {
		var pe toml.ParseError
		pos := diag.Pos{File: src.path, Line: firstLine, Col: 1}
		msg := err.Error()
		if errors.As(err, &pe) {
			pos = position(src.path, text, pe.Position.Start, firstLine)
			msg = pe.Message
		}
		diags.Errorf(pos, diag.Syntax, "TOML syntax: %s", msg)
		return false
	}
	d := &decoder{src: src, text: text, firstLine: firstLine, ix: tomlpos.Locate(text), diags: diags}
	d.decodeStruct(m, reflect.ValueOf(v).Elem(), "", recordPos)
	return true
}

func (d *decoder) pos(p tomlpos.Pos) diag.Pos {
	return diag.Pos{File: d.src.path, Line: p.Line + d.firstLine - 1, Col: p.Col}
}

func (d *decoder) valuePos(path string) diag.Pos { return d.pos(d.ix.Nearest(path)) }

func (d *decoder) keyPos(path string) diag.Pos {
	if p, ok := d.ix.Key(path); ok {
		return d.pos(p)
	}
	return d.valuePos(path)
}

// rules are the options of a `cpts` struct tag.
type rules struct {
	required, short bool
	min, max        *int64
}

func parseRules(tag string) rules {
	var r rules
	for _, part := range strings.Split(tag, ",") {
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "required":
			r.required = true
		case "short":
			r.short = true
		case "min", "max":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				panic("load: bad cpts tag " + tag)
			}
			if k == "min" {
				r.min = &n
			} else {
				r.max = &n
			}
		}
	}
	return r
}

type field struct {
	key   string
	index int
	rules rules
}

// fieldsOf returns the TOML fields of a struct type, read once per type:
// a national directory decodes a hundred thousand member records.
func fieldsOf(t reflect.Type) []field {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]field)
	}
	fs := readFields(t)
	fieldCache.Store(t, fs)
	return fs
}

var fieldCache sync.Map // reflect.Type -> []field

func readFields(t reflect.Type) []field {
	var fs []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key := f.Tag.Get("toml")
		if key == "" || key == "-" {
			continue
		}
		fs = append(fs, field{key: key, index: i, rules: parseRules(f.Tag.Get("cpts"))})
	}
	return fs
}

var fieldsType = reflect.TypeFor[model.Fields]()

// decodeStruct fills rv from the table m found at path.
func (d *decoder) decodeStruct(m map[string]any, rv reflect.Value, path string, recordPos diag.Pos) {
	fields := fieldsOf(rv.Type())
	known := make([]string, len(fields))
	for i, f := range fields {
		known[i] = f.key
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var rec *model.Fields
	if f, ok := rv.Type().FieldByName("Fields"); ok && f.Type == fieldsType && f.Anonymous {
		rec = rv.FieldByIndex(f.Index).Addr().Interface().(*model.Fields)
		*rec = model.Fields{File: d.src.path, Pos: recordPos, Keys: make([]model.KeyPos, 0, len(m))}
	}
	meant := map[string]bool{} // keys a misspelt key stands for
	for _, k := range keys {
		if !contains(known, k) {
			dg := d.diags.Errorf(d.keyPos(join(path, k)), diag.UnknownKey, "unknown key %q", k)
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
	}
	for _, f := range fields {
		val, ok := m[f.key]
		if !ok {
			// A required key written with a typo is reported once, as the typo.
			if f.rules.required && !meant[f.key] {
				d.diags.Errorf(recordPos, diag.Required, "missing required field %q", f.key).
					WithHint("add %s = %s", f.key, example(rv.Type().Field(f.index).Type))
			}
			continue
		}
		p := join(path, f.key)
		if rec != nil {
			rec.Mark(f.key, d.valuePos(p))
		}
		fv := rv.Field(f.index)
		d.decodeValue(val, fv, p, f.rules)
		if str, isStr := val.(string); f.rules.required && isStr && strings.TrimSpace(str) == "" {
			d.diags.Errorf(d.valuePos(p), diag.Required, "%q must not be empty", f.key)
		}
		if rec != nil && fv.Kind() == reflect.Pointer && fv.Elem().Kind() == reflect.Struct {
			// Nested tables (contact.address) report their keys on the record.
			for _, sub := range fieldsOf(fv.Elem().Type()) {
				if sp, ok := d.ix.Value(join(p, sub.key)); ok {
					rec.Mark(f.key+"."+sub.key, d.pos(sp))
				}
			}
		}
	}
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

// setter is implemented by value types that check their text (Email, URL, Phone).
type setter interface{ Set(string) error }

// enum is implemented by closed lists (Status, Profession...).
type enum interface{ Values() []string }

var dateType = reflect.TypeFor[model.Date]()

func (d *decoder) decodeValue(val any, fv reflect.Value, path string, r rules) {
	pos := d.valuePos(path)
	typeErr := func(want string) {
		dg := d.diags.Errorf(pos, diag.Type, "%s: want %s, got %s", lastKey(path), want, describe(val))
		if want == "a string" {
			switch val.(type) {
			case int64, float64, bool:
				dg.WithHint("write it in quotes: \"%v\"", val)
			}
		}
	}
	if fv.Type() == dateType {
		dt, err := toDate(val)
		if err != nil {
			if _, isStr := val.(string); isStr || isTime(val) {
				d.diags.Errorf(pos, diag.Date, "%s: %v", lastKey(path), err).WithHint("dates are written 2020-07-17, \"2020-07\" or \"2020\"")
			} else {
				typeErr("a date")
			}
			return
		}
		fv.Set(reflect.ValueOf(dt))
		return
	}
	if s, ok := fv.Addr().Interface().(setter); ok {
		str, isStr := val.(string)
		if !isStr {
			typeErr("a string")
			return
		}
		if err := s.Set(strings.TrimSpace(str)); err != nil {
			d.diags.Errorf(pos, setterCode(fv.Type()), "%s: %v", lastKey(path), err)
		}
		return
	}
	if e, ok := fv.Interface().(enum); ok && fv.Kind() == reflect.String {
		str, isStr := val.(string)
		if !isStr {
			typeErr("a string")
			return
		}
		values := e.Values()
		if !contains(values, str) {
			dg := d.diags.Errorf(pos, diag.Value, "%s: %q is not one of the allowed values", lastKey(path), str)
			if s := diag.DidYouMean(suggestValue(str, values)); s != "" {
				dg.WithHint("%s (allowed: %s)", s, strings.Join(values, ", "))
			} else {
				dg.WithHint("allowed: %s", strings.Join(values, ", "))
			}
			return
		}
		fv.SetString(str)
		return
	}
	switch fv.Kind() {
	case reflect.String:
		str, ok := val.(string)
		if !ok {
			typeErr("a string")
			return
		}
		fv.SetString(str)
	case reflect.Bool:
		b, ok := val.(bool)
		if !ok {
			typeErr("true or false")
			return
		}
		fv.SetBool(b)
	case reflect.Int:
		n, ok := val.(int64)
		if !ok {
			if s, isStr := val.(string); isStr {
				if _, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
					d.diags.Errorf(pos, diag.Type, "%s: want a number, got a string", lastKey(path)).WithHint("remove the quotes: %s", strings.TrimSpace(s))
					return
				}
			}
			typeErr("a whole number")
			return
		}
		if r.min != nil && n < *r.min || r.max != nil && n > *r.max {
			d.diags.Errorf(pos, diag.Value, "%s: %d is out of range", lastKey(path), n).WithHint("%s", rangeHint(r))
			return
		}
		fv.SetInt(n)
	case reflect.Slice:
		items := reflect.ValueOf(val)
		if items.Kind() != reflect.Slice {
			typeErr("an array")
			return
		}
		out := reflect.MakeSlice(fv.Type(), items.Len(), items.Len())
		for i := 0; i < items.Len(); i++ {
			d.decodeValue(items.Index(i).Interface(), out.Index(i), fmt.Sprintf("%s[%d]", path, i), rules{})
		}
		fv.Set(out)
	case reflect.Pointer:
		if fv.IsNil() {
			fv.Set(reflect.New(fv.Type().Elem()))
		}
		d.decodeValue(val, fv.Elem(), path, r)
	case reflect.Struct:
		if str, ok := val.(string); ok {
			if f, ok := shortField(fv.Type()); ok {
				// A bare string stands for the table and fills its short
				// field; positions fall back to the string itself.
				d.decodeStruct(map[string]any{f: str}, fv, path, pos)
				return
			}
		}
		m, ok := val.(map[string]any)
		if !ok {
			if _, short := shortField(fv.Type()); short {
				typeErr("a string")
			} else {
				typeErr("a table")
			}
			return
		}
		d.decodeStruct(m, fv, path, pos)
	default:
		panic("load: unsupported field kind " + fv.Kind().String())
	}
}

func shortField(t reflect.Type) (string, bool) {
	for _, f := range fieldsOf(t) {
		if f.rules.short {
			return f.key, true
		}
	}
	return "", false
}

func toDate(val any) (model.Date, error) {
	switch v := val.(type) {
	case string:
		return model.ParseDate(strings.TrimSpace(v))
	case time.Time:
		if v.Hour() != 0 || v.Minute() != 0 || v.Second() != 0 || v.Nanosecond() != 0 {
			return model.Date{}, fmt.Errorf("%s has a time of day: want a date only", v.Format(time.RFC3339))
		}
		return model.Date{Year: v.Year(), Month: int(v.Month()), Day: v.Day(), Precision: model.Day}, nil
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
