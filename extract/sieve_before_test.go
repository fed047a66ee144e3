package extract

import "testing"

func TestBeforeQuote(t *testing.T) {
	runCueSieve(t, beforeQuote{}, []sieveCase{
		{"french selon", "fr", "Titre\n\nSelon Hélène Caradec, « la saison est perdue ».", "Selon", "Hélène Caradec"},
		{"french d'après a description", "fr", "Titre\n\nD'après le ministre du budget, Jérôme Lasalle, « il manque de l'argent ».", "D'après", "le ministre du budget"},
		{"french opinion after a conjunction", "fr", "Titre\n\nMais pour Sophie Marchal, « tout le monde connaît la stratégie ».", "pour", "Sophie Marchal"},
		{"french subject and verb", "fr", "Titre\n\nPaul Girard a déclaré que « rien n'est joué ».", "a déclaré", "Paul Girard"},
		{"french affiliation in parentheses", "fr", "Titre\n\nPaul Girard (UMP) a dénoncé un « incident grave et une manipulation ».", "a dénoncé", "Paul Girard"},
		{"french object clitic", "fr", "Titre\n\nNadine Morel, ex-députée, l'avait appelé la « châtelaine du village ».", "avait appelé", "Nadine Morel"},
		{"english colon", "en", "Headline\n\nMarc Lenoir: “I will not resign.”", ":", "Marc Lenoir"},
		{"english quantified group", "en", "Headline\n\nSome critics say the plan is “far too slow to adapt”.", "say", "Some critics"},
	})
}
