// Package serve previews a verbatim site on this machine while it is being
// written.
//
// Run builds the site into a temporary folder, serves it on 127.0.0.1,
// polls the content folder, the site's templates and its configuration for
// changes, rebuilds, and tells the open pages to reload through Server-Sent
// Events (a small script is added to every HTML page it serves; the files
// on disk are not touched). A failed rebuild is reported and the last good
// site stays up.
package serve
