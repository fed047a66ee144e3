// Package templates holds the built-in html/template files, CSS and scripts
// of the site, embedded in the binary so that verbatim build runs anywhere.
// A site overrides any single file by putting its own in its templates/
// folder.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed *.html *.css *.js
var files embed.FS

// FS returns the built-in templates.
func FS() fs.FS { return files }
