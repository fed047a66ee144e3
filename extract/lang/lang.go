// Package lang holds the language data of the quote extractor, one folder per
// language code (fr/, en/, de/), each with the same set of plain-text files:
// reporting verbs, speech nouns, "according to" phrases, pronouns, roles,
// demonyms, honorifics, first names, non-names, page furniture, stop words
// and organisation words. The files are embedded so the binary needs nothing
// at run time; extract.LoadLexicon parses them. Adding a language means adding
// a folder, not code. typography.txt, at the root, holds what every language
// shares: the characters around quotation marks that tell an opening mark
// from a closing one, and the apostrophes.
package lang

import "embed"

// FS is read-only: embed.FS cannot be modified, so sharing it is safe.
//
//go:embed *.txt */*.txt
var FS embed.FS
