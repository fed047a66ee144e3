// Package document reads news articles from disk into Documents, the unit the
// quote extractor works on.
//
// The pipeline for one file:
//
//  1. ReadFile dispatches on the extension: .md/.markdown (YAML front matter
//     between --- lines, then the body), .txt (title = first non-empty line,
//     text = the whole file), .jsonl (one JSON object per line) or
//     .html/.htm (a saved web page: the main text, one paragraph per line,
//     and its metadata, through the webpage package).
//  2. Every byte of input is validated first: a NUL byte means a binary file,
//     invalid UTF-8 is reported with file, line, column and byte offset.
//  3. Front matter fields that verbatim understands (title, date, lang,
//     source_url, outlet, authors, slug, draft, id) fill the Document; every
//     other field is kept in Params for templates.
//
// JSON Lines files can be far larger than memory, so JSONLReader streams them
// line by line, and a bad line does not stop the reader: the caller decides
// whether to go on. A caller that reads no Params (the extractor) parses
// lines with LineOptions{SkipParams: true}, leaving the other fields, such
// as an annotated corpus's gold quotes, undecoded. Walk lists the article files of a content folder the way
// Hugo does (hidden files and _index.md section pages left out).
//
// Text is kept exactly as published: every quote offset the extractor reports
// is a code point index into Document.Text.
package document
