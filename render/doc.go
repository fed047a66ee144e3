// Package render turns a folder of articles into a static site of quotes per
// speaker.
//
// Build runs the pipeline:
//
//  1. load: read verbatim.yaml, list and read the articles (package
//     document), failing on the first malformed one unless KeepGoing.
//  2. extract: find the quotes of each article in parallel, through a cache
//     keyed by a hash of the article, so a rebuild only re-reads what changed.
//  3. model: link quotes, articles and speakers into a Site, with stable
//     slugs (package slug) and a fixed order everywhere.
//  4. outputs: every page kind, feed, sitemap and index is a row of one
//     table (outputs.go) that lists paths and renders bytes from the Site.
//  5. write: render the pages in parallel; nothing in the output folder is
//     touched until every page has rendered, so a failed build leaves the
//     last good site in place. A first build writes a temporary folder and
//     swaps it in; a rebuild reads the manifest of the previous one (hashes
//     of each page's inputs and bytes, fingerprint.go), renders only the
//     pages whose inputs changed, and moves in only the files that differ.
//
// Output is byte-for-byte deterministic: no build time in pages, every list
// sorted with tie-breakers, the same bytes whatever GOMAXPROCS.
package render
