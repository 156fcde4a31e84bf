package linkcheck

import (
	"bytes"
	"html"
	"math"
	"slices"
	"sync"
	"unicode"
)

// Collector gathers the links and ids of the HTML pages of a build as
// they are made (see output.Set.InspectWith), so that checking them does
// not read the whole site back. It is safe for concurrent use. Each link
// and id is kept once, and pages refer to it by number: the thousands of
// pages of a directory link to the same few thousand paths.
type Collector struct {
	mu    sync.RWMutex // guards names; read to number known names
	names names

	pagesMu sync.Mutex
	pages   map[string]page
}

// NewCollector returns an empty collector.
func NewCollector() *Collector {
	return &Collector{pages: map[string]page{}}
}

// Add reads the links and ids of the file at p when it is an HTML page,
// replacing what an earlier version of p held; other files are ignored.
func (c *Collector) Add(p string, data []byte) {
	if !isPage(p) {
		return
	}
	r := readers.Get().(*reader)
	defer r.release()
	r.read(data)
	nl := len(r.names)
	r.names = append(r.names, r.ids...)
	nums := c.numbers(r.names, r.nums[:0])
	r.nums = nums
	pg := newPage(unique(nums[:nl]), unique(nums[nl:]))
	c.pagesMu.Lock()
	c.pages[p] = pg
	c.pagesMu.Unlock()
}

// unknown marks a name without a number yet.
const unknown = math.MaxUint32

// numbers appends the number of each name to out, giving one to the
// names it meets for the first time. Most names of a page are known
// already: they are looked up under a read lock, which the pages being
// added share.
func (c *Collector) numbers(names [][]byte, out []uint32) []uint32 {
	missing := false
	c.mu.RLock()
	for _, s := range names {
		n, ok := c.names.find(s)
		if !ok {
			n, missing = unknown, true
		}
		out = append(out, n)
	}
	c.mu.RUnlock()
	if !missing {
		return out
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, s := range names {
		if out[i] != unknown {
			continue
		}
		n, ok := c.names.find(s)
		if !ok {
			n = c.names.add(s)
		}
		out[i] = n
	}
	return out
}

// unique sorts nums and removes their duplicates.
func unique(nums []uint32) []uint32 {
	slices.Sort(nums)
	return slices.Compact(nums)
}

// hasID reports whether the page holds the id.
func (c *Collector) hasID(pg page, id string) bool {
	n, ok := c.names.find([]byte(id))
	if !ok {
		return false
	}
	return pg.hasID(n)
}

// A reader holds the links and ids of a page as read, before they are
// numbered: slices of the page, or unescaped copies. Readers are pooled,
// so that reading a page allocates nothing.
type reader struct {
	names [][]byte // the links, to which Add appends the ids to number them all at once
	ids   [][]byte
	nums  []uint32 // the numbers of names
}

var readers = sync.Pool{New: func() any { return new(reader) }}

// release forgets the page and puts r back in the pool.
func (r *reader) release() {
	clear(r.names)
	clear(r.ids)
	r.names, r.ids, r.nums = r.names[:0], r.ids[:0], r.nums[:0]
	readers.Put(r)
}

// read reads the links and the ids of an HTML page.
func (r *reader) read(data []byte) {
	scan(data, func(k kind, raw []byte) {
		v := unescape(raw)
		switch k {
		case id:
			r.ids = append(r.ids, v)
		case link:
			r.link(v)
		case srcset:
			for {
				c, rest, more := bytes.Cut(v, []byte(","))
				if f := firstField(c); len(f) > 0 {
					r.link(f)
				}
				if !more {
					break
				}
				v = rest
			}
		}
	})
}

// link keeps a link of the page, unless it is a plain http(s) URL: an
// absolute URL is never followed (see parse), and a page's canonical URL
// is a name no other page holds (a third of a national directory's names,
// for nothing).
func (r *reader) link(v []byte) {
	rest, ok := bytes.CutPrefix(v, []byte("https://"))
	if !ok {
		rest, ok = bytes.CutPrefix(v, []byte("http://"))
	}
	if ok && plain(rest) {
		return
	}
	r.names = append(r.names, v)
}

// unescape returns an attribute's value, its character references
// replaced; most values have none, and are returned as they are.
func unescape(raw []byte) []byte {
	if bytes.IndexByte(raw, '&') < 0 {
		return raw
	}
	return []byte(html.UnescapeString(string(raw)))
}

// firstField returns the first field of b, as strings.Fields cuts them.
func firstField(b []byte) []byte {
	b = bytes.TrimLeftFunc(b, unicode.IsSpace)
	if i := bytes.IndexFunc(b, unicode.IsSpace); i >= 0 {
		b = b[:i]
	}
	return b
}
