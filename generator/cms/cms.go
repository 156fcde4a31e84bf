// Package cms writes the configuration of Decap CMS (config.yml), a
// git-based web editor, from the content model: every record type becomes a
// collection whose fields, widgets and closed lists follow the model's
// struct tags, so communicators can edit records and news in a browser and
// every save is a commit or a merge request.
package cms

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/model"
)

// Options configure the editor.
type Options struct {
	Backend string // github, gitlab, gitea, git-gateway
	Repo    string // "org/site"
	Branch  string // "main"
	// Label returns the French label of a field key or a closed-list value
	// ("cms.name", "status.aci-signe"); it returns the key when it has none.
	Label func(key string) string
	// Files tells whether a record file exists (Decap edits existing files only).
	Files func(path string) bool
}

// Config returns Decap CMS's config.yml for the site.
func Config(site *model.Site, opts Options) []byte {
	w := &yamlWriter{label: opts.Label}
	w.line(0, "# Decap CMS configuration, written by `cpts cms` from the content model.")
	w.line(0, "# Rerun it after adding a CPTS. Editing saves commits (or merge requests).")
	w.line(0, "backend:")
	w.kv(1, "name", opts.Backend)
	if opts.Repo != "" {
		w.kv(1, "repo", opts.Repo)
	}
	w.kv(1, "branch", opts.Branch)
	w.kv(0, "publish_mode", "editorial_workflow")
	w.kv(0, "locale", "fr")
	w.kv(0, "media_folder", "static/images")
	w.kv(0, "public_folder", "/images")
	w.line(0, "collections:")

	w.folder("cpts", w.l("cms.collection.cpts"), "content/cpts", "{{slug}}/index", "{{slug}}", reflect.TypeFor[model.CPTS](), true)
	for _, c := range site.CPTS {
		w.records(c, opts.Files)
		w.folder("news-"+c.Slug, w.l("cms.collection.news")+" – "+c.Title(), c.Dir+"/news", "", "{{year}}-{{month}}-{{day}}-{{slug}}", reflect.TypeFor[model.News](), true)
	}
	w.folder("news", w.l("cms.collection.site_news"), "content/news", "", "{{year}}-{{month}}-{{day}}-{{slug}}", reflect.TypeFor[model.News](), true)
	w.folder("pages", w.l("cms.collection.pages"), "content/pages", "", "{{slug}}", reflect.TypeFor[model.Page](), true)
	return []byte(w.b.String())
}

// records writes a files collection for the TOML records of a CPTS that exist.
func (w *yamlWriter) records(c *model.CPTS, exists func(string) bool) {
	type rec struct {
		file, key string
		t         reflect.Type
		list      string // the array-of-tables key, "" for the territory
	}
	recs := []rec{
		{"communes.toml", "communes", reflect.TypeFor[model.Territory](), ""},
		{"members.toml", "members", reflect.TypeFor[model.Member](), "member"},
		{"missions.toml", "missions", reflect.TypeFor[model.Mission](), "mission"},
		{"contacts.toml", "contacts", reflect.TypeFor[model.Contact](), "contact"},
		{"events.toml", "events", reflect.TypeFor[model.Event](), "event"},
	}
	var have []rec
	for _, r := range recs {
		if exists == nil || exists(c.Dir+"/"+r.file) {
			have = append(have, r)
		}
	}
	if len(have) == 0 {
		return
	}
	w.line(1, "- name: "+quote("records-"+c.Slug))
	w.kv(2, "label", w.l("cms.collection.records")+" – "+c.Title())
	w.line(2, "files:")
	for _, r := range have {
		w.line(3, "- name: "+quote(r.key))
		w.kv(4, "label", w.l("cms.file."+r.key))
		w.kv(4, "file", c.Dir+"/"+r.file)
		w.kv(4, "format", "toml")
		w.line(4, "fields:")
		if r.list == "" {
			w.fields(5, r.t)
			continue
		}
		w.line(5, "- name: "+quote(r.list))
		w.kv(6, "label", w.l("cms.file."+r.key))
		w.kv(6, "widget", "list")
		w.line(6, "fields:")
		w.fields(7, r.t)
	}
}

func (w *yamlWriter) folder(name, label, folder, path, slug string, t reflect.Type, body bool) {
	w.line(1, "- name: "+quote(name))
	w.kv(2, "label", label)
	w.kv(2, "folder", folder)
	if path != "" {
		w.kv(2, "path", path)
	}
	w.kv(2, "slug", slug)
	w.line(2, "create: true")
	w.kv(2, "extension", "md")
	w.kv(2, "format", "toml-frontmatter")
	id := "title"
	if _, ok := t.FieldByName("Name"); ok {
		id = "name"
	}
	w.kv(2, "identifier_field", id)
	w.line(2, "fields:")
	w.fields(3, t)
	if body {
		w.line(3, "- {name: body, label: "+quote(w.l("cms.body"))+", widget: markdown, required: false}")
	}
}

var (
	dateType   = reflect.TypeFor[model.Date]()
	clockType  = reflect.TypeFor[model.ClockTime]()
	phoneType  = reflect.TypeFor[model.Phone]()
	urlType    = reflect.TypeFor[model.URL]()
	emailType  = reflect.TypeFor[model.Email]()
	stringType = reflect.TypeFor[string]()
)

// enum is implemented by the model's closed lists.
type enum interface{ Values() []string }

// fields writes one Decap field per `toml`-tagged field of t.
func (w *yamlWriter) fields(depth int, t reflect.Type) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key := f.Tag.Get("toml")
		if key == "" || key == "-" {
			continue
		}
		required := strings.Contains(f.Tag.Get("cpts"), "required")
		w.field(depth, key, f.Type, required)
	}
}

func (w *yamlWriter) field(depth int, key string, t reflect.Type, required bool) {
	w.line(depth, "- name: "+quote(key))
	w.kv(depth+1, "label", w.l("cms."+key))
	if !required {
		w.line(depth+1, "required: false")
	}
	pattern := func(re, msg string) {
		w.line(depth+1, "pattern: ["+quote(re)+", "+quote(w.l(msg))+"]")
	}
	switch {
	case t == dateType:
		w.kv(depth+1, "widget", "string")
		pattern(`^\d{4}(-\d{2}(-\d{2})?)?$`, "cms.pattern.date")
	case t == clockType:
		w.kv(depth+1, "widget", "string")
		pattern(`^\d{2}:\d{2}$`, "cms.pattern.time")
	case t == phoneType:
		w.kv(depth+1, "widget", "string")
	case t == urlType:
		w.kv(depth+1, "widget", "string")
		pattern(`^https?://`, "cms.pattern.url")
	case t == emailType:
		w.kv(depth+1, "widget", "string")
		pattern(`^[^@\s]+@[^@\s]+\.[^@\s]+$`, "cms.pattern.email")
	case t.Kind() == reflect.String && t != stringType:
		if e, ok := reflect.Zero(t).Interface().(enum); ok {
			w.kv(depth+1, "widget", "select")
			w.line(depth+1, "options:")
			prefix := enumPrefix[t.Name()]
			for _, v := range e.Values() {
				w.line(depth+2, "- {label: "+quote(w.l(prefix+"."+v))+", value: "+quote(v)+"}")
			}
		} else {
			w.kv(depth+1, "widget", "string")
		}
	case t.Kind() == reflect.String:
		if key == "summary" || key == "note" || key == "description" {
			w.kv(depth+1, "widget", "text")
		} else {
			w.kv(depth+1, "widget", "string")
		}
	case t.Kind() == reflect.Int:
		w.kv(depth+1, "widget", "number")
		w.kv(depth+1, "value_type", "int")
	case t.Kind() == reflect.Bool:
		w.kv(depth+1, "widget", "boolean")
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		w.kv(depth+1, "widget", "list")
	case t.Kind() == reflect.Slice:
		w.kv(depth+1, "widget", "list")
		w.line(depth+1, "fields:")
		w.fields(depth+2, t.Elem().Elem())
	case t.Kind() == reflect.Pointer:
		w.kv(depth+1, "widget", "object")
		w.line(depth+1, "fields:")
		w.fields(depth+2, t.Elem())
	default:
		panic(fmt.Sprintf("cms: no widget for %s", t))
	}
}

// enumPrefix maps closed-list types to their label prefix in i18n.
var enumPrefix = map[string]string{
	"Status": "status", "Profession": "profession", "Structure": "structure",
	"BoardRole": "board", "MissionKind": "mission", "MissionStatus": "mission_status",
	"MemberKind": "member_kind",
}

type yamlWriter struct {
	b     strings.Builder
	label func(string) string
}

func (w *yamlWriter) l(key string) string {
	if w.label == nil {
		return key
	}
	return w.label(key)
}

func (w *yamlWriter) line(depth int, s string) {
	w.b.WriteString(strings.Repeat("  ", depth))
	w.b.WriteString(s)
	w.b.WriteByte('\n')
}

func (w *yamlWriter) kv(depth int, k, v string) { w.line(depth, k+": "+quote(v)) }

// quote writes a YAML double-quoted scalar.
func quote(s string) string { return strconv.Quote(s) }
