// Package fetch downloads news articles and stores them in the content folder
// as Markdown with YAML front matter.
//
// The pipeline for one URL:
//
//  1. Client.Fetch sends one polite GET (a User-Agent naming verbatim and its
//     home page, a timeout per attempt, a bounded number of redirects) and
//     retries at most once, after a pause, on a 5xx status or a timeout;
//  2. the response must be 2xx, HTML (by Content-Type, or by sniffing when
//     there is none) and no larger than MaxBytes;
//  3. package webpage finds the article text and metadata;
//  4. Save writes <date>-<slug>.md atomically (temporary file, then rename)
//     and never replaces an existing file unless asked to.
//
// Tests run against net/http/httptest servers, never the network.
package fetch
