package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markStyle tells how a quotation mark may pair.
type markStyle uint8

const (
	styleGuillemet       markStyle = iota + 1 // « » (or » « in German)
	styleCurly                                // “ ” and „ “
	styleStraight                             // "
	styleSingleGuillemet                      // ‹ ›
	styleSingleCurly                          // ‘ ’
	styleSingleStraight                       // '
	styleTeX                                  // `` '' (two marks each)
)

// span is a quoted stretch found by pairing marks. open and close are the
// positions of the marks (close == -1 when the paragraph ends the piece);
// start and end delimit the content without marks and surrounding spaces.
type span struct {
	open, close int
	start, end  int
	style       markStyle
	para        int
	// continued: the quote was opened in an earlier paragraph.
	continued bool
	// unclosed: the paragraph ended before the closing mark.
	unclosed bool
	// tokEnd, when set, ends the span's token before an incise inside the
	// marks ("« A, dit-il, B »").
	tokEnd int
}

type openMark struct {
	pos   int
	style markStyle
	// closer is the rune that closes this mark.
	closer rune
	// continued: this open mark is the virtual one carried over from an
	// unclosed quote in the previous paragraph.
	continued bool
}

// spanOptions carry per-document decisions about ambiguous marks.
type spanOptions struct {
	// reversedGuillemets: » opens and « closes (German typesetting).
	reversedGuillemets bool
	// singleQuotes: straight single marks open quotes outside other
	// quotes (British style, 'We will,' she said).
	singleQuotes bool
	// dangling: lowercase words a quote never ends on (articles,
	// prepositions); a spaced straight mark after one opens.
	dangling map[string]bool
}

// detectSpanOptions makes the per-document decisions about ambiguous marks.
func detectSpanOptions(text []rune) spanOptions {
	// One pass for both conventions: per paragraph, the first quotation
	// mark tells the document's habits.
	firstOpen, firstClose := 0, 0 // votes for « (or ‹) opening, and for » (or ›)
	single, double := 0, 0
	seenGuillemet, seenMark := false, false
	for i, r := range text {
		if r < 0x80 && r != '\n' && r != '"' && r != '\'' {
			continue // most characters are letters, digits and spaces
		}
		switch r {
		case '\n':
			seenGuillemet, seenMark = false, false
		case '«', '»', '‹', '›':
			// French « opens and » closes; German writes them the other
			// way round, single ones too.
			frenchSide := r == '«' || r == '‹'
			if !seenGuillemet {
				if frenchSide {
					firstOpen++
				} else {
					firstClose++
				}
				seenGuillemet = true
			}
			// A guillemet written against a word tells its side too, so an
			// excerpt that starts inside a quote (“… unseren Worten?«
			// Jona …”) is not read backwards: German »Text« opens on »,
			// French «texte» on «.
			switch guillemetSide(text, i) {
			case sideOpen:
				if frenchSide {
					firstOpen++
				} else {
					firstClose++
				}
			case sideClose:
				if frenchSide {
					firstClose++
				} else {
					firstOpen++
				}
			}
			if !seenMark {
				double++
				seenMark = true
			}
		case '"', '“', '”', '„':
			if !seenMark {
				double++
				seenMark = true
			}
		case '\'', '‘':
			if seenMark {
				break
			}
			if r == '\'' && at(text, i+1) == '\'' {
				// ''Yes,'' he said: a double mark typed as two singles.
				double++
				seenMark = true
			} else if singleSide(text, i) == sideOpen {
				single++
				seenMark = true
			}
		}
	}
	return spanOptions{reversedGuillemets: firstClose > firstOpen, singleQuotes: single > double}
}

// guillemetSide reads a guillemet by the runes around it: after a blank
// and against a word it opens, after a word or a sentence's mark and
// before a blank it closes; spaced on both sides (« texte ») it tells
// nothing.
func guillemetSide(text []rune, i int) markSide {
	prev, next := at(text, i-1), at(text, i+1)
	switch {
	case blankRune(prev) && isWordRune(next):
		return sideOpen
	case (isWordRune(prev) || strings.ContainsRune(".!?,;…", prev)) && (blankRune(next) || strings.ContainsRune(".,;:!?", next)):
		return sideClose
	}
	return sideNone
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007'
}

func isWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiWordRunes[r] == '1'
	}
	return isWordRuneUnicode(r)
}

// asciiWordRunes marks the ASCII word runes (0-9, A-Z, a-z) with '1'.
const asciiWordRunes = "00000000000000000000000000000000" +
	"00000000000000001111111111000000" +
	"01111111111111111111111111100000" +
	"01111111111111111111111111100000"

// isWordRuneUnicode is isWordRune past ASCII, apart so that the ASCII test,
// which most runes take, is inlined where it is called.
func isWordRuneUnicode(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// at returns text[i] or 0 outside the text.
func at(text []rune, i int) rune {
	if i < 0 || i >= len(text) {
		return 0
	}
	return text[i]
}

// leftFlanking: the mark can open (something follows it directly).
func leftFlanking(text []rune, i int) bool {
	next := at(text, i+1)
	return next != 0 && next != '\n' && !isSpace(next)
}

// rightFlanking: the mark can close (something precedes it directly).
func rightFlanking(text []rune, i int) bool {
	prev := at(text, i-1)
	return i > 0 && prev != '\n' && !isSpace(prev)
}

func openerContext(r rune) bool {
	return blankRune(r) || marks.openBefore[r]
}

// blankRune: a space, a line break, or outside the text.
func blankRune(r rune) bool {
	return r == 0 || r == '\n' || isSpace(r)
}

// markSide is what the text around an ambiguous mark says about it.
type markSide uint8

const (
	// sideAttached: the mark touches a word or punctuation; the flanking
	// rules decide.
	sideAttached markSide = iota
	sideOpen
	sideClose
	// sideEither: nothing around the mark tells; it closes an open quote
	// of its kind and opens otherwise, so marks alternate.
	sideEither
	// sideWeakClose: a single mark after a letter and before a word (the
	// workers' union): an apostrophe unless it is the last closer left.
	sideWeakClose
	// sideNone: an apostrophe (don't, l'État, '90s).
	sideNone
)

// maxElision bounds the look back at the word an apostrophe elides
// (jusqu', lorsqu'): longer words are not elided clitics.
const maxElision = 8

// straightSide reads a straight " that is spaced off on at least one side,
// as French typesetting spaces its marks (" texte ", texte ".), or that
// follows an elided clitic (qu'"une hausse"). A spaced mark with nothing
// telling on either side is sideEither; a mark touching words on both
// sides, or a word on one side and a space on the other, is attached.
func straightSide(text []rune, i int) markSide {
	prev, next := at(text, i-1), at(text, i+1)
	if marks.apostrophe[prev] && elidedClitic(text, i-1) {
		return sideOpen
	}
	switch {
	case blankRune(prev) && marks.closeBefore[next] && !ellipsis(text, i+1):
		// texte ". / texte ", dit-il
		return sideClose
	case blankRune(at(text, i-2)) && prev != '"' && marks.openBefore[prev] && blankRune(next):
		// (" texte
		return sideOpen
	case !blankRune(prev) || !blankRune(next):
		return sideAttached
	}
	before, after := lineNeighbour(text, i, -1), lineNeighbour(text, i, 1)
	switch {
	case after == 0:
		return sideClose
	case before == 0:
		return sideOpen
	case marks.closeBefore[after]:
		return sideClose
	case before != '"' && marks.openBefore[before]:
		// " … " " …: a straight mark before the space could be either.
		return sideOpen
	}
	return sideEither
}

// maxDangling bounds the look back at the word before a mark: the words
// a quote cannot end on are short.
const maxDangling = 8

// afterDangling: the spaced straight mark at i follows a word a quote
// never ends on (de " réelle "), so it opens even where it could close.
func afterDangling(text []rune, i int, opt spanOptions) bool {
	if len(opt.dangling) == 0 || straightSide(text, i) != sideEither {
		return false
	}
	e := i - 1
	for e >= 0 && isSpace(text[e]) {
		e--
	}
	s := e + 1
	for s > 0 && e+1-s < maxDangling && unicode.IsLetter(text[s-1]) {
		s--
	}
	if s > e || unicode.IsLetter(at(text, s-1)) {
		return false
	}
	return opt.dangling[strings.ToLower(string(text[s:e+1]))]
}

// ellipsis: an ellipsis starts at i ("...and then"), which may open a
// quote as well as follow its last word.
func ellipsis(text []rune, i int) bool {
	return text[i] == '…' || text[i] == '.' && (at(text, i+1) == '.' || isSpace(at(text, i+1)) && at(text, i+2) == '.')
}

// lineNeighbour returns the first non-space rune from i in direction dir
// (-1 or 1), or 0 at a line break or the end of the text. The spaces it
// skips are the ones between two marks or a mark and a word, so every space
// is read at most twice over a paragraph.
func lineNeighbour(text []rune, i, dir int) rune {
	for j := i + dir; j >= 0 && j < len(text); j += dir {
		switch r := text[j]; {
		case r == '\n':
			return 0
		case !isSpace(r):
			return r
		}
	}
	return 0
}

// elidedClitic: the apostrophe at a ends a clitic written onto the next
// word (qu', d', l'), not a word such as "no" in 'no'".
func elidedClitic(text []rune, a int) bool {
	j := a
	for j > 0 && a-j < maxElision && unicode.IsLetter(text[j-1]) {
		j--
	}
	if j == a || unicode.IsLetter(at(text, j-1)) {
		return false
	}
	return marks.elided[strings.ToLower(string(text[j:a]))+"'"]
}

// singleSide reads a single mark (' ‘ ’), which is more often an
// apostrophe than a quotation mark.
func singleSide(text []rune, i int) markSide {
	r, prev, next := text[i], at(text, i-1), at(text, i+1)
	switch {
	case isWordRune(prev) && isWordRune(next):
		return sideNone
	case r == '\'' && (prev == '\'' || next == '\''):
		// ''Yes,'' he said: two straight singles stand for a double mark,
		// which some wires use; it is not a single quote.
		return sideNone
	case r != '’' && openerContext(prev) && startsWords(text, i+1):
		return sideOpen
	case r == '‘' || blankRune(prev):
		// ‘ never closes, and a mark after a space that does not open
		// stands alone.
		return sideNone
	case unicode.IsLetter(prev) && isSpace(next) && isWordRune(lineNeighbour(text, i, 1)):
		return sideWeakClose
	case !isWordRune(next):
		return sideClose
	}
	return sideNone
}

// findSpans pairs quotation marks paragraph by paragraph. It runs in linear
// time: each mark is pushed and popped at most once, and nothing pairs across
// a paragraph break except the multi-paragraph convention.
func findSpans(text []rune, paras []paragraph, opt spanOptions) []span {
	var out []span
	var carry *openMark // unclosed top-level quote from the previous paragraph
	var inner []span    // complete quotes nested one level deep in this paragraph
	var weak []int      // weakClosers of this paragraph
	excerpt := true     // no text paragraph read yet
	for pi, p := range paras {
		if blank(text[p.start:p.end]) {
			continue
		}
		stack := make([]openMark, 0, 4)
		if excerpt && !p.skip {
			// "… unseren Worten?« Jona …": an excerpt may open inside a
			// quote; when the text's first mark closes one, the words before
			// it end that quote.
			excerpt = false
			if m, ok := excerptOpener(text, p, opt); ok {
				stack = append(stack, m)
			}
		}
		if carry != nil {
			first := firstMark(text, p)
			closes := first >= 0 && !opensHere(text, first, carry.style, opt) && closesStyle(text, first, carry.style, opt)
			// « Souffrez-vous ?¶--Oh ! oui.¶--Où ça ? »: dialogue turns
			// opened by a dash inside an open quote continue it.
			if closes || first < 0 && startsWithDash(text, p) {
				stack = append(stack, openMark{pos: p.start - 1, style: carry.style, closer: carry.closer, continued: true})
			}
		}
		carry = nil
		deepClose := -1 // last closer that closed a guillemet opened inside another
		weak = weakClosers(text, p, weak[:0])
		for i := p.start; i < p.end; i++ {
			r := text[i]
			switch r {
			case '«', '»', '“', '”', '„', '"', '‹', '›', '‘', '’', '\'', '`':
			default:
				continue
			}
			// ``Fine,'' he said: TeX's doubled marks, read as one mark.
			if r == '`' {
				if at(text, i+1) == '`' {
					stack = append(stack, openMark{pos: i, style: styleTeX, closer: '\''})
					i++
				}
				continue
			}
			if r == '\'' && at(text, i+1) == '\'' {
				if k := texOpener(stack); k >= 0 {
					o := stack[k]
					stack = stack[:k]
					if s, ok := makeSpan(text, o.pos+2, i, o, i+1, pi); ok {
						if k == 0 {
							out = append(out, s)
							inner = inner[:0]
						} else if k == 1 {
							inner = append(inner, s)
						}
					}
					i++
					continue
				}
			}
			weakOK := len(weak) > 0 && weak[len(weak)-1] == i
			if weakOK {
				weak = weak[:len(weak)-1]
			}
			if om, ok := closeCandidate(text, i, stack, weakOK); ok && !(r == '"' && afterDangling(text, i, opt)) {
				// Pop to the matching opener: inner marks left open are dropped.
				k := om
				o := stack[k]
				stack = stack[:k]
				if k >= 2 && o.style == styleGuillemet && stack[0].style == styleGuillemet {
					deepClose = i
				}
				switch k {
				case 0:
					if s, ok := makeSpan(text, o.pos+1, i, o, i, pi); ok {
						out = append(out, s)
					}
					inner = inner[:0]
				case 1:
					if s, ok := makeSpan(text, o.pos+1, i, o, i, pi); ok {
						inner = append(inner, s)
					}
				}
				continue
			}
			if m, ok := openCandidate(text, i, stack, opt); ok {
				// “A. “B.”: an English double mark opening inside an open
				// double quote of the same style means the writer forgot to
				// close the first (nesting uses single marks); close it here.
				if len(stack) == 1 && m.style == styleCurly && stack[0].style == styleCurly && text[i] == '“' &&
					!stack[0].continued && i > 0 && isSpace(text[i-1]) && endsClause(text, stack[0].pos+1, i) {
					if s, ok := makeSpan(text, stack[0].pos+1, i, stack[0], -1, pi); ok {
						s.tokEnd = i
						out = append(out, s)
					}
					stack = stack[:0]
					inner = inner[:0]
				}
				stack = append(stack, m)
			}
		}
		if len(stack) > 0 && len(inner) > 0 && !stack[0].continued {
			// A paragraph opened by a mark that never closes but holds
			// complete quotes is a narrator's framing (stories told in
			// « … » paragraph after paragraph): the inner quotes are the
			// speech. But when the opener's own text runs in dialogue
			// turns before the first of them (« Comment va ? — Mais bien,
			// avait-elle répondu … « Ce serait … » …), that text is speech
			// too.
			if o := stack[0]; holdsTurn(text, o.pos+1, inner[0].open) {
				if s, ok := makeSpan(text, o.pos+1, inner[0].open, o, -1, pi); ok {
					s.tokEnd = inner[0].open
					out = append(out, s)
				}
			}
			out = append(out, inner...)
			// "… quelques instants. — « Ces petites filles, avait dit la
			// cousine Bette, ça croit …": a double mark opened on a
			// capital after the last inner quote and left open runs to the
			// paragraph's end.
			if last := stack[len(stack)-1]; len(stack) > 1 && last.pos > inner[len(inner)-1].close &&
				last.style <= styleStraight && atLeastWords(text[last.pos+1:p.end], 2) && unicode.IsUpper(lineNeighbour(text, last.pos, 1)) {
				if s, ok := makeSpan(text, last.pos+1, p.end, last, -1, pi); ok {
					s.unclosed = true
					out = append(out, s)
				}
			}
			inner = inner[:0]
			continue
		}
		inner = inner[:0]
		if len(stack) >= 2 && deepClose > stack[0].pos && !stack[0].continued && stack[0].style == styleGuillemet {
			// « Si vous n'êtes pas mort, … et « malgré la haine … « Diane. »:
			// a letter or a poem set line by line repeats « at each line;
			// once the lines are run together, the repeats look like
			// openers nested ever deeper that only the last » closes. The
			// quote ends there, not with the paragraph.
			o := stack[0]
			if s, ok := makeSpan(text, o.pos+1, deepClose, o, deepClose, pi); ok {
				out = append(out, s)
			}
			continue
		}
		if len(stack) > 0 {
			o := stack[0]
			if o.style == styleSingleStraight || o.style == styleSingleCurly {
				// An unclosed single mark is most often an apostrophe; it
				// is a quote running on only when the next paragraph opens
				// with the same mark ('First.¶'Second,' she said).
				if reopensNext(text, paras, pi) {
					if s, ok := makeSpan(text, o.pos+1, p.end, o, -1, pi); ok {
						s.unclosed = true
						out = append(out, s)
					}
				}
				continue
			}
			if s, ok := makeSpan(text, o.pos+1, p.end, o, -1, pi); ok {
				s.unclosed = true
				out = append(out, s)
				oc := o
				carry = &oc
			}
		}
	}
	return out
}

// weakClosers lists, last first, the weak single closers of paragraph p
// that may close a quote: no strong closer of the same mark follows before
// the next opener ('The workers' union agrees,' he said: the second mark
// closes). One backward pass keeps this linear.
func weakClosers(text []rune, p paragraph, buf []int) []int {
	// strongAhead[0] is for straight ', [1] for curly ‘ ’.
	var strongAhead [2]bool
	for i := p.end - 1; i >= p.start; i-- {
		kind := 0
		switch text[i] {
		case '\'':
		case '‘', '’':
			kind = 1
		default:
			continue
		}
		switch singleSide(text, i) {
		case sideOpen:
			strongAhead[kind] = false
		case sideClose:
			strongAhead[kind] = true
		case sideWeakClose:
			if !strongAhead[kind] {
				buf = append(buf, i)
			}
		}
	}
	return buf
}

// startsWords: words start at i, maybe after an ellipsis or a bracket
// ('(The county) is key', '... and then'); a digit does not count, since
// '90s elides a century.
func startsWords(text []rune, i int) bool {
	r := at(text, i)
	switch {
	case unicode.IsLetter(r):
		return true
	case r == '(' || r == '[':
		return unicode.IsLetter(at(text, i+1))
	case r != 0 && ellipsis(text, i):
		return true
	}
	return false
}

// reopensNext: the next non-blank paragraph after pi starts by opening a
// quote with a single mark, straight or curly: wire copy mixes the two.
// Blank paragraphs in between are each skipped
// once per preceding paragraph, so the scan stays linear.
func reopensNext(text []rune, paras []paragraph, pi int) bool {
	for _, p := range paras[pi+1:] {
		i := p.start
		for i < p.end && isSpace(text[i]) {
			i++
		}
		if i == p.end {
			continue
		}
		return (text[i] == '\'' || text[i] == '‘') && singleSide(text, i) == sideOpen
	}
	return false
}

// texOpener is the index of the innermost TeX opener on the stack, above
// which only single marks stand (they nest transparently), or -1.
func texOpener(stack []openMark) int {
	for k := len(stack) - 1; k >= 0 && k >= len(stack)-maxNesting; k-- {
		switch stack[k].style {
		case styleTeX:
			return k
		case styleSingleCurly, styleSingleStraight:
		default:
			return -1
		}
	}
	return -1
}

// holdsTurn: text[from:to] holds a dialogue turn: a dash after a full
// stop, a question or an exclamation, before a capital ("… ? — Mais").
func holdsTurn(text []rune, from, to int) bool {
	for i := from + 2; i+2 < to; i++ {
		if (text[i] == '—' || text[i] == '–') && isSpace(text[i-1]) && strings.ContainsRune(".!?…", text[i-2]) && isSpace(text[i+1]) && unicode.IsUpper(text[i+2]) {
			return true
		}
	}
	return false
}

func startsWithDash(text []rune, p paragraph) bool {
	i := p.start
	for i < p.end && isSpace(text[i]) {
		i++
	}
	return i < p.end && (text[i] == '—' || text[i] == '–' || text[i] == '-')
}

func makeSpan(text []rune, from, to int, o openMark, closePos, para int) (span, bool) {
	s, e := from, to
	if o.continued {
		for s < e && (isSpace(text[s]) || text[s] == '—' || text[s] == '–' || text[s] == '-') {
			s++
		}
	}
	for s < e && (isSpace(text[s]) || text[s] == '\n' || text[s] == '`') {
		s++ // "`" : the second mark of an unclosed TeX opener
	}
	for e > s && (isSpace(text[e-1]) || text[e-1] == '\n') {
		e--
	}
	if s >= e {
		return span{}, false
	}
	hasWord := false
	for i := s; i < e; i++ {
		if isWordRune(text[i]) {
			hasWord = true
			break
		}
	}
	if !hasWord {
		return span{}, false
	}
	open := o.pos
	if o.continued {
		open = -1
	}
	return span{open: open, close: closePos, start: s, end: e, style: o.style, para: para, continued: o.continued}, true
}

// excerptOpener is the virtual opener of a quote that paragraph p, the
// text's first, starts inside: its first mark is a guillemet or a curly
// mark that can only close here. Straight marks, which open as often,
// tell nothing.
func excerptOpener(text []rune, p paragraph, opt spanOptions) (openMark, bool) {
	first := firstMark(text, p)
	if first < 0 {
		return openMark{}, false
	}
	r := text[first]
	var st markStyle
	switch {
	case r == '»' && !opt.reversedGuillemets || r == '«' && opt.reversedGuillemets:
		st = styleGuillemet
	case r == '›' && !opt.reversedGuillemets || r == '‹' && opt.reversedGuillemets:
		st = styleSingleGuillemet
	case r == '”' || r == '“' && rightFlanking(text, first) && !leftFlanking(text, first):
		st = styleCurly
	default:
		return openMark{}, false
	}
	if st != styleCurly && guillemetSide(text, first) == sideOpen || !atLeastWords(text[p.start:first], 2) {
		return openMark{}, false
	}
	return openMark{pos: p.start - 1, style: st, closer: r, continued: true}, true
}

func firstMark(text []rune, p paragraph) int {
	for i := p.start; i < p.end; i++ {
		switch text[i] {
		case '«', '»', '“', '”', '„', '"', '‹', '›':
			return i
		}
	}
	return -1
}

func opensHere(text []rune, i int, st markStyle, opt spanOptions) bool {
	m, ok := openCandidate(text, i, nil, opt)
	return ok && m.style == st
}

func closesStyle(text []rune, i int, st markStyle, opt spanOptions) bool {
	_, ok := closeCandidate(text, i, []openMark{{pos: -1, style: st, closer: closerOf(text[i], st, opt)}}, false)
	return ok
}

func closerOf(r rune, st markStyle, opt spanOptions) rune {
	switch st {
	case styleGuillemet:
		if opt.reversedGuillemets {
			return '«'
		}
		return '»'
	case styleCurly:
		return '”'
	case styleStraight:
		return '"'
	case styleSingleGuillemet:
		if opt.reversedGuillemets {
			return '‹'
		}
		return '›'
	case styleSingleCurly:
		return '’'
	}
	return '\''
}

// maxNesting bounds how far below the top of the stack a closer looks
// for its opener through transparent marks: quotes nest two or three deep,
// and hostile text with thousands of unclosed straight or single marks
// must not make every later mark scan them all.
const maxNesting = 8

// closeCandidate returns the stack index of the opener that the mark at i
// closes. weakOK lets a weak single closer (the workers' union) close: no
// strong closer of its kind follows before the next opener.
func closeCandidate(text []rune, i int, stack []openMark, weakOK bool) (int, bool) {
	r := text[i]
	for k := len(stack) - 1; k >= 0 && k >= len(stack)-maxNesting; k-- {
		o := stack[k]
		switch {
		case o.closer == r:
			if o.style == styleStraight {
				switch straightSide(text, i) {
				case sideOpen:
					return 0, false
				case sideEither:
					if k != len(stack)-1 {
						return 0, false
					}
				case sideAttached:
					// A straight mark followed by a word and preceded by a
					// space opens rather than closes (a nested straight
					// quote).
					if !rightFlanking(text, i) && leftFlanking(text, i) {
						return 0, false
					}
					if k != len(stack)-1 && !rightFlanking(text, i) {
						return 0, false
					}
				}
			}
			if o.style == styleSingleCurly || o.style == styleSingleStraight {
				switch singleSide(text, i) {
				case sideClose:
				case sideWeakClose:
					if !weakOK {
						return 0, false
					}
				default:
					return 0, false
				}
			}
			return k, true
		case o.style == styleCurly && r == '“' && o.closer == '”':
			// „…“ German pairs and the common “…“ typo close with “.
			if text[o.pos] == '„' || (rightFlanking(text, i) && !leftFlanking(text, i)) {
				return k, true
			}
		case o.style == styleCurly && r == '"' && rightFlanking(text, i) && (!leftFlanking(text, i) || strings.ContainsRune(",.;:!?)…", at(text, i+1))) && k == len(stack)-1:
			// Mixed-up marks: “ … " and „ … ", closes at a right-flanking
			// straight mark, also before punctuation („regierten", der …).
			return k, true
		case (o.style == styleSingleStraight && r == '’' || o.style == styleSingleCurly && r == '\'') && singleSide(text, i) == sideClose:
			// Mixed-up single marks: ' … ’ and ‘ … ' close at a mark
			// that cannot be an apostrophe.
			return k, true
		}
		// Single marks are transparent: look below them for the closer.
		if o.style != styleSingleCurly && o.style != styleSingleStraight && o.style != styleStraight {
			return 0, false
		}
	}
	return 0, false
}

func openCandidate(text []rune, i int, stack []openMark, opt spanOptions) (openMark, bool) {
	r := text[i]
	switch r {
	case '«':
		if opt.reversedGuillemets {
			return openMark{}, false
		}
		return openMark{pos: i, style: styleGuillemet, closer: '»'}, true
	case '»':
		if !opt.reversedGuillemets {
			return openMark{}, false
		}
		return openMark{pos: i, style: styleGuillemet, closer: '«'}, true
	case '‹':
		if opt.reversedGuillemets {
			return openMark{}, false
		}
		return openMark{pos: i, style: styleSingleGuillemet, closer: '›'}, true
	case '›':
		if !opt.reversedGuillemets {
			return openMark{}, false
		}
		return openMark{pos: i, style: styleSingleGuillemet, closer: '‹'}, true
	case '“':
		return openMark{pos: i, style: styleCurly, closer: '”'}, true
	case '„':
		return openMark{pos: i, style: styleCurly, closer: '“'}, true
	case '”':
		// ”…” (Nordic style or a typo): opens only when it clearly starts
		// a word after a space, or the paragraph.
		if len(stack) == 0 && (openerContext(at(text, i-1)) && leftFlanking(text, i) || at(text, i-1) == '\n' || i == 0) {
			return openMark{pos: i, style: styleCurly, closer: '”'}, true
		}
	case '"':
		switch straightSide(text, i) {
		case sideOpen, sideEither:
			return openMark{pos: i, style: styleStraight, closer: '"'}, true
		case sideAttached:
			if leftFlanking(text, i) && (openerContext(at(text, i-1)) || !rightFlanking(text, i)) {
				return openMark{pos: i, style: styleStraight, closer: '"'}, true
			}
		}
	case '‘':
		if leftFlanking(text, i) && openerContext(at(text, i-1)) && !unicode.IsDigit(at(text, i+1)) {
			return openMark{pos: i, style: styleSingleCurly, closer: '’'}, true
		}
	case '\'':
		// A straight single mark opens right after a space and before a
		// letter, and only inside another quote unless the document quotes
		// with single marks; elsewhere it is an apostrophe.
		if singleSide(text, i) == sideOpen && (len(stack) > 0 || opt.singleQuotes) {
			return openMark{pos: i, style: styleSingleStraight, closer: '\''}, true
		}
	}
	return openMark{}, false
}

// endsClause: the text before i (after from) ends with a sentence or
// clause mark, as a quote does before its closing mark.
func endsClause(text []rune, from, i int) bool {
	j := i - 1
	for j > from && isSpace(text[j]) {
		j--
	}
	return j > from && strings.ContainsRune(".!?,;—–-", text[j])
}
