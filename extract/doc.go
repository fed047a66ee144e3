// Package extract finds direct quotations in news text and tells who said them.
//
// The pipeline runs once per document, in linear time, with no shared mutable
// state (an Extractor is safe for concurrent use):
//
//  1. text.go: index the text by code point, cut paragraphs (one per line;
//     wrap.go first reads the breaks that only wrap a line as spaces);
//     records.go flags the headline, page furniture and related-link lists.
//  2. spans.go: pair quotation marks of every style (« », “ ”, " ", „ “, ‹ ›,
//     ‘ ’) into spans, nested marks inside, unbalanced marks never past the
//     paragraph, multi-paragraph quotes as one span per paragraph piece;
//     straight and single marks, which may open or close or be apostrophes,
//     are told apart by the characters around them (typography.go reads
//     them from lang/typography.txt);
//     incise.go cuts French quotes at an incise kept inside the marks.
//  3. text.go: tokens (each quote span is one token) and sentences.
//  4. mentions.go: names (with honorifics, particles, initials), roles and
//     descriptions ("le président kazakh"), pronouns; appositions link roles
//     to names.
//  5. resolve.go: group name mentions into the article's people and
//     organisations (spelling variants merged, fullest form canonical);
//     resolve pronouns, "ce dernier" and descriptions to them.
//  6. attribution sieves (sieve.go and sieve_*.go, one type a file): cue
//     sieves read the quote's sentence for a reporting expression and its
//     speaker (after the quote, before it, after an aside, in the next
//     sentence, a name signed after a dash, a verb alone); context sieves
//     attribute a quote with no cue (in a text told as dialogue, the turn
//     of the other speaker; the previous quote, the subject of the
//     sentences before or of a paragraph ending on a colon, the paragraph's
//     speaker or its clause's subject for a long partial). cues.go holds
//     what they share: reporting verbs with French inversion, noun-phrase
//     chains.
//  7. records.go: reject scare quotes, terms set apart ("dite", "so-called"),
//     titles and names given ("intitulé", "dubbed"), slogans on banners and
//     signs, and build the Quote records with the cue, the mention and the
//     sieve that explain each speaker.
//
// Language knowledge lives in embedded data files under lang/<code>/ (read
// by lexicon.go and grammar.go): a new language is a new folder.
package extract
