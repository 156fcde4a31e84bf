package boundary

import "testing"

// FuzzDecode feeds the topology reader with arbitrary files: it must
// return an error or a topology whose references all point at arcs, and
// never panic nor allocate without bound.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(magic))
	f.Add([]byte(magic + "\x01\x02\x00\x00\x02\x02\x01" + "46127" + "\x01\x01\x01\x00"))
	f.Add([]byte(magic + "\x01\x02\x00\x00\x02\x02\x01" + "46127" + "\x01\x01\x01\x01"))
	f.Add([]byte(magic + "\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		tp, err := decode(raw)
		if err != nil {
			return
		}
		for i := range tp.NumArcs() {
			tp.Arc(i) // decoded from what decode checked: no panic
		}
		for _, c := range tp.Codes() {
			s, _ := tp.Shape(c)
			for _, poly := range s {
				for _, ring := range poly {
					for _, ref := range ring {
						if index(ref) >= tp.NumArcs() {
							t.Fatalf("%s: ref %d out of %d arcs", c, ref, tp.NumArcs())
						}
					}
				}
			}
		}
	})
}
