package extract

import "unicode"

// joinWrappedLines turns, in place, the line breaks that only wrap a
// paragraph into spaces, so that a quote or a sentence broken over lines
// reads as one. The source text, and so every offset and quoted word, is
// left as it is. Two kinds of breaks wrap:
//   - in a hard-wrapped text (a novel from a plain-text library, an e-mail),
//     every break between two lines of a block: its lines are short, most
//     end mid-sentence, and blank lines separate its paragraphs;
//   - anywhere, a break after a word or a comma before a lowercase word
//     ("“This is the first line\nand this is the second,” he said").
func joinWrappedLines(text []rune) {
	wrapped := hardWrapped(text)
	forEachBreak(text, func(br int, last, first rune) {
		if wrapped || midSentenceEnd(last) && unicode.IsLower(first) {
			text[br] = ' '
		}
	})
}

// forEachBreak calls f for each line break at br between two lines that
// are not blank, with the last rune of the line before it and the first of
// the line after. Only the spaces around each break are read again.
func forEachBreak(text []rune, f func(br int, last, first rune)) {
	for br, r := range text {
		if r != '\n' {
			continue
		}
		last := rune(0)
		for k := br - 1; k >= 0 && text[k] != '\n'; k-- {
			if !isSpace(text[k]) {
				last = text[k]
				break
			}
		}
		if last == 0 {
			continue // a blank line ends a paragraph
		}
		for k := br + 1; k < len(text) && text[k] != '\n'; k++ {
			if !isSpace(text[k]) {
				f(br, last, text[k])
				break
			}
		}
	}
}

// maxWrapWidth: lines of hard-wrapped text stay under this many runes
// (72 to 80 in most plain-text libraries); news pipelines write a paragraph
// to a line.
const maxWrapWidth = 100

// minWrappedLines: the few line breaks a short text holds tell nothing.
const minWrappedLines = 3

// hardWrapped: blank lines separate paragraphs, no line is longer than a
// wrap width, and most lines followed by another end mid-sentence.
func hardWrapped(text []rune) bool {
	lineStart, blankLine := 0, false
	for i, r := range text {
		if r == '\n' {
			if i-lineStart > maxWrapWidth {
				return false
			}
			if lastNonSpace(text[lineStart:i]) == 0 {
				blankLine = true
			}
			lineStart = i + 1
		}
	}
	if !blankLine || len(text)-lineStart > maxWrapWidth {
		return false
	}
	inner, midSentence := 0, 0
	forEachBreak(text, func(_ int, last, _ rune) {
		inner++
		if midSentenceEnd(last) {
			midSentence++
		}
	})
	return inner >= minWrappedLines && 2*midSentence > inner
}

// midSentenceEnd: a line ending on this rune stops in the middle of a
// sentence (a word, a number, a comma), not after its end or a heading's.
func midSentenceEnd(r rune) bool {
	return isWordRune(r) || r == ','
}

func lastNonSpace(r []rune) rune {
	for i := len(r) - 1; i >= 0; i-- {
		if !isSpace(r[i]) {
			return r[i]
		}
	}
	return 0
}
