// Package webpage turns a saved or downloaded HTML news page into an Article:
// its main text, one paragraph per line, and its metadata.
//
// The pipeline for one page:
//
//  1. read at most Options.MaxBytes and decode the charset (byte order mark,
//     Content-Type, <meta charset>, else UTF-8 when the bytes are valid UTF-8,
//     else windows-1252), then parse with golang.org/x/net/html, refusing
//     pages nested deeper or more heavily than any real article;
//  2. read the metadata from the whole page: JSON-LD NewsArticle/Article
//     first (with @graph and @id references), then meta tags, then <title>,
//     <html lang> and <link rel=canonical>;
//  3. remove page furniture before the readability library sees it: scripts,
//     nav, aside, footer, hidden elements, and elements whose class or id
//     says related, share, social, comment, newsletter, promo or ad;
//  4. let codeberg.org/readeck/go-readability find the main content, then
//     drop link lists and "read more" lines it kept;
//  5. write the content as text: one paragraph, heading or list item per
//     line, lines separated by blank lines, entities decoded, whitespace
//     collapsed, quotation marks kept exactly as published.
//
// The text is what the quote extractor reads, so its shape matters more than
// its look: the extractor treats every line as a paragraph.
package webpage
