package render

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/templates"
)

// TestTemplateLinkOutsideRefused: a template file that is a symbolic link
// out of the site's template folder is an error naming it, never a copy of
// the file it points to.
func TestTemplateLinkOutsideRefused(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	require.NoError(t, os.WriteFile(outside, []byte("not for the site"), 0o600))
	dir := t.TempDir()
	require.NoError(t, os.Symlink(outside, filepath.Join(dir, "style.css")))
	_, err := overlay{dir: dir, base: templates.FS()}.ReadFile("style.css")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "style.css")
	assert.Contains(t, err.Error(), "outside")

	// A link inside the folder is the site's own file.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "own.css"), []byte("body{}"), 0o644))
	require.NoError(t, os.Symlink("own.css", filepath.Join(dir, "search.js")))
	data, err := overlay{dir: dir, base: templates.FS()}.ReadFile("search.js")
	require.NoError(t, err)
	assert.Equal(t, "body{}", string(data))
}
