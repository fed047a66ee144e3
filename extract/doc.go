// Package extract finds direct quotations in news text and tells who said them.
//
// The pipeline runs once per document, in linear time, with no shared mutable
// state:
//
//  1. normalize: index the text by code point, find paragraphs, headlines and
//     page furniture (share buttons, credits, related-article lists).
//  2. spans: pair quotation marks of every style into quote spans, across
//     paragraphs when a paragraph opens a quote without closing it.
//  3. cues: find reporting verbs, inverted attributions (a-t-il ajouté,
//     said Smith), colons and "selon"/"according to" around each span.
//  4. mentions: find person names, titles and roles, pronouns.
//  5. resolve: link each mention to the fullest name of its person in the
//     article and merge spelling variants.
//  6. records: turn spans into Quote records, rejecting scare quotes and
//     titles, each with the cue and mention that explain its speaker.
//
// Language knowledge (verbs, roles, demonyms, pronouns, furniture) lives in
// embedded data files under lang/<code>/, so a new language is a new folder.
package extract
