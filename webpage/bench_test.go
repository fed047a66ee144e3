package webpage_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/webpage"
)

func BenchmarkParse(b *testing.B) {
	furniture, err := os.ReadFile("testdata/furniture.html")
	if err != nil {
		b.Fatal(err)
	}
	// A long article (1.6 MB) inside forty furniture-named wrappers that
	// hold most of the text: the furniture pass must keep them, and the
	// readability library's cost grows with the depth.
	big := []byte(strings.Repeat(`<div class="share-wrapper">`, 40) +
		strings.Repeat(`<p>The council met on Monday and said "yes" to the plan, <a href="#">twice</a>.</p>`, 20000) +
		strings.Repeat(`</div>`, 40))
	for _, bc := range []struct {
		name string
		page []byte
	}{{"furniture", furniture}, {"big", big}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.page)))
			for b.Loop() {
				if _, err := webpage.Parse(bytes.NewReader(bc.page), "https://example.org/a"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
