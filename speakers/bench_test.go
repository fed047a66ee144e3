package speakers_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

// syntheticCorpus makes docs articles of ten quotes each, by people drawn
// from a Zipf-like population in which surnames and given names repeat,
// written in full, by surname alone or with an initial, plus organisations
// and described speakers: the shape of a news site.
func syntheticCorpus(docs int) []extract.Result {
	rng := rand.New(rand.NewPCG(1, 2))
	given := []string{"Ada", "Boris", "Dustin", "Donald", "Eric", "Ilse", "Jean-Marc", "Lena", "Mara", "Pia", "Ola", "Rafael", "Sana", "Tomás", "Yanis"}
	surnames := make([]string, 2000)
	for i := range surnames {
		surnames[i] = fmt.Sprintf("Surname%c%d", 'A'+rune(i%26), i)
	}
	zipf := rand.NewZipf(rng, 1.2, 1, 9999)
	person := func() (g, s string) {
		n := int(zipf.Uint64())
		return given[n%len(given)], surnames[(n/len(given))%len(surnames)]
	}
	out := make([]extract.Result, docs)
	for d := range out {
		id := fmt.Sprintf("doc-%d", d)
		var r extract.Result
		seen := map[string]int{}
		for q := range 10 {
			var name string
			var sp extract.Speaker
			switch k := rng.IntN(20); {
			case k == 0:
				name = "a resident"
			case k == 1:
				name = fmt.Sprintf("Agency %s", surnames[rng.IntN(50)])
				sp.Org = true
			default:
				g, s := person()
				switch rng.IntN(10) {
				case 0, 1, 2:
					name = s
				case 3:
					name = g[:1] + ". " + s
				default:
					name = g + " " + s
					sp.Aliases = []string{s}
				}
			}
			sp.Name = name
			if i, ok := seen[name]; ok {
				r.Speakers[i].Quotes++
			} else {
				seen[name] = len(r.Speakers)
				sp.Quotes = 1
				r.Speakers = append(r.Speakers, sp)
			}
			n := name
			r.Quotes = append(r.Quotes, extract.Quote{ID: extract.QuoteID(id, q*100, q*100+50), Speaker: &n})
		}
		out[d] = r
	}
	return out
}

// BenchmarkLink links 10,000 articles, 100,000 quotes.
func BenchmarkLink(b *testing.B) {
	corpus := syntheticCorpus(10000)
	b.ReportAllocs()
	for b.Loop() {
		lk, err := speakers.New(nil, speakers.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for i, r := range corpus {
			lk.Add(fmt.Sprintf("doc-%d", i), r)
		}
		res := lk.Link()
		if len(res.Speakers) == 0 {
			b.Fatal("no speakers")
		}
	}
}
