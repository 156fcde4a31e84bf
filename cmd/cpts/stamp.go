package main

import (
	"fmt"
	"io/fs"
	"sort"
	"time"

	"github.com/cpts-fr/cpts/generator/gitinfo"
	"github.com/cpts-fr/cpts/generator/stamp"
)

// buildInputs returns the fingerprint of what a build reads (package
// stamp): the site's files, the program, the options that change the
// output and the git dates; "" when it cannot be made, and the build then
// runs whole and leaves no stamp.
func buildInputs(fsys fs.FS, config string, git *gitinfo.Info, noMinify, drafts bool) string {
	program, err := stamp.Program()
	if err != nil {
		return ""
	}
	options := fmt.Sprintf("config=%s minify=%t drafts=%t", config, !noMinify, drafts)
	inputs, err := stamp.Inputs(fsys, config, program, []byte(options), gitDates(git))
	if err != nil {
		return ""
	}
	return inputs
}

// gitDates is the part of git history a build reads: the last change of
// each file, in path order.
func gitDates(git *gitinfo.Info) []byte {
	if git == nil {
		return nil
	}
	paths := make([]string, 0, len(git.Modified))
	for p := range git.Modified {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	b := fmt.Appendf(nil, "shallow=%t\n", git.Shallow)
	for _, p := range paths {
		b = fmt.Appendf(b, "%s %d\n", p, git.Modified[p].Unix())
	}
	return b
}

// upToDate returns the stamp of dest when the site published there is the
// one a build at now of inputs would make, else nil.
func upToDate(dest, inputs string, now time.Time) *stamp.Stamp {
	if inputs == "" {
		return nil
	}
	st := stamp.Read(dest)
	if st == nil {
		return nil
	}
	listing, err := stamp.Listing(dest)
	if err != nil || !st.Fresh(inputs, listing, now) {
		return nil
	}
	return st
}
