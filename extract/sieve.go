package extract

// Sieve names the attribution rule that decided a quote's speaker. The
// rules run in a fixed order; the first that finds evidence decides, so a
// record's sieve tells which evidence to check and `verbatim eval
// --by-sieve` measures each rule's precision.
//
// Attribution runs in two passes of sieves, each a type in its own file:
//
//  1. cue sieves (cueSieves) read the quote's sentence for a reporting
//     expression and its speaker: after the quote (sieve_after.go), before
//     it (sieve_before.go), after an aside (sieve_aside.go), at the start of
//     the next sentence (sieve_next.go), a name signed after a dash
//     (sieve_dash.go), a verb with no speaker (sieve_verbonly.go);
//  2. context sieves (contextSieves), for a quote with no cue at all: in
//     dialogue, the other of two speakers taking turns
//     (sieve_conversation.go); the previous quote or speaker
//     (sieve_previous_quote.go), the subject of
//     the sentences before (sieve_previous_subject.go); and, for a long
//     partial quote the cue sieves left unattributed, its paragraph's
//     speaker (sieve_paragraph.go).
type Sieve string

const (
	// Cue sieves: a reporting expression in the quote's sentence.
	SieveAccordingTo     Sieve = "according_to"      // "selon X", "according to X"
	SieveOpinion         Sieve = "opinion"           // "Pour X, « … »"
	SieveInverted        Sieve = "inverted"          // "a-t-il ajouté", "dit-elle"
	SieveVerbThenSpeaker Sieve = "verb_then_speaker" // "« … », a déclaré X", "said X"
	SieveSpeakerThenVerb Sieve = "speaker_then_verb" // "“…,” X said"
	SieveSubject         Sieve = "subject"           // "X a déclaré que « … »"
	SieveColon           Sieve = "colon"             // "X : « … »", "X is blunt: “…”"
	SieveAgent           Sieve = "agent"             // "was deemed “…” by X"
	SieveDash            Sieve = "dash"              // "“…” — X", a quote signed with a name
	SieveGroup           Sieve = "group"             // "certains élus estiment"
	SieveVerbOnly        Sieve = "verb_only"         // a reporting verb, no speaker
	// Context sieves: no speaker in the sentence.
	SieveConversation    Sieve = "conversation"     // in dialogue, turns alternate between two speakers
	SievePreviousQuote   Sieve = "previous_quote"   // a quote standing alone continues the last one
	SieveLastSpeaker     Sieve = "last_speaker"     // the last speaker, a paragraph or two apart
	SievePreviousSubject Sieve = "previous_subject" // the subject of the sentences before
	SieveParagraph       Sieve = "paragraph"        // a long partial takes its paragraph's speaker
	SieveNextPart        Sieve = "next_part"        // a quote left open at a paragraph's end takes the speaker of its next part
	SieveNone            Sieve = "none"
)

// cueSieve finds the reporting expression of the quote at token qi in its
// sentence s, and the mention it names.
type cueSieve interface {
	find(a *analysis, qi int, s sentence) (cue, bool)
}

// cueSieves run in this order; the first that finds a cue decides. Nearer
// evidence comes first: what follows the quote, then what precedes it.
var cueSieves = [...]cueSieve{afterQuote{}, beforeQuote{}, afterAside{}, nextSentence{}, dashSignature{}, verbOnly{}}

// quoteCue finds the attribution of the quote token qi in its sentence.
func (a *analysis) quoteCue(qi int) (cue, bool) {
	s := a.sents[a.toks[qi].sent]
	for _, sv := range cueSieves {
		if c, ok := sv.find(a, qi, s); ok {
			return c, true
		}
	}
	return cue{}, false
}

// recordState is what the context sieves know of the quotes before.
type recordState struct {
	decided []decided
	// The last quote attributed to a person of the article.
	lastSpeaker, lastSpeakerPara, lastSpeakerTok int
	// The last attributed quote, named or not.
	last prevSpeaker
}

func newRecordState() *recordState {
	return &recordState{lastSpeaker: -1, lastSpeakerPara: -10, lastSpeakerTok: -1, last: prevSpeaker{entity: -1}}
}

// prev is the previous speaker as pronoun and description resolution
// sees it.
func (st *recordState) prev() prevSpeaker {
	return prevSpeaker{entity: st.lastSpeaker, tok: st.lastSpeakerTok, unnamed: st.last.unnamed,
		unnamedGender: st.last.unnamedGender, unnamedTok: st.last.unnamedTok}
}

// contextSieve gives a quote with no cue the speaker its context names;
// it reports whether it did.
type contextSieve interface {
	attribute(a *analysis, qi int, st *recordState, d *decided) bool
}

// contextSieves run in this order on a quote no cue sieve attributed.
var contextSieves = [...]contextSieve{conversationSieve{}, previousQuoteSieve{}, previousSubjectSieve{}}
