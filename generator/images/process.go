package images

import (
	"errors"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/markup"
	"github.com/cpts-fr/cpts/generator/output"
)

// Default settings.
const (
	DefaultQuality  = 75        // JPEG quality of photos; logos get at least 85
	DefaultMaxBytes = 200 << 10 // the budget of one version: 200 KiB
	DefaultLogoW    = 160       // width of the box a logo fits in, in CSS pixels
	DefaultLogoH    = 80        // height of that box
	Folder          = "images/" // where versions are published
)

// DefaultWidths are the widths of a photo's versions, for srcset.
var DefaultWidths = []int{480, 960, 1600}

// Options configure Process. The zero value uses the defaults.
type Options struct {
	// Cache is the folder kept between builds; empty disables the cache.
	Cache string
	// Widths are the widths of a photo's versions; nil means DefaultWidths.
	Widths []int
	// Quality is the JPEG quality of photos, 1 to 100; 0 means DefaultQuality.
	Quality int
	// MaxBytes is the size a version should not exceed; 0 means DefaultMaxBytes.
	MaxBytes int
	// Workers is how many images are processed at once; 0 means GOMAXPROCS.
	Workers int
	// Memo, when set, keeps what was processed for the next Check or
	// Process of the same build, which then does not do it again.
	Memo *Memo
}

func (o Options) settings() settings {
	s := settings{widths: slices.Clone(o.Widths), quality: o.Quality, maxBytes: o.MaxBytes, logoW: DefaultLogoW, logoH: DefaultLogoH}
	if len(s.widths) == 0 {
		s.widths = slices.Clone(DefaultWidths)
	}
	sort.Ints(s.widths)
	if s.quality <= 0 || s.quality > 100 {
		s.quality = DefaultQuality
	}
	if s.maxBytes <= 0 {
		s.maxBytes = DefaultMaxBytes
	}
	return s
}

// Stats are the figures of a Process run, for the build summary.
type Stats struct {
	Images int           // images processed: distinct files and roles
	Cached int           // of which were read from the cache
	Time   time.Duration // spent on the images not in the cache
	Max    time.Duration // the slowest of them
	Files  int           // versions published
	Bytes  int64         // their total size
	// CacheErr tells why processed images could not be kept for the next
	// build (no cache folder, or one that cannot be written); nil when
	// they were.
	CacheErr error
}

// HitRate is the share of images read from the cache, 0 to 1.
func (s Stats) HitRate() float64 {
	if s.Images == 0 {
		return 0
	}
	return float64(s.Cached) / float64(s.Images)
}

// PerImage is the mean processing time of the images not in the cache.
func (s Stats) PerImage() time.Duration {
	if n := s.Images - s.Cached; n > 0 {
		return s.Time / time.Duration(n)
	}
	return 0
}

// Set is the result of Process: the versions of every image, to look up
// by the Markdown file and destination that show it, and the files to
// publish. It implements markup.ImageResolver.
type Set struct {
	images map[job]markup.Image
	Files  []output.File // sorted by path
	Stats  Stats
}

// Image returns a photo: an image of Markdown text or a news cover.
func (s *Set) Image(file, dest string) (markup.Image, bool) { return s.lookup(file, dest, Photo) }

// Logo returns a CPTS logo.
func (s *Set) Logo(file, dest string) (markup.Image, bool) { return s.lookup(file, dest, Logo) }

func (s *Set) lookup(file, dest string, role Role) (markup.Image, bool) {
	if s == nil {
		return markup.Image{}, false
	}
	p, err := Source(file, dest)
	if err != nil {
		return markup.Image{}, false
	}
	img, ok := s.images[job{p, role}]
	return img, ok
}

// job is one image to process: a file of the site and a role.
type job struct {
	path string
	role Role
}

// Process reads, resizes and encodes every image refs point to, with
// the cache of opts. Problems are reported at the first reference to the
// image; Check has reported most of them already.
func Process(fsys fs.FS, refs []Ref, opts Options) (*Set, diag.List) {
	s := opts.settings()
	c := newCache(opts.Cache)
	first := map[job]Ref{}
	var jobs []job
	for _, r := range refs {
		p, err := Source(r.File, r.Dest)
		if err != nil {
			continue // Check reports it
		}
		j := job{p, r.Role}
		if _, ok := first[j]; !ok {
			first[j] = r
			jobs = append(jobs, j)
		}
	}
	sort.Slice(jobs, func(a, b int) bool {
		if jobs[a].path != jobs[b].path {
			return jobs[a].path < jobs[b].path
		}
		return jobs[a].role < jobs[b].role
	})

	results := make([]outcome, len(jobs))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if o, ok := opts.Memo.get(jobs[i]); ok {
					results[i] = o
					continue
				}
				start := time.Now()
				p, cached, err := processOne(fsys, jobs[i], s, c)
				results[i] = outcome{p, err, cached, time.Since(start)}
				opts.Memo.put(jobs[i], results[i])
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()

	set := &Set{images: map[job]markup.Image{}}
	var diags diag.List
	published := map[string]bool{}
	for i, j := range jobs {
		res := results[i]
		if res.err != nil {
			r := first[j]
			diags.Errorf(r.Pos, diag.Image, "image %s: %v", r.Dest, res.err)
			continue
		}
		set.Stats.Images++
		if res.cached {
			set.Stats.Cached++
		} else {
			set.Stats.Time += res.took
			set.Stats.Max = max(set.Stats.Max, res.took)
		}
		img := markup.Image{Width: res.p.Width, Height: res.p.Height}
		base := baseName(j.path)
		for k, v := range res.p.Versions {
			name := output.Fingerprint(Folder+base+"-"+strconv.Itoa(v.Width)+v.Ext, v.Data)
			if k == res.p.Src {
				img.Src = "/" + name
			}
			if len(res.p.Versions) > 1 {
				img.Srcset = append(img.Srcset, markup.Candidate{Path: "/" + name, Descriptor: v.Descriptor})
			}
			if !published[name] {
				published[name] = true
				set.Files = append(set.Files, output.File{Path: name, Data: v.Data})
				set.Stats.Files++
				set.Stats.Bytes += int64(len(v.Data))
			}
		}
		set.images[j] = img
	}
	sort.Slice(set.Files, func(a, b int) bool { return set.Files[a].Path < set.Files[b].Path })
	set.Stats.CacheErr = opts.Memo.cacheFailure(c.failure())
	if c == nil {
		set.Stats.CacheErr = errors.New("no cache folder")
	}
	return set, diags
}

// processOne processes one image, through the cache.
func processOne(fsys fs.FS, j job, s settings, c *cache) (*processed, bool, error) {
	data, err := readImage(fsys, j.path, 0)
	if err != nil {
		return nil, false, err
	}
	key := cacheKey(data, j.role, s)
	if p := c.get(key); p != nil {
		return p, true, nil
	}
	p, err := process(data, j.role, s)
	if err != nil {
		return nil, false, err
	}
	if len(p.Versions) == 0 {
		return nil, false, errors.New("no version produced")
	}
	c.put(key, p)
	return p, false, nil
}

// baseName is the slug of an image's file name, the start of the names
// of its versions: "Photo AG 2024.JPG" -> "photo-ag-2024".
func baseName(p string) string {
	b := strings.TrimSuffix(path.Base(p), path.Ext(p))
	if s := fold.Slug(b); s != "" {
		return s
	}
	return "image"
}
