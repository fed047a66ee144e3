package extract

// Sieve names the attribution rule that decided a quote's speaker. The
// rules run from the most precise to the loosest; the first that finds a
// speaker decides, so a record's sieve tells which evidence to check and
// `verbatim eval --by-sieve` measures each rule's precision.
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
	SieveGroup           Sieve = "group"             // "certains élus estiment"
	SieveVerbOnly        Sieve = "verb_only"         // a reporting verb, no speaker
	// Context sieves: no speaker in the sentence.
	SievePreviousQuote   Sieve = "previous_quote"   // a quote standing alone continues the last one
	SieveLastSpeaker     Sieve = "last_speaker"     // the last speaker, a paragraph apart at most
	SievePreviousSubject Sieve = "previous_subject" // the subject of the sentences before
	SieveNone            Sieve = "none"
)
