package extract

import (
	"strings"
	"unicode"
)

// conversationSieve: in a text written as dialogue (a novel, a story, a
// court exchange told turn by turn), a quote that opens its paragraph with
// no cue, right after another person's turn, is the reply: the one that
// turn addressed by name ("What do you want, Miss Lindqvist?"), or else
// the speaker of the turn before it, as two people take turns; the first
// reply, with no turn before that, is the other person the narration last
// named. In news a
// quote standing alone continues its speaker, which previousQuoteSieve
// gives; turns are read only where the document is dialogue, where short
// paragraphs made of a quote are common.
type conversationSieve struct{}

func (conversationSieve) attribute(a *analysis, qi int, st *recordState, d *decided) bool {
	if !a.dialogue || !a.opensParagraph(qi) || !a.standsAlone(qi) {
		return false
	}
	sp := a.spans[a.toks[qi].quote]
	if sp.continued {
		return false // the same turn, over paragraphs
	}
	ord := a.paras[sp.para].ord
	last := a.turnAt(st.decided, ord-1)
	if last == nil || last.speaker < 0 {
		return false
	}
	speaker := -1
	if v := a.vocative(last.span); v >= 0 && v != last.speaker {
		speaker = v
	} else if before := a.turnAt(st.decided, ord-2); before != nil && before.speaker >= 0 && before.speaker != last.speaker {
		speaker = before.speaker
	} else if before == nil {
		// The first reply: the other person of the scene, the last one
		// the narration named before it.
		speaker = a.otherInScene(qi, last.speaker)
		if speaker < 0 {
			// "‘…,’ returned the curate. ¶ She laughed … ¶ ‘…’ ¶ ‘No.’":
			// the reply goes back to who spoke before the last turn.
			speaker = a.otherSpeakerBefore(st.decided, ord, last.speaker)
		}
	}
	// A quote that calls the last speaker by name is not theirs.
	if v := a.vocative(int(a.toks[qi].quote)); v >= 0 && v == speaker {
		return false
	}
	if speaker < 0 {
		return false
	}
	d.speaker, d.attrib, d.sieve = speaker, ByContext, SieveConversation
	return true
}

// otherSpeakerBefore is the speaker, other than e, of the last accepted
// quote within maxSceneParas paragraphs before rank ord; -1 when none.
func (a *analysis) otherSpeakerBefore(ds []decided, ord, e int) int {
	for i := len(ds) - 1; i >= 0; i-- {
		d := ds[i]
		if ord-a.paras[a.spans[d.span].para].ord > maxSceneParas+1 {
			return -1
		}
		if d.accept && d.speaker >= 0 && d.speaker != e {
			return d.speaker
		}
	}
	return -1
}

// otherInScene is the person the narration last named before the quote
// at qi, within maxSceneParas paragraphs, other than e; -1 when none.
func (a *analysis) otherInScene(qi, e int) int {
	ord := a.paras[a.toks[qi].para].ord
	for j := a.mentionsBefore(qi) - 1; j >= 0; j-- {
		m := a.mentions[j]
		if ord-a.paras[a.toks[m.tokFrom].para].ord > maxSceneParas {
			return -1
		}
		if m.kind != mName || m.entity < 0 || m.entity == e || m.possessive {
			continue
		}
		if x := &a.entities[m.entity]; !x.org && !x.place && x.gender != 0 {
			return m.entity
		}
	}
	return -1
}

// maxSceneParas bounds how far back the other person of a scene is
// looked for.
const maxSceneParas = 3

// turnAt is the accepted quote that opens the paragraph of rank ord, the
// turn said there; nil when that paragraph opens on none.
func (a *analysis) turnAt(ds []decided, ord int) *decided {
	for i := len(ds) - 1; i >= 0; i-- {
		p := &ds[i]
		o := a.paras[a.spans[p.span].para].ord
		if o < ord {
			return nil
		}
		if o == ord && p.accept && a.opensParagraph(p.quoteTok) {
			return p
		}
	}
	return nil
}

// vocative is the person a quote calls by name, at its start or its end
// ("Evening, Maddox," "What do you want, Miss Lindqvist?"): the one person
// of the text whose surname or first name it is; -1 when there is none.
func (a *analysis) vocative(si int) int {
	sp := a.spans[si]
	q := strings.TrimSpace(string(a.text[sp.start:sp.end]))
	q = strings.TrimRight(q, ".?!,;:—–-… ")
	var cands []string
	if i := strings.LastIndex(q, ","); i > 0 {
		cands = append(cands, q[i+1:])
	}
	if i := strings.Index(q, ","); i > 0 {
		cands = append(cands, q[:i])
	}
	for _, c := range cands {
		if e := a.addressee(strings.Fields(c)); e >= 0 {
			return e
		}
	}
	return -1
}

// addressee reads words as a name one calls someone by: an honorific or
// two, then one or two capitalised words naming one person of the text.
func (a *analysis) addressee(words []string) int {
	for len(words) > 1 {
		if _, ok := a.lx.Honorifics[words[0]]; !ok {
			break
		}
		words = words[1:]
	}
	if len(words) == 0 || len(words) > 2 {
		return -1
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return -1
		}
	}
	first, last := fold(words[0]), fold(words[len(words)-1])
	return a.theOneEntity(nil, func(_ int, e *entity) bool {
		return !e.org && !e.place && (e.surname == last || len(words) == 1 && len(e.words) > 1 && fold(e.words[0]) == first)
	})
}

// dialogueText: a share of the document's paragraphs are short turns of
// dialogue, a quote opening a paragraph of a few words. News articles,
// whose quotes run long or sit in narration, stay well under it (at most
// 0.11 on the English news at hand, one outlier aside); novels reach 0.2
// and more.
func (a *analysis) dialogueText() bool {
	paras, turns := 0, 0
	for _, p := range a.paras {
		line := a.text[p.start:p.end]
		if p.skip || blank(line) {
			continue
		}
		paras++
		i := 0
		for i < len(line) && blankRune(line[i]) {
			i++
		}
		if len(line)-i < maxTurnRunes && strings.ContainsRune(openingMarks, line[i]) {
			turns++
		}
	}
	return paras >= minDialogueParas && turns*dialogueShareDen >= paras*dialogueShareNum
}

// A turn of dialogue is a paragraph shorter than maxTurnRunes that opens on
// a quotation mark; a text is dialogue when at least
// dialogueShareNum/dialogueShareDen of its paragraphs (and
// minDialogueParas of them) are turns.
const (
	maxTurnRunes     = 80
	dialogueShareNum = 3
	dialogueShareDen = 20
	minDialogueParas = 8
)
