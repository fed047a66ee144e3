package render

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStripControls(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain «text»\n", "plain «text»\n"},
		{"a\x00b\x01c\x1fd\x7fe", "abcde"},
		{"tab\there\r\nff\f", "tab\there\r\nff\f"},
		{"c1\u0085here\u009f", "c1here"},
		{"\u00a0nbsp é", "\u00a0nbsp é"},
		{"bell\a\vvt", "bellvt"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, string(stripControls([]byte(tt.in))), "%q", tt.in)
	}
}

// TestNoControlsInPages checks that control characters an article carries,
// in its title, its text and its quotes, reach no HTML page.
func TestNoControlsInPages(t *testing.T) {
	dir, opts, _ := smallSite(t)
	writeTree(t, dir, map[string]string{
		"content/ctl.md": "---\ntitle: \"Bell\\a and escape\\e title\"\ndate: 2024-01-04\nlang: en\n---\n\nA line\x01 with “con\x02trols\x7f” and\u0085 more.\n",
	})
	_, err := Build(context.Background(), opts)
	require.NoError(t, err)
	pages := 0
	for name, data := range readTree(t, opts.OutDir) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		assert.False(t, hasControl([]byte(data)), "%s carries a control character", name)
	}
	assert.Positive(t, pages)
	page := readFile(t, opts.OutDir, "articles/bell-and-escape-title/index.html")
	assert.Contains(t, page, "<h1>Bell and escape title</h1>")
	assert.Contains(t, page, "controls")
}
