package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/verbatim-news/verbatim/extract/lang"
)

func TestFindSpans(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"guillemets with narrow no-break spaces", "Il a dit\u202f: «\u202fNous partons\u202f» hier.", []string{"Nous partons"}},
		{"guillemets with spaces", "« Comme vous le savez, c'est fini », a-t-il dit.", []string{"Comme vous le savez, c'est fini"}},
		{"curly", "“It’s nice to be back,” he said.", []string{"It’s nice to be back,"}},
		{"straight pairs", `"One," she said, "two."`, []string{"One,", "two."}},
		{"german low-high", "Er sagte: „Wir kommen“, und ging.", []string{"Wir kommen"}},
		{"german reversed guillemets", "Er rief: »Halt!« und lief.", []string{"Halt!"}},
		{"german excerpt opening inside a quote", "Komm doch her!« Er lachte. »Nein«, sagte sie. »Nie.« Dann ging er.", []string{"Komm doch her!", "Nein", "Nie."}},
		{"excerpt opening inside a german quote", "Und geh nur weg, du Katze!« Er lachte. »Nein«, sagte sie.", []string{"Und geh nur weg, du Katze!", "Nein"}},
		{"excerpt opening inside a curly quote", "Aber jetzt entkommen Sie mir nicht.“ Ich fühlte es. „Nie“, sagte er.", []string{"Aber jetzt entkommen Sie mir nicht.", "Nie"}},
		{"a text opening on a straight mark is no excerpt", "Jetzt nicht.\" Er ging. \"Nie\", sagte er.", []string{"Nie"}},
		{"german low opener closed by a straight mark before a comma", "Sie „regierten\", der eine bis 1890. Er sagte: „Nein\", und ging.", []string{"regierten", "Nein"}},
		{"german single guillemets", "Sie sprach: ›Erzählt mir eure Geschichte.‹ ›Gern‹, antwortete er.", []string{"Erzählt mir eure Geschichte.", "Gern"}},
		{"french guillemets without spaces", "Elle a dit «Nous partons» puis «Adieu».", []string{"Nous partons", "Adieu"}},
		{"nested keeps outer", "« Il a parlé de “sa vie au travail” hier », dit-il.", []string{"Il a parlé de “sa vie au travail” hier"}},
		{"apostrophes never open", "L'État n'a pas dit qu'il viendrait. It's John's.", nil},
		{"single curly speech", "‘We will win,’ he said.", []string{"We will win,"}},
		{"possessive apostrophe is not a closer", "“The players’ union agrees,” he said.", []string{"The players’ union agrees,"}},
		{"unbalanced stops at paragraph", "« Début sans fin\nAutre paragraphe « fermé » ici.", []string{"Début sans fin", "fermé"}},
		{"multi-paragraph", "“First part.\n“Second part,” he said.", []string{"First part.", "Second part,"}},
		{"continued without reopening", "“First part.\nSecond part,” he said.", []string{"First part.", "Second part,"}},
		{"empty quotes ignored", "He said “” and « ».", nil},
		{"straight with french spacing", `Elle a déclaré : " Nous partirons demain ", a-t-elle dit. " Rien n'est décidé " selon Léa Roy.`,
			[]string{"Nous partirons demain", "Rien n'est décidé"}},
		{"straight french spacing before punctuation", `Ils servaient de " passeurs ". Le " plan " a échoué ".Fin`, []string{"passeurs", "plan"}},
		{"straight french spacing at paragraph edges", "\" Nous restons \" a dit Léa Roy.\nIl cite le rapport : \" Tout va bien \"",
			[]string{"Nous restons", "Tout va bien"}},
		{"straight after elision", `Il parle d'" une faute grave " et qu'"un procès suivra".`, []string{"une faute grave", "un procès suivra"}},
		{"straight after typographic elision", `C’est l’" affaire " du siècle.`, []string{"affaire"}},
		{"straight nested in straight, french spacing", `Elle estime que " le mot "crise" est trop fort " ici.`, []string{`le mot "crise" est trop fort`}},
		{"straight after bracket", `La loi (" texte court ") passe.`, []string{"texte court"}},
		{"british single quotes", "'We will win,' she said. 'The workers' union agrees.'", []string{"We will win,", "The workers' union agrees."}},
		{"british single quotes around apostrophes", "'I don't know,' he said of the '90s boom.", []string{"I don't know,"}},
		{"british weak closer is the last one", "He called it 'a total disaster' and left.\n'Yes,' she said.", []string{"a total disaster", "Yes,"}},
		{"british single quotes around a double", `'He told me "never again",' she said.`, []string{`He told me "never again",`}},
		{"curly single quotes around apostrophes", "‘The bosses’ plan won’t work,’ said Kim.", []string{"The bosses’ plan won’t work,"}},
		{"straight singles nest only inside doubles", `"It's 'fine'," he said. Rock 'n' roll.`, []string{`It's 'fine',`}},
		{"doubled singles are not single quotes", "''Yes,'' he said. It's 'late'.", nil},
		{"curly singles set the document's convention", "‘Yes,’ he said.\n‘No,’ she said. It's 'fine'.\n\"Go,\" I said.", []string{"Yes,", "No,", "fine", "Go,"}},
		{"british multi-paragraph quote", "'We start today.\n\n'The work ends in May,' she said. It's 'rock on.", []string{"We start today.", "The work ends in May,"}},
		{"british single quote before a bracket or an ellipsis", "'(The county) is key,' says Ann Lee. '... and we wait,' she said.", []string{"(The county) is key,", "... and we wait,"}},
		{"british multi-paragraph quote reopened with the other single mark", "'We start today.\n‘The work ends in May,’ she said.", []string{"We start today.", "The work ends in May,"}},
		{"mixed-up single marks", "'The plan is dead.’\n‘We start again,' she said.", []string{"The plan is dead.", "We start again,"}},
		{"straight never pairs across paragraphs", "Il dit \" oui\nLe texte \" final \" ici.", []string{"oui", "final"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := []rune(tc.text)
			paras := splitParagraphs(text)
			spans := findSpans(text, paras, detectSpanOptions(text))
			var got []string
			for _, s := range spans {
				got = append(got, string(text[s.start:s.end]))
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestFindSpansDanglingWord(t *testing.T) {
	gr, err := loadGrammar("fr")
	if !assert.NoError(t, err) {
		return
	}
	// Without the articles and prepositions of the language, the second
	// spaced mark would close the quote after "d'une".
	text := []rune(`Elle parle : " Nous avons vu le cas d'une " vraie " panne hier ", dit-elle.`)
	opt := detectSpanOptions(text)
	opt.dangling = gr.dangling
	var got []string
	for _, s := range findSpans(text, splitParagraphs(text), opt) {
		got = append(got, string(text[s.start:s.end]))
	}
	assert.Equal(t, []string{`Nous avons vu le cas d'une " vraie " panne hier`}, got)
}

func TestFindSpansUnbalancedIsLinear(t *testing.T) {
	text := make([]rune, 0, 30000)
	for i := 0; i < 10000; i++ {
		text = append(text, '«', 'a', ' ')
	}
	spans := findSpans(text, splitParagraphs(text), spanOptions{})
	// Every « is an opener; nothing closes, so one unclosed piece remains.
	assert.Len(t, spans, 1)
}

func TestTypographyLoads(t *testing.T) {
	typo, err := loadTypography(lang.FS)
	if assert.NoError(t, err) {
		assert.True(t, typo.openBefore[':'])
		assert.True(t, typo.closeBefore[','])
		assert.True(t, typo.apostrophe['’'])
	}
}
