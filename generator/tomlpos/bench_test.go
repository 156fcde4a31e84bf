package tomlpos

import (
	"fmt"
	"strings"
	"testing"
)

// bigDoc returns a valid document of at least size bytes.
func bigDoc(size int) []byte {
	var b strings.Builder
	b.WriteString(crossDocs["cpts"])
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "[[member]]\nname = \"Élodie %d\"  # accents\nprofession = \"infirmier\"\n"+
			"communes = [\"34145\", { insee = \"30258\", partial = true }, 'x']\n"+
			"note = \"\"\"multi\nkey = \"line\"\n\"\"\"\nstart = 2021-03-15\n[member.address]\ncommune = \"49176\"\n", i)
	}
	return []byte(b.String())
}

// BenchmarkLocate reports, besides the usual, the time per 10 KB of source.
func BenchmarkLocate(b *testing.B) {
	src := bigDoc(100 << 10)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Locate(src)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(float64(len(src))/10240), "ns/10KB")
}
