// Package memtmp gives the tests of a package their scratch folders in
// memory when the machine has room there.
//
// Tests build sites: thousands of small files each, created and deleted
// again. On the ext4 disk of the CI machine, creating a file where many
// were recently deleted costs about a millisecond in the kernel (the
// inode allocator scans for a free inode that was not recently deleted,
// writers of one folder wait on its lock): `go test ./...` spent 40 s of
// system time there, 15 s with its scratch in memory. Writing to a tmpfs
// checks the same behaviour (files, folders, renames, permissions) at the
// speed of memory.
package memtmp

import "os"

// minFree is the free space /dev/shm must have: the largest tests write a
// few hundred megabytes at once (a container's default /dev/shm, 64 MB,
// is too small, and the tests then use the disk).
const minFree = 4 << 30

// Main runs the tests of m with TMPDIR set to a new folder in memory when
// the machine has one with room (see Dir), removed afterwards, and
// returns their exit code. Scratch folders (t.TempDir, os.MkdirTemp,
// testscript's $WORK) and the processes the tests start inherit it.
func Main(m interface{ Run() int }) int {
	shm := Dir()
	if shm == "" {
		return m.Run()
	}
	dir, err := os.MkdirTemp(shm, "cpts-test-")
	if err != nil {
		return m.Run()
	}
	defer os.RemoveAll(dir)
	os.Setenv("TMPDIR", dir)
	return m.Run()
}
