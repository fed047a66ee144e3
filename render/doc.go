// Package render turns a folder of articles into a static site of quotes per
// speaker.
//
// Build runs the pipeline:
//
//  1. corpus: read verbatim.yaml, speakers.yaml and corrections.yaml, then
//     hand the content folder to package corpus, the pipeline every command
//     shares: it reads the articles (failing on the first malformed one
//     unless KeepGoing), extracts them through a cache keyed by a hash of
//     the article, so a rebuild only re-reads what changed, links the
//     speakers in path order, so that `verbatim speakers` and `verbatim
//     extract` give the same ids (through the same cache, keyed by all
//     that linking reads, so most edits of an article link nothing
//     again), and applies speakers.yaml and the corrections. Rules and
//     corrections that match nothing are warnings.
//  2. model: place quotes, articles and speakers in a Site, with stable
//     slugs (package slug; a speaker's is its id), duplicates grouped (wire
//     copy shown once with all its sources) and a fixed order everywhere.
//  3. outputs: every page kind, feed, sitemap and index is a row of one
//     table (outputs.go) that lists paths and renders bytes from the Site.
//     Quote, article and speaker pages, nearly all of a site, and the
//     lists of articles and speakers are written by plain Go (fastpage.go)
//     that gives the bytes html/template gives with the built-in
//     templates, without its reflection; a site that overrides base.html
//     or one of their templates gets html/template.
//  4. write: render the pages in parallel; nothing in the output folder is
//     touched until every page has rendered, so a failed build leaves the
//     last good site in place. Every build makes a whole new site in a
//     folder beside the output, the site before the last brought up to
//     date, and exchanges the two in one step (write.go), so that a reader
//     or a kill sees the old site or the new one, never a mix. A rebuild
//     reads the manifest of the previous one (hashes of each page's inputs
//     and bytes, fingerprint.go), renders only the pages whose inputs
//     changed, and hard-links the files that did not differ, which keep
//     their inode and time. The files put in the site by hand are kept;
//     the state a build leaves beside the site (".out.state") names them,
//     so that the next reads only the folders changed since. That reading
//     of the current site changes nothing, and runs while the model is
//     built (scanSite).
//
// Output is byte-for-byte deterministic: no build time in pages, every list
// sorted with tie-breakers, the same bytes whatever GOMAXPROCS.
package render
