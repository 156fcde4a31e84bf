package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"rsc.io/qr"
)

// TestQRDrawsItsCode reads the modules back from the SVG of qrSVG and
// compares them with the code of the text, module by module, quiet zone
// included.
func TestQRDrawsItsCode(t *testing.T) {
	for _, text := range []string{"https://example.org/cpts/pays-de-lunel/", "https://cpts.example.fr/annuaire/cpts/" + strings.Repeat("tres-long-", 12) + "/"} {
		svg, err := qrSVG(text, `Code "QR" <de> la CPTS`)
		if err != nil {
			t.Fatal(err)
		}
		code, err := qr.Encode(text, qr.M)
		if err != nil {
			t.Fatal(err)
		}
		side := code.Size + 2*qrQuiet
		if want := fmt.Sprintf(`viewBox="0 0 %d %d"`, side, side); !strings.Contains(string(svg), want) {
			t.Fatalf("no %s in %.200s", want, svg)
		}
		if !strings.Contains(string(svg), `aria-label="Code &#34;QR&#34; &lt;de&gt; la CPTS"`) {
			t.Errorf("label not escaped: %.300s", svg)
		}
		drawn := make([][]bool, side)
		for i := range drawn {
			drawn[i] = make([]bool, side)
		}
		runs := regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`).FindAllStringSubmatch(string(svg), -1)
		if len(runs) == 0 {
			t.Fatal("no module drawn")
		}
		for _, m := range runs {
			var x, y, w int
			fmt.Sscan(m[1]+" "+m[2]+" "+m[3], &x, &y, &w)
			for i := x; i < x+w; i++ {
				drawn[y][i] = true
			}
		}
		for y := range side {
			for x := range side {
				if want := code.Black(x-qrQuiet, y-qrQuiet); drawn[y][x] != want {
					t.Fatalf("%q: module (%d, %d) drawn %v, want %v", text, x, y, drawn[y][x], want)
				}
			}
		}
	}
}
