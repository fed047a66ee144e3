package extract

import "testing"

func TestDashSignature(t *testing.T) {
	runCueSieve(t, dashSignature{}, []sieveCase{
		{"a name after a dash on the quote's line", "en", "Headline\n\n“We are ready for the vote.” — Dana Whitfield\n", "—", "Dana Whitfield"},
		{"two hyphens and a description after the name", "en", "Headline\n\n\"We are ready for the vote.\" -- Dana Whitfield, mayor of Easton\n", "--", "Dana Whitfield"},
		{"the signature on the next line", "fr", "Titre\n\n« Nous ne lâcherons rien. »\n\n— Sophie Marchand, secrétaire générale\n", "—", "Sophie Marchand"},
		{"a dialogue turn calling someone", "en", "Headline\n\n“Who is there at this hour?”\n\n— Ruth, come here at once!\n", "", ""},
		{"a quote inside a sentence", "en", "Headline\n\nThe mayor called it “a good day” — Dana Whitfield agreed.\n", "", ""},
		{"a verb after the name", "en", "Headline\n\n“We are ready.” — Dana Whitfield said it twice.\n", "", ""},
	})
}
