package extract

import (
	"strings"
	"unicode"
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
}

// detectReversedGuillemets decides per document whether » opens quotes,
// by looking at which guillemet comes first more often in each paragraph.
func detectReversedGuillemets(text []rune) bool {
	firstOpen, firstClose := 0, 0
	seen := false
	for _, r := range text {
		switch r {
		case '\n':
			seen = false
		case '«':
			if !seen {
				firstOpen++
				seen = true
			}
		case '»':
			if !seen {
				firstClose++
				seen = true
			}
		}
	}
	return firstClose > firstOpen
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007'
}

func isWordRune(r rune) bool {
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
	return r == 0 || r == '\n' || isSpace(r) || r == '(' || r == '[' || r == '—' || r == '–' || r == '-' ||
		r == ':' || r == '/' || r == '«' || r == '“' || r == '„' || r == '‹' || r == '"' || r == '‘' || r == '{'
}

// findSpans pairs quotation marks paragraph by paragraph. It runs in linear
// time: each mark is pushed and popped at most once, and nothing pairs across
// a paragraph break except the multi-paragraph convention.
func findSpans(text []rune, paras []paragraph, opt spanOptions) []span {
	var out []span
	var carry *openMark // unclosed top-level quote from the previous paragraph
	var inner []span    // complete quotes nested one level deep in this paragraph
	for pi, p := range paras {
		if blank(text[p.start:p.end]) {
			continue
		}
		stack := make([]openMark, 0, 4)
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
		for i := p.start; i < p.end; i++ {
			r := text[i]
			switch r {
			case '«', '»', '“', '”', '„', '"', '‹', '›', '‘', '’', '\'':
			default:
				continue
			}
			if om, ok := closeCandidate(text, i, stack, opt); ok {
				// Pop to the matching opener: inner marks left open are dropped.
				k := om
				o := stack[k]
				stack = stack[:k]
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
			// speech.
			out = append(out, inner...)
			inner = inner[:0]
			continue
		}
		inner = inner[:0]
		if len(stack) > 0 {
			o := stack[0]
			if o.style == styleSingleStraight || o.style == styleSingleCurly {
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
	for s < e && (isSpace(text[s]) || text[s] == '\n') {
		s++
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
	_, ok := closeCandidate(text, i, []openMark{{pos: -1, style: st, closer: closerOf(text[i], st, opt)}}, opt)
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

// closeCandidate returns the stack index of the opener that the mark at i
// closes.
func closeCandidate(text []rune, i int, stack []openMark, opt spanOptions) (int, bool) {
	r := text[i]
	for k := len(stack) - 1; k >= 0; k-- {
		o := stack[k]
		switch {
		case o.closer == r:
			if o.style == styleStraight {
				// A straight mark followed by a word and preceded by a space
				// opens rather than closes (a nested straight quote).
				if !rightFlanking(text, i) && leftFlanking(text, i) {
					return 0, false
				}
				if k != len(stack)-1 && !rightFlanking(text, i) {
					return 0, false
				}
			}
			if o.style == styleSingleCurly || o.style == styleSingleStraight {
				// An apostrophe inside a word (it’s, l’État) never closes.
				if isWordRune(at(text, i+1)) || !rightFlanking(text, i) {
					return 0, false
				}
			}
			return k, true
		case o.style == styleCurly && r == '“' && o.closer == '”':
			// „…“ German pairs and the common “…“ typo close with “.
			if text[o.pos] == '„' || (rightFlanking(text, i) && !leftFlanking(text, i)) {
				return k, true
			}
		case o.style == styleCurly && r == '"' && rightFlanking(text, i) && !leftFlanking(text, i) && k == len(stack)-1:
			// Mixed-up marks: “ … " closes at a right-flanking straight mark.
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
		if leftFlanking(text, i) && (openerContext(at(text, i-1)) || !rightFlanking(text, i)) {
			return openMark{pos: i, style: styleStraight, closer: '"'}, true
		}
	case '‘':
		if leftFlanking(text, i) && openerContext(at(text, i-1)) && !unicode.IsDigit(at(text, i+1)) {
			return openMark{pos: i, style: styleSingleCurly, closer: '’'}, true
		}
	case '\'':
		// A straight single mark delimits speech only inside another quote
		// or right after a space and before a letter; elsewhere it is an
		// apostrophe.
		if leftFlanking(text, i) && openerContext(at(text, i-1)) && unicode.IsLetter(at(text, i+1)) && len(stack) > 0 {
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
