package load

import (
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/cpts-fr/cpts/generator/model"
)

// typeInfo is what the decoder needs to know about a Go type, worked out
// once per type: a national directory decodes a hundred thousand member
// records.
type typeInfo struct {
	kind   kind
	elem   *typeInfo // of a slice's elements, or of what a pointer points to
	values []string  // a closed list's allowed values

	// Structs:
	fields []field
	known  []string       // the keys of fields, in order, for hints
	slots  map[string]int // key -> index in fields of the first field with that key
	record []int          // index of the embedded model.Fields; nil without one
	short  string         // key of the field a bare string fills; "" without one
}

// kind is how a value of a type is decoded: the first that applies of
// model.Date, a setter, a closed list, then by reflect.Kind.
type kind uint8

const (
	kindUnsupported kind = iota
	kindDate
	kindSetter
	kindEnum
	kindString
	kindBool
	kindInt
	kindSlice
	kindPointer
	kindStruct
)

// setter is implemented by value types that check their text (Email, URL, Phone).
type setter interface{ Set(string) error }

// enum is implemented by closed lists (Status, Profession...). Values does
// not depend on the receiver: it is asked once per type.
type enum interface{ Values() []string }

var (
	dateType   = reflect.TypeFor[model.Date]()
	fieldsType = reflect.TypeFor[model.Fields]()
	setterType = reflect.TypeFor[setter]()
	enumType   = reflect.TypeFor[enum]()
)

var (
	typeInfos sync.Map   // reflect.Type -> *typeInfo, complete
	infoMu    sync.Mutex // held while types are worked out
)

// infoOf returns what decoding needs to know about t, and about the types
// of its fields and elements.
func infoOf(t reflect.Type) *typeInfo {
	if ti, ok := typeInfos.Load(t); ok {
		return ti.(*typeInfo)
	}
	infoMu.Lock()
	defer infoMu.Unlock()
	made := map[reflect.Type]*typeInfo{}
	ti := newTypeInfo(t, made)
	for t, ti := range made {
		typeInfos.Store(t, ti) // only once complete: others read them unlocked
	}
	return ti
}

// newTypeInfo works out t, and the types it holds, into made. A type that
// holds itself (through a pointer or slice) gets the info being made.
func newTypeInfo(t reflect.Type, made map[reflect.Type]*typeInfo) *typeInfo {
	if ti, ok := typeInfos.Load(t); ok {
		return ti.(*typeInfo)
	}
	if ti, ok := made[t]; ok {
		return ti
	}
	ti := &typeInfo{}
	made[t] = ti
	switch {
	case t == dateType:
		ti.kind = kindDate
	case reflect.PointerTo(t).Implements(setterType):
		ti.kind = kindSetter
	case t.Kind() == reflect.String && t.Implements(enumType):
		ti.kind = kindEnum
		ti.values = reflect.Zero(t).Interface().(enum).Values()
	case t.Kind() == reflect.String:
		ti.kind = kindString
	case t.Kind() == reflect.Bool:
		ti.kind = kindBool
	case t.Kind() == reflect.Int:
		ti.kind = kindInt
	case t.Kind() == reflect.Slice:
		ti.kind = kindSlice
		ti.elem = newTypeInfo(t.Elem(), made)
	case t.Kind() == reflect.Pointer:
		ti.kind = kindPointer
		ti.elem = newTypeInfo(t.Elem(), made)
	case t.Kind() == reflect.Struct:
		ti.kind = kindStruct
	}
	if t.Kind() == reflect.Struct { // also a date or setter, for nested keys
		ti.fields = readFields(t)
		ti.slots = make(map[string]int, len(ti.fields))
		for i, f := range ti.fields {
			ti.known = append(ti.known, f.key)
			if _, dup := ti.slots[f.key]; !dup {
				ti.slots[f.key] = i
			}
			if f.rules.short && ti.short == "" {
				ti.short = f.key
			}
		}
		for i := range ti.fields {
			f := &ti.fields[i]
			f.slot = ti.slots[f.key]
			f.info = newTypeInfo(t.Field(f.index).Type, made)
		}
		if f, ok := t.FieldByName("Fields"); ok && f.Type == fieldsType && f.Anonymous {
			ti.record = f.Index
		}
	}
	return ti
}

// field is a struct field decoded from the TOML key of its `toml` tag. Keys
// are bare TOML keys (snake_case).
type field struct {
	key   string
	index int // in the struct
	slot  int // index in typeInfo.fields of the first field with this key
	rules rules
	info  *typeInfo
}

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
