package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// paragraph is one line of the input: news text puts a paragraph per line,
// and page furniture is line-shaped too.
type paragraph struct {
	start, end int
	// skip: headline, caption or page furniture; never a quote or a speaker.
	skip bool
	// dialogue: the line opens with a dialogue dash.
	dialogue bool
	// ord counts the non-blank paragraphs before this one, so "the next
	// paragraph" ignores blank lines.
	ord int
}

type tokKind uint8

const (
	tokWord tokKind = iota + 1
	tokPunct
	tokQuote
)

// token is a word, a punctuation mark, or a whole quote span seen as one
// unit, so attribution patterns can be matched around quotes.
type token struct {
	start, end int
	kind       tokKind
	text       string // as written
	low        string // lowercase, ’ folded to '
	info       wordInfo
	// quote indexes the document's spans for tokQuote; para and sent are
	// the token's paragraph and sentence. int32 keeps tokens small.
	quote, para, sent int32
}

func (t *token) isPunct(s string) bool { return t.kind == tokPunct && t.text == s }

func (t *token) capitalized() bool { return t.info&wCapitalized != 0 }

// isCapitalized: the word starts with a capital, or is a short lowercase
// particle hyphened to one ("al-Shabaab", "el-Sisi").
func isCapitalized(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			return true
		}
		if c < 'a' || c > 'z' {
			return false // a digit or a sign
		}
	} else if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return true
	}
	for i := 1; i <= maxNameParticle && i+1 < len(w); i++ {
		if w[i] == '-' {
			r, _ := utf8.DecodeRuneInString(w[i+1:])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// maxNameParticle is the longest particle, in bytes, written lowercase and
// hyphened before a name.
const maxNameParticle = 3

// sentence is a run of tokens; quotes never split a sentence.
type sentence struct {
	tokFrom, tokTo int // token index range
	start, end     int // rune range
	para           int
	words          int // word tokens: 0 when the sentence is quotes alone
}

func splitParagraphs(text []rune) []paragraph {
	return splitParagraphsInto(nil, text)
}

// splitParagraphsInto is splitParagraphs reusing buf's memory.
func splitParagraphsInto(buf []paragraph, text []rune) []paragraph {
	out := buf[:0]
	start := 0
	for i, r := range text {
		if r == '\n' {
			out = append(out, paragraph{start: start, end: i})
			start = i + 1
		}
	}
	out = append(out, paragraph{start: start, end: len(text)})
	ord := 0
	for i := range out {
		out[i].ord = ord
		if !blank(text[out[i].start:out[i].end]) {
			ord++
		}
	}
	return out
}

// tokenize turns paragraph text outside quote spans into tokens and each
// quote span (marks included) into one tokQuote.
func tokenize(text []rune, src string, boff []int32, paras []paragraph, spans []span, words *wordTable, elisions map[string]bool, bufs *tokenBufs) []token {
	str := func(i, j int) string { return src[boff[i]:boff[j]] }
	toks := bufs.toks[:0]
	if cap(toks) < len(text)/6 {
		toks = make([]token, 0, len(text)/5)
	}
	// Lowercase forms that differ from the text are written one after the
	// other into lows and become substrings of one string at the end: one
	// allocation per document, not one per capitalised word.
	lows, fixes := bufs.lows[:0], bufs.fixes[:0]
	tmp, lowCopy := bufs.tmp[:0], bufs.lowCopy[:0]
	isElision := func(i, j int) bool {
		tmp = append(appendLower(tmp[:0], str(i, j), false), '\'')
		return elisions[string(tmp)]
	}
	si := 0
	for pi, p := range paras {
		i := p.start
		for i < p.end {
			// Quote spans: from the opening mark to the closing mark.
			for si < len(spans) && spanFrom(spans[si]) < i && spans[si].para < pi {
				si++
			}
			if si < len(spans) && spans[si].para == pi && spanFrom(spans[si]) <= i {
				s := spans[si]
				to := s.tokEnd
				if to <= 0 {
					to = s.close + 1
					if s.close < 0 {
						to = p.end
					}
				}
				if to <= i {
					to = i + 1
				}
				toks = append(toks, token{start: spanFrom(s), end: to, kind: tokQuote, quote: int32(si), para: int32(pi)})
				i = to
				si++
				continue
			}
			r := text[i]
			switch {
			case isSpace(r):
				i++
			case isWordRune(r) || r == '-' && at(text, i+1) == 't' && at(text, i+2) == '-' && isSpace(at(text, i-1)):
				// "-t-il" after a stray space ("a -t-il ajouté") stays one word.
				j := i + 1
				for j < p.end {
					c := text[j]
					if isWordRune(c) {
						j++
						continue
					}
					if (c == '-' || c == '\'' || c == '’' || c == '.' || c == '‑' || c == '&') && j+1 < p.end && isWordRune(text[j+1]) {
						if (c == '\'' || c == '’') && isElision(i, j) {
							break
						}
						j += 2
						continue
					}
					break
				}
				end := j
				if j < p.end && (text[j] == '\'' || text[j] == '’') && isElision(i, j) {
					end = j + 1
				}
				w := str(i, end)
				// low is w lowercased, ’ folded to ': w itself when that
				// changes nothing, else the bytes at the end of lows.
				low, lowFrom := w, len(lows)
				if !plainLower(w) {
					lows = appendLower(lows, w, true)
					if string(lows[lowFrom:]) == w {
						lows = lows[:lowFrom]
					}
				}
				var info wordInfo
				if r < '0' || r > '9' { // numbers start no entry
					lowBytes := lows[lowFrom:]
					if len(lowBytes) == 0 {
						info = words.get(w)
					} else {
						info = words.getBytes(lowBytes)
					}
					// The accent-blind form (fold) finds "etre" for "être".
					if !plainLower(w) {
						if len(lowBytes) == 0 {
							lowBytes = append(lowCopy[:0], w...)
							lowCopy = lowBytes
						}
						var ok bool
						tmp, ok = appendFold(tmp[:0], string(lowBytes))
						switch {
						case !ok:
							if f := foldName(string(lowBytes)); f != string(lowBytes) {
								info |= words.get(f)
							}
						case string(tmp) != string(lowBytes):
							info |= words.getBytes(tmp)
						}
					}
				}
				if isCapitalized(w) {
					info |= wCapitalized
				}
				if len(lows) > lowFrom {
					fixes = append(fixes, lowFix{tok: int32(len(toks)), from: int32(lowFrom), to: int32(len(lows))})
					low = ""
				}
				toks = append(toks, token{start: i, end: end, kind: tokWord, text: w, low: low, info: info, para: int32(pi)})
				i = end
			default:
				// The text's own bytes, but for an invalid byte, which
				// text holds as U+FFFD.
				w, low := str(i, i+1), ""
				if r == utf8.RuneError {
					w = string(r)
				}
				low = w
				if r == '’' {
					low = "'"
				}
				toks = append(toks, token{start: i, end: i + 1, kind: tokPunct, text: w, low: low, para: int32(pi)})
				i++
			}
		}
	}
	if len(fixes) > 0 {
		all := string(lows)
		for _, f := range fixes {
			toks[f.tok].low = all[f.from:f.to]
		}
	}
	bufs.lows, bufs.fixes, bufs.tmp, bufs.lowCopy = lows, fixes, tmp, lowCopy
	return toks
}

// tokenBufs are tokenize's buffers, kept from document to document.
type tokenBufs struct {
	toks  []token
	lows  []byte
	fixes []lowFix
	// tmp and lowCopy hold the word being looked up.
	tmp, lowCopy []byte
}

// lowFix: token tok's lowercase form is lows[from:to].
type lowFix struct{ tok, from, to int32 }

// plainLower reports whether w is ASCII with no capital, which lowercasing
// and folding leave as it is: most words of a text.
func plainLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// appendLower appends strings.ToLower(s) to dst, with ’ folded to ' when
// apostrophes is set (foldApostrophes).
func appendLower(dst []byte, s string, apostrophes bool) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				r = unicode.ToLower(r)
				if apostrophes && r == '’' {
					r = '\''
				}
				dst = utf8.AppendRune(dst, r)
			}
			return dst
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func spanFrom(s span) int {
	if s.open >= 0 {
		return s.open
	}
	return s.start
}

// sentenceEnd reports whether a sentence ends after token k.
func sentenceEnd(toks []token, k int, abbrev abbreviations) bool {
	t := toks[k]
	if t.kind == tokQuote {
		// “… demonstrate.” Most of the support…: a quote ending a
		// sentence, then a capitalised word, starts a new sentence.
		if k+1 < len(toks) && toks[k+1].para == t.para && toks[k+1].capitalized() && quoteEndsSentence(toks[k]) {
			return true
		}
		return false
	}
	if t.kind != tokPunct {
		return false
	}
	switch t.text {
	case "!", "?", "…":
	case ".":
		if k > 0 && toks[k-1].kind == tokWord && toks[k-1].end == t.start {
			w := toks[k-1].text
			var buf [32]byte
			if abbrev.has(append(append(buf[:0], w...), '.')) {
				return false
			}
			// An initial (J. Smith) does not end a sentence.
			if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsUpper(r) {
				return false
			}
		}
	default:
		return false
	}
	if k+1 >= len(toks) || toks[k+1].para != t.para {
		return true
	}
	n := toks[k+1]
	if n.kind == tokPunct {
		return n.text == "(" || n.text == "—" || n.text == "–"
	}
	if n.kind == tokQuote {
		return true
	}
	r, _ := utf8.DecodeRuneInString(n.text)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// tokensPerSentence is a low guess of the tokens in a news sentence, to
// size the sentences of a document at once.
const tokensPerSentence = 20

// quoteEndsSentence is set by the tokenizer's caller: whether the quote's
// content ends with a sentence-final mark.
func quoteEndsSentence(t token) bool { return t.low == "." }

// abbreviations tells the words whose dot ends no sentence: honorifics
// ("Mr."), the grammar's abbreviations, and short dotted ones ("U.S.").
type abbreviations struct {
	honorifics map[string]Gender
	abbrev     map[string]bool
}

// has takes the word with its dot in a buffer, so that the lookups make no
// string.
func (ab abbreviations) has(w []byte) bool {
	_, ok := ab.honorifics[string(w)]
	return ok || ab.abbrev[string(w)] || len(w) <= 4 && bytes.Count(w, []byte{'.'}) >= 2
}

func splitSentences(buf []sentence, toks []token, abbrev abbreviations) []sentence {
	out := buf[:0]
	if cap(out) < len(toks)/tokensPerSentence+1 {
		out = make([]sentence, 0, len(toks)/tokensPerSentence+1)
	}
	from := 0
	for k := range toks {
		last := k+1 == len(toks) || toks[k+1].para != toks[k].para
		if last || sentenceEnd(toks, k, abbrev) {
			out = append(out, sentence{tokFrom: from, tokTo: k + 1, start: toks[from].start, end: toks[k].end, para: int(toks[from].para)})
			from = k + 1
		}
	}
	for si := range out {
		s := &out[si]
		for k := s.tokFrom; k < s.tokTo; k++ {
			toks[k].sent = int32(si)
			if toks[k].kind == tokWord {
				s.words++
			}
		}
	}
	return out
}

func blank(r []rune) bool {
	for _, c := range r {
		if !isSpace(c) {
			return false
		}
	}
	return true
}

// fold is foldName with a fast path: plain lowercase ASCII folds to itself,
// and most words are that.
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c >= 'A' && c <= 'Z' {
			return foldSlow(s)
		}
	}
	return s
}

// latinBase maps the accented letters of Western and Central European
// languages to their base letter; anything else goes through Unicode
// decomposition in foldName.
var latinBase = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćĉċč", 'd': "ď", 'e': "èéêëēĕėęě", 'g': "ĝğġģ", 'h': "ĥ",
		'i': "ìíîïĩīĭįı", 'j': "ĵ", 'k': "ķ", 'l': "ĺļľ", 'n': "ñńņňŉ", 'o': "òóôõöōŏő",
		'r': "ŕŗř", 's': "śŝşš", 't': "ţť", 'u': "ùúûüũūŭůűų", 'w': "ŵ", 'y': "ýÿŷ", 'z': "źżž",
	} {
		for _, r := range accented {
			m[r] = base
		}
	}
	return m
}()

func foldSlow(s string) string {
	var buf [64]byte
	b, ok := appendFold(buf[:0], s)
	if !ok {
		return foldName(s)
	}
	return string(b)
}

// lookupFolded is m[fold(s)] without making the folded string.
func lookupFolded[V any](m map[string]V, s string) (V, bool) {
	var buf [64]byte
	f, ok := appendFold(buf[:0], s)
	if !ok {
		v, found := m[foldName(s)]
		return v, found
	}
	v, found := m[string(f)]
	return v, found
}

// appendFold appends the fold of s to dst; false when s needs foldName's
// Unicode decomposition instead.
func appendFold(dst []byte, s string) ([]byte, bool) {
	for len(s) > 0 {
		r, n := rune(s[0]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s)
		}
		s = s[n:]
		switch {
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
		default:
			r = unicode.ToLower(r)
			if r == '’' {
				r = '\''
			} else if base := latinBaseOf(r); base != 0 {
				r = base
			} else if r >= 0x300 && !unicode.IsLetter(r) || r > 0x24f && unicode.Is(unicode.Latin, r) {
				return dst, false
			}
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst, true
}

// latinBaseOf is latinBase[r] from a table: 0 for a rune it does not map.
func latinBaseOf(r rune) rune {
	if r < 0 || int(r) >= len(latinBaseTable) {
		return 0
	}
	return latinBaseTable[r]
}

// latinBaseTable is latinBase indexed by rune: every letter it maps is
// below U+0180.
var latinBaseTable = func() (t [0x180]rune) {
	for r, base := range latinBase {
		t[r] = base
	}
	return t
}()

// indexRunes returns the code points of src and, for each, its byte offset
// (plus the length at the end), so substrings come without copies. An
// invalid byte is one U+FFFD, as in []rune(src).
func indexRunes(src string, text []rune, boff []int32) ([]rune, []int32) {
	n := utf8.RuneCountInString(src)
	if cap(text) < n {
		text = make([]rune, 0, n)
	}
	if cap(boff) < n+1 {
		boff = make([]int32, 0, n+1)
	}
	text, boff = text[:n], boff[:n+1]
	k := 0
	for i, r := range src {
		text[k], boff[k] = r, int32(i)
		k++
	}
	boff[n] = int32(len(src))
	return text, boff
}

// copyText is string(a.text[i:j]), a string of its own (a quote outlives
// its document), copied from the source bytes rather than encoded again
// rune by rune; source bytes that are not UTF-8, which text holds as
// U+FFFD, take the slow way.
func (a *analysis) copyText(i, j int) string {
	if s := a.str(i, j); utf8.ValidString(s) {
		return strings.Clone(s)
	}
	return string(a.text[i:j])
}

// str is the source text of runes [i, j), without a copy.
func (a *analysis) str(i, j int) string {
	return a.src[a.boff[i]:a.boff[j]]
}

// wordInfo marks, for a lowercase word, the closed lists it starts an
// entry of, so the tokenizer pays one lookup per word and the rules test
// bits.
type wordInfo uint8

const (
	wRoleStart wordInfo = 1 << iota
	wPronounStart
	wVerbStart
	wAccordingStart
	wStressed
	// wDefinite: a definite determiner ("the report says").
	wDefinite
	// wCapitalized is set by the tokenizer, not the lexicon: the word
	// reads as capitalised (see isCapitalized).
	wCapitalized
	// wPossessive: a possessive that stands for its owner ("her
	// statement").
	wPossessive
)
