package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestJoinWrappedLines(t *testing.T) {
	novel := "CHAPTER I\n\nThe rain had not stopped, and Margaret stood at the window\n" +
		"of the parlour, watching the lane. Her brother came in\nwithout knocking.\n\n" +
		"\"You will not go out in this,\" he said. \"The\nroad is under water.\"\n"
	cases := []struct {
		name, in, want string
	}{
		{"a word then a lowercase word", "“This is the first line\nand the second,” said Paul Roy.",
			"“This is the first line and the second,” said Paul Roy."},
		{"a comma then a lowercase word", "Ann said,\nshe would come.", "Ann said, she would come."},
		{"a sentence end keeps its break", "It rained.\nthe end.", "It rained.\nthe end."},
		{"a capital keeps its break", "Headline\nThe text.", "Headline\nThe text."},
		{"a blank line keeps both breaks", "line one\n\nand two", "line one\n\nand two"},
		{"a hard-wrapped text joins every line of a block", novel,
			strings.NewReplacer("window\n", "window ", "came in\n", "came in ", "\"The\n", "\"The ").Replace(novel)},
		{"long lines are not hard-wrapped", strings.Repeat("word ", 30) + "\nThe next paragraph.\nAnd Another one\nHere\n\nEnd",
			strings.Repeat("word ", 30) + "\nThe next paragraph.\nAnd Another one\nHere\n\nEnd"},
		{"one-sentence lines are not hard-wrapped", "Title\n\nOne line.\nTwo lines.\nThree lines.\nFour.",
			"Title\n\nOne line.\nTwo lines.\nThree lines.\nFour."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := []rune(c.in)
			joinWrappedLines(r)
			assert.Equal(t, c.want, string(r))
		})
	}
}
