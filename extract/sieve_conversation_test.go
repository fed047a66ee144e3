package extract

import (
	"strings"
	"testing"
)

// dialogueScene is a novel's scene: two people take turns, most turns a
// short paragraph of their own.
const dialogueScene = `The Curate Calls

The rain had come in from the sea at noon, and by four o'clock the lane was a brown river.

Mr. Ambrose Pell arrived at the cottage with his hat brim full of water. Mrs. Hester Lyle opened the door herself.

"You will drown upon the step, Mr. Pell," she said.

"The Vicar would say it was my doing."

"The Vicar says that of everyone."

"Then it is Kit."

"It is Kit. He was seen on the sea wall."

He sat down on the very edge of the chair.

"No."

"I say only that he was seen."

"Not in my parlour."
`

// firstReplyScene opens on narration naming two people; the first turn
// is cued, the reply is not.
const firstReplyScene = `The Night Shift

By nine the neighbours had gone, and there was nobody left in the kitchen but Frank Kessler at the head of the table and his daughter Nora Kessler at the sink.

“You should go to bed, Dad,” Nora said without turning round.

“I’m not tired.”

“You haven’t slept since Thursday.”

“Neither have you.”

Outside a car went by. She dried her hands.

“I found this in the pantry.”

He did not look up.

“Put it away.”

“It’s her writing.”

“I know whose writing it is.”

“Then read it.”
`

func TestConversationSieve(t *testing.T) {
	runContextCases(t, []contextCase{
		{"the turn after a quote that calls someone by name is theirs", "en", dialogueScene,
			"The Vicar would say it was my doing.", SieveConversation, "Ambrose Pell"},
		{"two people take turns", "en", dialogueScene,
			"The Vicar says that of everyone.", SieveConversation, "Hester Lyle"},
		{"turns go on alternating", "en", dialogueScene,
			"Then it is Kit.", SieveConversation, "Ambrose Pell"},
		{"the first reply is the other person the narration named", "en", firstReplyScene,
			"I’m not tired.", SieveConversation, "Frank Kessler"},
		{"then the two alternate", "en", firstReplyScene,
			"Neither have you.", SieveConversation, "Frank Kessler"},
		{"a news article keeps the speaker of a quote standing alone", "en",
			"Headline\n\n“It was close,” Derek Osei said.\n\n“We need a recount,” said Ann Wu, his opponent.\n\n“The count was fair.”",
			"The count was fair.", SievePreviousQuote, "Ann Wu"},
	})
}

func TestDialogueText(t *testing.T) {
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	news := "Headline\n\n" + strings.Repeat("The council met on Tuesday and voted on the budget after a long debate about roads.\n\n“We will not raise taxes this year, whatever the province decides,” the mayor said.\n\n", 5)
	for _, c := range []struct {
		name, text string
		want       bool
	}{
		{"a scene of short turns", dialogueScene, true},
		{"news with long quotes", news, false},
	} {
		a := newAnalysis(ex.langs["en"], c.text)
		if a.dialogue != c.want {
			t.Errorf("%s: dialogue %v, want %v", c.name, a.dialogue, c.want)
		}
	}
}
