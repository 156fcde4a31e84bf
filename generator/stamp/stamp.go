// Package stamp lets `cpts build` leave alone a published site that an
// identical build would make again: after a build is published, a stamp
// beside it records the fingerprint of everything the build read (the
// site's files, the program, its options, the git dates), the fingerprint
// of the published folder's listing, and the span of build dates over
// which the same site publishes the same files. The next build whose
// fingerprints match and whose date falls in that span has nothing to do:
// the national corpus is checked in about a second instead of being built
// again in twenty.
//
// A build reads only its configuration file and the folders of
// sitefs.Read, through the site's file system; the program carries the
// theme and the reference data. The fingerprint covers all of them, by
// content (not modification time: a fresh clone in CI has new times and
// the same bytes).
package stamp

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/sitefs"
)

// version changes whenever what a stamp means changes: an older stamp is
// then never fresh.
const version = 1

// Stamp is what a published build leaves beside its folder.
type Stamp struct {
	Version int    `json:"version"`
	Inputs  string `json:"inputs"` // see Inputs
	Output  string `json:"output"` // see Listing
	// From and Until bound the build dates that publish the same files as
	// the stamped build: From is its date, Until the next date a news
	// item, an expiry or the end of an event changes what is published
	// (zero: none does).
	From  time.Time `json:"from"`
	Until time.Time `json:"until,omitzero"`
	// Summary is the stamped build's summary without its timings, and
	// Diagnostics its warnings, which a skipped build reports again.
	Summary     string    `json:"summary"`
	Diagnostics diag.List `json:"diagnostics,omitempty"`
}

// Path is the stamp of the site published in dest: beside it, a hidden
// file named after it (".cpts-stamp-public.json"), so that it is never
// published itself.
func Path(dest string) string {
	abs, err := filepath.Abs(dest)
	if err != nil {
		abs = dest
	}
	return filepath.Join(filepath.Dir(abs), ".cpts-stamp-"+filepath.Base(abs)+".json")
}

// Read reads the stamp of dest; a missing or unreadable stamp, or one of
// another version, is nil.
func Read(dest string) *Stamp {
	data, err := os.ReadFile(Path(dest))
	if err != nil {
		return nil
	}
	var s Stamp
	if json.Unmarshal(data, &s) != nil || s.Version != version {
		return nil
	}
	return &s
}

// Write records s as the stamp of dest.
func (s *Stamp) Write(dest string) error {
	s.Version = version
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	tmp := Path(dest) + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, Path(dest))
}

// Remove removes the stamp of dest, if any: the next build is a whole one.
func Remove(dest string) { _ = os.Remove(Path(dest)) }

// Fresh reports whether a build at now, whose inputs have the fingerprint
// inputs, would publish what the stamp describes, and whether the folder
// published is still the one stamped (output: its Listing).
func (s *Stamp) Fresh(inputs, output string, now time.Time) bool {
	return s != nil && s.Inputs == inputs && s.Output == output &&
		!now.Before(s.From) && (s.Until.IsZero() || now.Before(s.Until))
}

// Inputs returns the fingerprint of what a build of fsys reads: the
// configuration file config and every file and folder of sitefs.Read (but
// hidden files, which a build never reads), by path and content, with
// extra, the other inputs (the program, the options, the git dates), in
// order. An error (a file that cannot be read, a path sitefs refuses)
// means there is no fingerprint: the build must run, and report it.
func Inputs(fsys fs.FS, config string, extra ...[]byte) (string, error) {
	var names []string // folders end with a slash
	if _, err := fs.Stat(fsys, config); err == nil {
		names = append(names, config)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	for _, root := range sitefs.Read {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				if p == root && errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			case strings.HasPrefix(d.Name(), ".") && !d.IsDir():
				// A build never reads a hidden file. It judges the
				// entries of hidden folders (sitefs.Scan): they count.
			case d.IsDir():
				names = append(names, p+"/")
			default:
				names = append(names, p)
			}
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	sums := make([][]byte, len(names))
	err := parallel(len(names), func(i int) error {
		if strings.HasSuffix(names[i], "/") {
			return nil
		}
		data, err := fs.ReadFile(fsys, names[i])
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		sums[i] = sum[:]
		return nil
	})
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, e := range extra {
		field(h, e)
	}
	for i, name := range names {
		field(h, []byte(name))
		field(h, sums[i])
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// workers is how many files are read or listed at once: the reads wait on
// the disk (or the kernel) more than on a core.
const workers = 8

// parallel calls do for 0 to n-1 on workers goroutines, and returns the
// first error.
func parallel(n int, do func(i int) error) error {
	var next atomic.Int64
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n || errs[w] != nil {
					return
				}
				errs[w] = do(i)
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// field adds b to h, with its length, so that no two sequences of fields
// hash alike.
func field(h hash.Hash, b []byte) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
	h.Write(n[:])
	h.Write(b)
}

// Listing returns the fingerprint of the folder published at dest: the
// path, type, size and modification time of each entry but folders, so
// that a file changed or added by hand since the build makes the next one
// whole. A missing folder has none.
func Listing(dest string) (string, error) {
	entries, err := walk(dest)
	if err != nil {
		return "", err
	}
	return listing(entries), nil
}

// ListingOf is Listing of a folder that holds the files paths and nothing
// else (those a build just published, slash-separated): it asks for each
// of them instead of reading every folder, about twice as fast.
func ListingOf(dest string, paths []string) (string, error) {
	entries := make([]entry, len(paths))
	err := parallel(len(paths), func(i int) error {
		info, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(paths[i])))
		if err != nil {
			return err
		}
		entries[i] = entry{paths[i], info.Size(), info.ModTime().UnixNano(), info.Mode().Type()}
		return nil
	})
	if err != nil {
		return "", err
	}
	return listing(entries), nil
}

// listing is the fingerprint of entries, in path order.
func listing(entries []entry) string {
	sort.Slice(entries, func(i, j int) bool { return entries[i].path < entries[j].path })
	h := sha256.New()
	var b [24]byte
	for _, e := range entries {
		field(h, []byte(e.path))
		binary.LittleEndian.PutUint64(b[0:], uint64(e.size))
		binary.LittleEndian.PutUint64(b[8:], uint64(e.time))
		binary.LittleEndian.PutUint64(b[16:], uint64(e.mode))
		h.Write(b[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// entry is what Listing knows of a published file.
type entry struct {
	path       string // relative to the published folder, slash-separated
	size, time int64
	mode       fs.FileMode
}

// walk lists every entry under dest but folders, in no order, its
// folders read by workers goroutines at once: a published directory is
// mostly folders of one index.html, and reading them one after the other
// waits on the kernel more than on a core.
func walk(dest string) ([]entry, error) {
	var (
		mu      sync.Mutex
		entries []entry
		first   error
		pending sync.WaitGroup
		sem     = make(chan struct{}, workers)
	)
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = err
		}
		mu.Unlock()
	}
	var read func(dir, rel string)
	read = func(dir, rel string) {
		defer pending.Done()
		sem <- struct{}{}
		list, err := os.ReadDir(dir)
		var found []entry
		for _, d := range list {
			p := rel + d.Name()
			if d.IsDir() {
				pending.Add(1)
				go read(filepath.Join(dir, d.Name()), p+"/")
				continue
			}
			info, err := d.Info()
			if err != nil {
				fail(err)
				continue
			}
			found = append(found, entry{p, info.Size(), info.ModTime().UnixNano(), info.Mode().Type()})
		}
		<-sem
		if err != nil {
			fail(err)
		}
		mu.Lock()
		entries = append(entries, found...)
		mu.Unlock()
	}
	if _, err := os.Lstat(dest); err != nil {
		return nil, err
	}
	pending.Add(1)
	read(dest, "")
	pending.Wait()
	return entries, first
}
