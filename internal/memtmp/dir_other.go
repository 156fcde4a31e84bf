//go:build !linux

package memtmp

// Dir returns "": only Linux's /dev/shm is known to be memory.
func Dir() string { return "" }
