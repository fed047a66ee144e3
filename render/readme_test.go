package render

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadmeDocumentsFeed checks that the README section the feeds link to
// (_verbatim.about) exists and lists every field of the extension.
func TestReadmeDocumentsFeed(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	readme := string(data)
	_, anchor, ok := strings.Cut(feedAbout, "#")
	require.True(t, ok)
	anchors := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^#+ (.+)$`).FindAllStringSubmatch(readme, -1) {
		anchors[githubAnchor(m[1])] = true
	}
	require.True(t, anchors[anchor], "README has no heading for #%s", anchor)

	section := readme[strings.Index(readme, "## JSON Feed"):]
	section = section[:strings.Index(section[3:], "\n## ")+3]
	ty := reflect.TypeFor[feedVerbatim]()
	for f := range ty.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		assert.Contains(t, section, "`"+name+"`", "the README documents _verbatim.%s", name)
	}
}

// githubAnchor is the fragment GitHub gives a heading.
func githubAnchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127:
			b.WriteRune(r)
		}
	}
	return b.String()
}
