package extract

import "testing"

func TestAfterAside(t *testing.T) {
	runCueSieve(t, afterAside{}, []sieveCase{
		{"french inversion after an aside", "fr", "Titre\n\n« Tout sera payé », y compris le montant, commente Lina Oksanen.", "commente", "Lina Oksanen"},
		{"no attribution after the comma", "en", "Headline\n\n“Fine,” he thought, and left the room.", "", ""},
	})
}
