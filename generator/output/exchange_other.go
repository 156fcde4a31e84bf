//go:build !linux

package output

import "errors"

// exchange is not available: Publish falls back to two renames.
func exchange(a, b string) error { return errors.New("exchange not supported") }
