package extract

// Extractor finds quotations and their speakers. It is safe for concurrent
// use: all state built by New is read-only afterwards.
type Extractor struct {
	opts Options
}

// Options tune an Extractor. The zero value is the default.
type Options struct {
	// DefaultLang is used when a document has no language and detection is
	// unsure. Empty means "en".
	DefaultLang string
}

// New builds an Extractor with its embedded language data.
func New(opts Options) (*Extractor, error) {
	return &Extractor{opts: opts}, nil
}

// Extract returns the quotes of one document, ordered by start offset.
// It never panics on input: any text, valid UTF-8 or not, gives a result.
func (e *Extractor) Extract(doc Document) []Quote {
	return nil
}
