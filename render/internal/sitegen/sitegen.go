// Package sitegen writes a synthetic corpus of news articles for benchmarks:
// Markdown files with front matter, French and English, 3 to 6 KB each,
// with quotes of every kind verbatim handles, by fictional people. The same
// seed gives the same files.
package sitegen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Quote is one quote the generator put in an article.
type Quote struct {
	Text, Speaker string
}

// Article is one generated article.
type Article struct {
	Name   string // file name without extension
	Title  string
	Date   time.Time
	Lang   string
	Body   string
	Quotes []Quote
}

var (
	firstNames = []string{"Hélène", "Bastien", "Claire", "Yanis", "Anouk", "Paul-Émile", "Thierry", "Rosalind", "Marcus", "Denise",
		"Ingrid", "Malo", "Sévérine", "Octave", "Lucia", "Tobias", "Amara", "Joran", "Eulalie", "Kasimir", "Nadège", "Orson"}
	lastNames = []string{"Marchetti-Roux", "Keraudren", "Delaunay-Ibarra", "Belkacem", "Vasseur-Lind", "Verdier", "Santoni",
		"Achterberg", "Obi-Lindqvist", "Mbeki-Hart", "Solberg", "Quéméner", "Dufresne-Aka", "Halvorsen", "Petrescu", "Ndiaye-Roth"}
	places   = []string{"Valbrune", "Harrowgate", "Saint-Aubin-des-Landes", "Vireux", "Castelmoure", "Port-Élan", "Northwick", "Lindmarsh"}
	rolesFR  = []string{"la maire", "le ministre", "la directrice", "le président du syndicat", "la porte-parole", "le préfet"}
	rolesEN  = []string{"the mayor", "the minister", "the director", "the union leader", "the spokeswoman", "the chief executive"}
	topicsFR = []string{"le budget", "les transports", "l'hôpital", "le port", "les écoles", "la réforme des retraites", "le lac", "la sécurité"}
	topicsEN = []string{"the budget", "public transport", "the hospital", "the port", "the schools", "the pension reform", "the lake", "policing"}
	fillerFR = []string{
		"Le conseil s'est réuni pendant plus de trois heures dans une salle comble, sous le regard de nombreux habitants venus en famille.",
		"Les chiffres publiés la semaine dernière montrent une hausse de %d %% des dépenses de fonctionnement depuis 2019.",
		"Plusieurs associations avaient appelé à un rassemblement devant la mairie, où quelque %d personnes se sont retrouvées dans la matinée.",
		"Le dossier doit revenir devant l'assemblée à l'automne, après une série de consultations publiques dans chaque quartier.",
		"Selon les services de l'État, les travaux pourraient commencer au printemps si aucun recours n'est déposé d'ici là.",
		"L'opposition réclame depuis des mois la publication d'un audit indépendant sur les comptes de la régie.",
		"La question divise jusque dans la majorité, où certains élus plaident pour un calendrier plus progressif.",
	}
	fillerEN = []string{
		"The council met for more than three hours in a packed chamber, watched by residents who had come with their families.",
		"Figures published last week show running costs up %d per cent since 2019.",
		"Several groups had called a rally outside the town hall, where some %d people gathered during the morning.",
		"The plan is due back before the assembly in the autumn, after public consultations in every district.",
		"Officials said work could begin in the spring if no legal challenge is filed by then.",
		"The opposition has for months demanded an independent audit of the authority's accounts.",
		"The issue divides even the majority, where some members argue for a slower timetable.",
	}
	quoteFR = []string{
		"Nous ne pouvons plus attendre que d'autres décident à notre place",
		"Chaque euro investi aujourd'hui nous évitera d'en dépenser deux demain",
		"Ce n'est pas une question de moyens, c'est une question de volonté",
		"Nous avons entendu les habitants et nous allons leur répondre avant l'été",
		"Personne ne peut sérieusement prétendre que la situation est satisfaisante",
		"Les chiffres parlent d'eux-mêmes et ils ne sont pas bons",
	}
	quoteEN = []string{
		"We cannot keep waiting for others to decide for us",
		"Every pound we spend today saves two tomorrow",
		"This is not a question of money, it is a question of will",
		"We have listened to residents and we will answer them before the summer",
		"Nobody can seriously claim that the situation is satisfactory",
		"The numbers speak for themselves and they are not good",
	}
	partialFR = []string{"engagement sans faille", "soutien constant", "premier pas encore timide", "erreur historique"}
	partialEN = []string{"unwavering commitment", "a first, timid step", "historic mistake", "steady support"}
)

// Generate writes n articles into dir (created if needed) and returns them.
func Generate(dir string, n int, seed uint64) ([]Article, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	var out []Article
	for i := range n {
		a := article(rng, i, start.Add(time.Duration(i)*7*time.Hour))
		if err := os.WriteFile(filepath.Join(dir, a.Name+".md"), []byte(a.Markdown()), 0o644); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// Markdown is the article file: front matter and body.
func (a Article) Markdown() string {
	return fmt.Sprintf("---\ntitle: %q\ndate: %s\nlang: %s\nsource_url: https://news.example.com/%s/%s\noutlet: The Example Times\nauthors: [Sam Example]\n---\n\n%s",
		a.Title, a.Date.Format(time.RFC3339), a.Lang, a.Date.Format("2006/01/02"), a.Name, a.Body)
}

func pick[T any](rng *rand.Rand, s []T) T { return s[rng.IntN(len(s))] }

func article(rng *rand.Rand, i int, date time.Time) Article {
	fr := rng.IntN(2) == 0
	place := pick(rng, places)
	a := Article{Name: fmt.Sprintf("%05d-article", i), Date: date, Lang: "en"}
	filler, quotes, partials, roles, topic := fillerEN, quoteEN, partialEN, rolesEN, pick(rng, topicsEN)
	if fr {
		a.Lang = "fr"
		filler, quotes, partials, roles, topic = fillerFR, quoteFR, partialFR, rolesFR, pick(rng, topicsFR)
		a.Title = fmt.Sprintf("À %s, %s au cœur des débats (%d)", place, topic, i)
	} else {
		a.Title = fmt.Sprintf("In %s, %s takes centre stage (%d)", place, topic, i)
	}
	people := make([]string, 3)
	for k := range people {
		people[k] = pick(rng, firstNames) + " " + pick(rng, lastNames)
	}
	var b strings.Builder
	size := 3000 + rng.IntN(3000)
	for p := 0; b.Len() < size; p++ {
		who := people[p%len(people)]
		switch p % 4 {
		case 0, 2:
			for range 3 {
				s := pick(rng, filler)
				if strings.Contains(s, "%d") {
					s = fmt.Sprintf(s, 5+rng.IntN(400))
				}
				b.WriteString(s + " ")
			}
		case 1:
			q1, q2 := pick(rng, quotes), pick(rng, quotes)
			if fr {
				fmt.Fprintf(&b, "%s, %s, a pris la parole. « %s », a déclaré %s. « %s », a-t-il ajouté.", who, pick(rng, roles), q1, who, q2)
			} else {
				fmt.Fprintf(&b, "%s, %s, spoke first. “%s,” %s said. “%s,” he added.", who, pick(rng, roles), q1, who, q2)
			}
			a.Quotes = append(a.Quotes, Quote{q1, who}, Quote{q2, who})
		case 3:
			pq := pick(rng, partials)
			if fr {
				fmt.Fprintf(&b, "%s a salué leur « %s », selon un communiqué. Le projet reste qualifié de « chantier prioritaire » par la mairie.", who, pq)
			} else {
				fmt.Fprintf(&b, "%s praised their “%s”, according to a statement. The council still calls the plan a “priority project”.", who, pq)
			}
			a.Quotes = append(a.Quotes, Quote{pq, who})
		}
		b.WriteString("\n\n")
	}
	a.Body = b.String()
	return a
}
