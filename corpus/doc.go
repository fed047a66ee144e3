// Package corpus owns the corpus: the one pipeline behind every command
// that reads articles (build, serve, speakers, extract, eval), so that they
// all read, extract and link the same way and give the same speaker ids.
//
//  1. Read lists and reads the articles of a folder (package document):
//     drafts left out, a document id used twice refused, links out of the
//     folder skipped with a warning, malformed files or JSON lines failing
//     the run or, under KeepGoing, skipped.
//  2. Extract finds the quotes of each article and describes their speakers
//     (extract.Result) on one worker pool (Ordered), behind one panic guard
//     (Analyze) and the content-hash cache (Cache). An article's language
//     is its own, else the one detected from its text.
//  3. A Linker links the speakers of every article, in corpus order, into
//     corpus-wide speakers with speakers.yaml (package speakers) and the
//     ids no speaker may take (UnattributedID); the editors' corrections
//     (package corrections) are applied to the linked quotes. Linking is
//     corpus-wide, so the Cache also keeps its last results (linkcache.go),
//     keyed by everything the Linker read (speakers.Linker.Key): after a
//     change that leaves the speakers, their names and their quotes' ids as
//     they were (most edits of an article), a rebuild does not link again.
//
// Load runs the three for a folder, Build the last two for documents read
// already; both return a Corpus with its warnings. LoadRecords reads a
// folder's articles but takes their quotes and speaker ids from the
// records of a finished run (extract --jsonl, verbatim-beam) instead of
// extracting and linking: build --quotes. extract, which streams
// input larger than memory, uses the same stages one document at a time:
// Ordered, Analyze and a Linker (the streaming form), drafts written but
// not linked, as a site leaves them out.
package corpus
