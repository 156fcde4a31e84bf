package output

import (
	"bytes"
	"sync"
)

// buffers are reused from page to page: a build makes tens of thousands
// of pages, each written once into a template buffer and once minified,
// and both are garbage as soon as the file is on disk.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooled is the largest buffer kept for reuse: the few pages above it
// (national lists) would keep their memory for pages a tenth their size.
const maxPooled = 1 << 20

// GetBuffer returns an empty buffer from the pool.
func GetBuffer() *bytes.Buffer {
	b := buffers.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

// PutBuffer gives b back to the pool; b must not be used after. A nil b
// is ignored.
func PutBuffer(b *bytes.Buffer) {
	if b != nil && b.Cap() <= maxPooled {
		buffers.Put(b)
	}
}
