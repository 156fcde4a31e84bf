package images

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// cacheVersion changes whenever processing changes in a way the settings
// do not show, so that old entries are not reused.
const cacheVersion = "cpts-images-1"

// cache keeps processed images in a folder between builds: one JSON file
// per image, named by a hash of the source bytes, the role, the settings,
// the Go version (whose encoders make the bytes) and the architecture
// (whose floating point the resampling uses). Entries are written
// to a temporary file and renamed, so concurrent builds and a killed
// build leave no half entry. A cache that cannot be written is only
// read from.
type cache struct {
	dir string
	mu  sync.Mutex
	err error // why entries cannot be written
}

// cacheEntry is the file of one processed image, with a checksum of each
// version, since a corrupt entry must be processed again, not published.
type cacheEntry struct {
	Key       string
	Processed processed
	Sums      []string
}

func newCache(dir string) *cache {
	if dir == "" {
		return nil
	}
	return &cache{dir: dir}
}

// key identifies the processing of data for a role with settings.
func cacheKey(data []byte, role Role, s settings) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s %s\x00%d\x00%s\x00", cacheVersion, runtime.Version(), runtime.GOARCH, role, s)
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

func (c *cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".json")
}

// get returns the entry for key, or nil when there is none or it is
// damaged.
func (c *cache) get(key string) *processed {
	if c == nil {
		return nil
	}
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil || e.Key != key || len(e.Sums) != len(e.Processed.Versions) || len(e.Processed.Versions) == 0 {
		return nil
	}
	for i, v := range e.Processed.Versions {
		if sum(v.Data) != e.Sums[i] {
			return nil
		}
	}
	return &e.Processed
}

// put stores an entry; after a first failure, it no longer tries.
func (c *cache) put(key string, p *processed) {
	if c == nil {
		return
	}
	c.mu.Lock()
	failed := c.err != nil
	c.mu.Unlock()
	if failed {
		return
	}
	if err := c.write(key, p); err != nil {
		c.mu.Lock()
		if c.err == nil {
			c.err = err
		}
		c.mu.Unlock()
	}
}

func (c *cache) write(key string, p *processed) error {
	e := cacheEntry{Key: key, Processed: *p}
	for _, v := range p.Versions {
		e.Sums = append(e.Sums, sum(v.Data))
	}
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	dir := filepath.Dir(c.path(key))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), c.path(key))
	}
	if werr != nil {
		os.Remove(f.Name())
	}
	return werr
}

// failure is why the cache could not be written, or nil.
func (c *cache) failure() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
