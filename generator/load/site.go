package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/sitefs"
)

// Options tune the loader.
type Options struct {
	// Config is the path of the configuration file in the site's file
	// system; empty means config.toml.
	Config string
	// MaxFileSize is the largest content file accepted, in bytes; a larger
	// one gets an error instead of being read. Zero means the config's
	// [limits] max_file_size, or else DefaultMaxFileSize.
	MaxFileSize int64
}

// DefaultMaxFileSize is the size limit of a content file.
const DefaultMaxFileSize = 2 << 20

// ConfigFile is the configuration file a site is read from: name, or
// config.toml when name is empty.
func ConfigFile(name string) string {
	if name == "" {
		return "config.toml"
	}
	return name
}

// Site reads config.toml and content/ from fsys. It returns the site with
// everything that could be read, and all diagnostics, sorted.
func Site(fsys fs.FS, opts Options) (*model.Site, diag.List) {
	opts.Config = ConfigFile(opts.Config)
	fromConfig := opts.MaxFileSize == 0
	if fromConfig {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	// Every entry the build could read is judged first, by the rule of
	// package sitefs: a refused one is reported once and never read.
	scanned, refused := sitefs.Scan(fsys, opts.Config)
	l := &loader{fsys: fsys, opts: opts, unsafe: refused, diags: scanned}
	site := &model.Site{Config: l.config()}
	if n := site.Config.Limits.MaxFileSize; fromConfig && n > 0 {
		l.opts.MaxFileSize = int64(n)
	}
	site.CPTS = l.allCPTS()
	for _, c := range site.CPTS {
		site.News = append(site.News, c.News...)
	}
	site.News = append(site.News, l.newsDir("content/news", nil)...)
	sortNews(site.News)
	site.Pages = l.pages()
	l.unknownFiles()
	return site, l.diags.Sort()
}

type loader struct {
	fsys  fs.FS
	opts  Options
	diags diag.List
	seen  map[string]bool // files the model knows, for the unknown-file warning
	// failed tells whether the last file read existed but could not be decoded.
	failed bool
	// unsafe holds the paths sitefs.Scan refused (and reported): never
	// read. It is shared by the loaders of every folder, read-only.
	unsafe map[string]bool
	// skipNews leaves the news of a CPTS folder unread (CPTSFolder).
	skipNews bool
	// again reads a file again for the lazy bodies (reader).
	again model.Reader
}

func (l *loader) know(p string) {
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	l.seen[p] = true
}

// read returns a file's checked text; ok is false when it is missing
// (and not required), unreadable, too big or not UTF-8.
func (l *loader) read(p string, required bool) (source, bool) {
	l.know(p)
	if l.unsafe[p] {
		return source{}, false
	}
	info, err := fs.Stat(l.fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		if required {
			l.diags.Errorf(diag.Pos{File: p}, diag.Required, "missing file %s", path.Base(p))
		}
		return source{}, false
	}
	if err != nil {
		l.ioError(p, "cannot read", err)
		return source{}, false
	}
	if info.IsDir() {
		l.diags.Errorf(diag.Pos{File: p}, diag.IO, "is a directory, want a file")
		return source{}, false
	}
	if info.Size() > l.opts.MaxFileSize {
		l.diags.Errorf(diag.Pos{File: p}, diag.IO, "file is %d bytes, more than the limit of %d", info.Size(), l.opts.MaxFileSize).
			WithHint("a content file this large is a mistake or an attack: split it into several records, or raise [limits] max_file_size in config")
		return source{}, false
	}
	raw, err := fs.ReadFile(l.fsys, p)
	if err != nil {
		l.ioError(p, "cannot read", err)
		return source{}, false
	}
	return newSource(p, raw, &l.diags)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// config reads config.toml over the defaults.
func (l *loader) config() model.Config {
	cfg := model.DefaultConfig()
	src, ok := l.read(l.opts.Config, true)
	if ok {
		decodeTOML(src, src.text, 1, diag.Pos{File: src.path, Line: 1, Col: 1}, &cfg, &l.diags)
	}
	return cfg
}

// tomlFile decodes an optional TOML file into v; an empty file is fine.
func (l *loader) tomlFile(p string, v any) bool {
	n := len(l.diags)
	src, ok := l.read(p, false)
	if ok {
		ok = decodeTOML(src, src.text, 1, diag.Pos{File: src.path, Line: 1, Col: 1}, v, &l.diags)
	}
	l.failed = !ok && len(l.diags) > n
	return ok
}

// markdownFile decodes a Markdown file's front matter into v and returns
// its body, holding its text.
func (l *loader) markdownFile(p string, required bool, v any) (model.Markdown, bool) {
	_, doc, ok := l.frontMatter(p, required, v)
	if !ok {
		return model.Markdown{}, false
	}
	return model.NewMarkdown(doc.body, bodyPos(p, doc)), true
}

// lazyMarkdownFile is markdownFile for a body left in its file and read
// again when needed (model.LazyMarkdown): a news item's.
func (l *loader) lazyMarkdownFile(p string, v any) (model.Markdown, bool) {
	src, doc, ok := l.frontMatter(p, true, v)
	if !ok {
		return model.Markdown{}, false
	}
	return model.LazyMarkdown(bodyPos(p, doc), src.text, doc.body, l.reader()), true
}

func bodyPos(p string, doc document) diag.Pos { return diag.Pos{File: p, Line: doc.bodyLine, Col: 1} }

// reader returns the function that reads the text of a file again, as
// read does (through the site's file system, which judges the path each
// time; within the size limit; without its BOM), for the lazy bodies,
// which check it is the text they loaded: one for all the loader's bodies.
func (l *loader) reader() model.Reader {
	if l.again == nil {
		fsys, limit := l.fsys, l.opts.MaxFileSize
		l.again = func(p string) ([]byte, error) {
			f, err := fsys.Open(p) // one judgement of the path, one open
			if err != nil {
				return nil, model.ErrChanged
			}
			defer f.Close()
			info, err := f.Stat()
			if err != nil || !info.Mode().IsRegular() || info.Size() > limit {
				return nil, model.ErrChanged
			}
			raw := make([]byte, info.Size())
			if _, err := io.ReadFull(f, raw); err != nil {
				return nil, model.ErrChanged // shorter than it said: changed
			}
			return bytes.TrimPrefix(raw, bom), nil
		}
	}
	return l.again
}

// frontMatter reads a Markdown file and decodes its front matter into v.
func (l *loader) frontMatter(p string, required bool, v any) (source, document, bool) {
	src, ok := l.read(p, required)
	if !ok {
		return source{}, document{}, false
	}
	doc, ok := splitFrontMatter(src, &l.diags)
	if !ok {
		return source{}, document{}, false
	}
	if !decodeTOML(src, doc.front, doc.frontLine, diag.Pos{File: p, Line: 1, Col: 1}, v, &l.diags) {
		return source{}, document{}, false
	}
	return src, doc, true
}

// isSlug reports whether s is a slug: words of lowercase letters a-z and
// digits joined by single hyphens (^[a-z0-9]+(-[a-z0-9]+)*$).
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// checkSlug reports a folder or file name that cannot be a URL segment.
func (l *loader) checkSlug(p, slug string) bool {
	if sitefs.ReservedName(slug) {
		l.diags.Errorf(diag.Pos{File: p}, diag.Slug, "%q is a device name that Windows reserves: a checkout of the site or of its pages there fails", slug).
			WithHint("use another slug, such as %q", slug+"-1")
		return false
	}
	if isSlug(slug) {
		return true
	}
	d := l.diags.Errorf(diag.Pos{File: p}, diag.Slug, "%q is not a valid slug: use lowercase letters a-z, digits and single hyphens", slug)
	if s := Slugify(slug); s != "" {
		d.WithHint("rename it %q", s)
	}
	return false
}

// CheckSlug returns an error when s cannot be a slug, suggesting one.
func CheckSlug(s string) error {
	if sitefs.ReservedName(s) {
		return fmt.Errorf("%q is a device name that Windows reserves: use another slug, such as %q", s, s+"-1")
	}
	if isSlug(s) {
		return nil
	}
	return fmt.Errorf("%q is not a valid slug: use lowercase letters a-z, digits and single hyphens, such as %q", s, Slugify(s))
}

// Slugify turns a name into a slug: "Pays de Lunel" -> "pays-de-lunel".
func Slugify(s string) string { return fold.Slug(s) }

// dirEntries lists a folder, sorted; a missing folder is empty. Entries
// sitefs.Scan refused are left out.
func (l *loader) dirEntries(dir string) []fs.DirEntry {
	if l.unsafe[dir] {
		return nil
	}
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		l.ioError(dir, "cannot list", err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	out := entries[:0]
	for _, e := range entries {
		if p := dir + "/" + e.Name(); l.unsafe[p] {
			l.know(p)
			continue
		}
		out = append(out, e)
	}
	return out
}

// ioError reports an error of the file system: a refusal of package
// sitefs (a path Scan did not see, such as one made since) with its
// reason, anything else as it comes.
func (l *loader) ioError(p, what string, err error) {
	if r, ok := sitefs.AsRefused(err); ok {
		l.diags.Errorf(diag.Pos{File: p}, diag.Unsafe, "%s: refused", r.Reason).WithHint("%s", r.Hint)
		return
	}
	l.diags.Errorf(diag.Pos{File: p}, diag.IO, "%s: %v", what, unwrapPath(err))
}

// Ignored reports whether a file or folder name is one tools leave behind,
// which the build skips silently: hidden (".git"), an editor's backup
// ("x~") or lock ("#x#").
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#")
}

// unknownFiles warns about every file under content/ the model does not read.
func (l *loader) unknownFiles() {
	_ = fs.WalkDir(l.fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || l.unsafe[p] {
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if Ignored(d.Name()) && p != "content" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && !l.seen[p] && !IsImage(p) {
			WarnUnknown(&l.diags, p)
		}
		return nil
	})
}

// WarnUnknown adds to diags the warning of a build about the file at p,
// under content/, that the content model does not read.
func WarnUnknown(diags *diag.List, p string) {
	diags.Warnf(diag.Pos{File: p}, diag.UnknownFile, "file not part of the content model: ignored").
		WithHint("%s", unknownHint(p))
}

func unknownHint(p string) string {
	known := []string{"index.md", "communes.toml", "members.toml", "missions.toml", "contacts.toml", "events.toml"}
	base := path.Base(p)
	if s := diag.DidYouMean(diag.Suggest(base, known, 1)); s != "" && strings.HasPrefix(p, "content/cpts/") {
		return s
	}
	return "a CPTS folder holds index.md, communes.toml, members.toml, missions.toml, contacts.toml, events.toml and news/*.md; see the content model in README"
}

// IsImage reports whether a file name has the extension of an image the
// build publishes (JPEG, PNG, WebP, SVG). Images may sit anywhere under
// content/, beside the Markdown that shows them: they are not records,
// and the unknown-file warning leaves them alone.
func IsImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".webp", ".svg":
		return true
	}
	return false
}
