package extract

import (
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
	var out []paragraph
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
func tokenize(text []rune, src string, boff []int32, paras []paragraph, spans []span, words map[string]wordInfo, elisions map[string]bool, buf []token) []token {
	str := func(i, j int) string { return src[boff[i]:boff[j]] }
	toks := buf[:0]
	if cap(toks) < len(text)/6 {
		toks = make([]token, 0, len(text)/5)
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
						if c == '\'' || c == '’' {
							pre := strings.ToLower(str(i, j)) + "'"
							if elisions[pre] {
								break
							}
						}
						j += 2
						continue
					}
					break
				}
				end := j
				if j < p.end && (text[j] == '\'' || text[j] == '’') {
					pre := strings.ToLower(str(i, j)) + "'"
					if elisions[pre] {
						end = j + 1
					}
				}
				w := str(i, end)
				low := foldApostrophes(strings.ToLower(w))
				f := fold(low)
				var info wordInfo
				if r < '0' || r > '9' { // numbers start no entry
					info = words[low]
					if f != low {
						info |= words[f]
					}
				}
				if isCapitalized(w) {
					info |= wCapitalized
				}
				toks = append(toks, token{start: i, end: end, kind: tokWord, text: w, low: low, info: info, para: int32(pi)})
				i = end
			default:
				w := string(r)
				toks = append(toks, token{start: i, end: i + 1, kind: tokPunct, text: w, low: foldApostrophes(w), para: int32(pi)})
				i++
			}
		}
	}
	return toks
}

func spanFrom(s span) int {
	if s.open >= 0 {
		return s.open
	}
	return s.start
}

// sentenceEnd reports whether a sentence ends after token k.
func sentenceEnd(toks []token, k int, abbrev func(string) bool) bool {
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
			if abbrev(w + ".") {
				return false
			}
			// An initial (J. Smith) does not end a sentence.
			if len([]rune(w)) == 1 && unicode.IsUpper([]rune(w)[0]) {
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
	r := []rune(n.text)[0]
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// quoteEndsSentence is set by the tokenizer's caller: whether the quote's
// content ends with a sentence-final mark.
func quoteEndsSentence(t token) bool { return t.low == "." }

func splitSentences(toks []token, abbrev func(string) bool) []sentence {
	var out []sentence
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
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			if r == '\u2019' {
				r = '\''
			}
		default:
			r = unicode.ToLower(r)
			if r == '’' {
				r = '\''
			} else if base, ok := latinBase[r]; ok {
				r = base
			} else if r >= 0x300 && !unicode.IsLetter(r) || r > 0x24f && unicode.Is(unicode.Latin, r) {
				return foldName(s)
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

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
	text, boff = text[:0], boff[:0]
	for i, r := range src {
		text = append(text, r)
		boff = append(boff, int32(i))
	}
	boff = append(boff, int32(len(src)))
	return text, boff
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
)
