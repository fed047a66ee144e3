// Package slug turns names and titles into short ASCII path segments.
//
// Make transliterates (Łukasz → lukasz, Straße → strasse, Путин → putin,
// Tokaïev → tokaiev), lowercases and joins words with hyphens; text in a
// script without a table (Chinese, …) gets a stable hash instead of an empty
// slug. A Set hands out slugs for many keys at once so that two keys never
// share one, and the result depends only on the keys, not on their order.
// Every slug matches [a-z0-9]+(-[a-z0-9]+)*: it can never climb out of the
// folder it is joined to.
package slug
