package speakers_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

// spk is one speaker of a test article: name as the article gives it, then
// options after a "|": "org", "m"/"f", "role=golfer", "alias=Brellick",
// "quotes=3".
type spk string

// doc is one test article.
type doc struct {
	id       string
	speakers []spk
}

func parseSpk(s spk) (extract.Speaker, int) {
	name, opts, _ := strings.Cut(string(s), "|")
	sp := extract.Speaker{Name: strings.TrimSpace(name)}
	n := 1
	for _, o := range strings.Split(opts, ",") {
		o = strings.TrimSpace(o)
		switch {
		case o == "":
		case o == "org":
			sp.Org = true
		case o == "described":
			sp.Described = true
		case o == "m" || o == "f":
			sp.Gender = o
		case strings.HasPrefix(o, "role="):
			sp.Roles = append(sp.Roles, strings.TrimPrefix(o, "role="))
		case strings.HasPrefix(o, "alias="):
			sp.Aliases = append(sp.Aliases, strings.TrimPrefix(o, "alias="))
		case strings.HasPrefix(o, "quotes="):
			n = len(strings.TrimPrefix(o, "quotes=")) // "quotes=xxx" is three quotes
		}
	}
	sp.Quotes = n
	return sp, n
}

// result builds what the extractor would return for d: each speaker's
// quotes in turn, at offsets 10, 20, 30…
func result(d doc) extract.Result {
	var r extract.Result
	pos := 0
	for _, s := range d.speakers {
		sp, n := parseSpk(s)
		r.Speakers = append(r.Speakers, sp)
		for range n {
			pos += 10
			name := sp.Name
			r.Quotes = append(r.Quotes, extract.Quote{ID: extract.QuoteID(d.id, pos, pos+5), Start: pos, End: pos + 5,
				Text: "words", Speaker: &name, Attribution: extract.ByName})
		}
	}
	return r
}

// repeat makes n articles quoting the same speakers.
func repeat(prefix string, n int, speakers ...spk) []doc {
	var out []doc
	for i := 1; i <= n; i++ {
		out = append(out, doc{fmt.Sprintf("%s%d", prefix, i), speakers})
	}
	return out
}

func link(t *testing.T, cfg *speakers.Config, docs ...doc) (*speakers.Result, []extract.Result) {
	t.Helper()
	lk, err := speakers.New(cfg, speakers.Options{})
	require.NoError(t, err)
	var rs []extract.Result
	for _, d := range docs {
		r := result(d)
		rs = append(rs, r)
		lk.Add(d.id, r)
	}
	return lk.Link(), rs
}

// ids maps "doc/speaker name" to the speaker id of that speaker's quotes
// in that article, or "MIXED" when they do not share one.
func ids(t *testing.T, res *speakers.Result, docs []doc, rs []extract.Result) map[string]string {
	t.Helper()
	out := map[string]string{}
	for di, r := range rs {
		for qi, q := range r.Quotes {
			k := docs[di].id + "/" + q.SpeakerName()
			id := res.SpeakerID(di, qi)
			assert.Equal(t, id, res.QuoteSpeakerID(q.ID))
			if old, ok := out[k]; ok && old != id {
				id = "MIXED" // split by quote: the caller checks quotes one by one
			}
			out[k] = id
		}
	}
	return out
}

func TestLink(t *testing.T) {
	cases := []struct {
		name string
		docs []doc
		// same lists groups of "doc/name" that must share an id; every
		// two groups must differ.
		same [][]string
		// want gives expected ids.
		want map[string]string
	}{
		{
			name: "spelling variants across articles",
			docs: []doc{
				{"a1", []spk{"Antony Brellick|m,role=minister,alias=Brellick,quotes=xx"}},
				{"a2", []spk{"Anthony Brellick|m,role=minister"}},
				{"a3", []spk{"A. Brellick"}},
			},
			same: [][]string{{"a1/Antony Brellick", "a2/Anthony Brellick", "a3/A. Brellick"}},
			want: map[string]string{"a1/Antony Brellick": "antony-brellick"},
		},
		{
			name: "accents hyphens and case",
			docs: []doc{
				{"b1", []spk{"Jean-Marc Ayrolle"}},
				{"b2", []spk{"Jean Marc Ayrolle"}},
				{"b3", []spk{"Jéan-Marc AYROLLE"}},
				{"b4", []spk{"Élodie Tokarïeva"}},
				{"b5", []spk{"Elodie Tokarieva"}},
			},
			same: [][]string{{"b1/Jean-Marc Ayrolle", "b2/Jean Marc Ayrolle", "b3/Jéan-Marc AYROLLE"},
				{"b4/Élodie Tokarïeva", "b5/Elodie Tokarieva"}},
		},
		{
			name: "a slip in the surname across articles",
			docs: []doc{
				{"k1", []spk{"Marianne Kowalczyk|f"}},
				{"k2", []spk{"Marianne Kowalczik|f", "Kowalczyk"}},
				{"k3", []spk{"Boris Johnson|m"}},
				{"k4", []spk{"Dustin Johnson|m"}},
				{"k5", []spk{"Peter Schmidt", "Peter Schmitt"}}, // two people of one article stay two
				{"k6", []spk{"Peter Schmitt"}},
				{"k7", []spk{"Anna Meyer"}}, // short surnames: two families
				{"k8", []spk{"Anna Mayer"}},
			},
			same: [][]string{
				{"k1/Marianne Kowalczyk", "k2/Marianne Kowalczik", "k2/Kowalczyk"},
				{"k3/Boris Johnson"}, {"k4/Dustin Johnson"},
				{"k5/Peter Schmidt"}, {"k5/Peter Schmitt", "k6/Peter Schmitt"},
				{"k7/Anna Meyer"}, {"k8/Anna Mayer"},
			},
			want: map[string]string{"k1/Marianne Kowalczyk": "marianne-kowalczyk", "k3/Boris Johnson": "boris-johnson", "k4/Dustin Johnson": "dustin-johnson"},
		},
		{
			name: "unnamed speakers at a sentence start stay one article's",
			docs: []doc{
				{"u1", []spk{"A spokesperson for the police department|quotes=xx"}},
				{"u2", []spk{"A spokesperson for the police department"}},
				{"u3", []spk{"Un porte-parole de la police"}},
				{"u4", []spk{"Un porte-parole de la police"}},
			},
			same: [][]string{
				{"u1/A spokesperson for the police department"}, {"u2/A spokesperson for the police department"},
				{"u3/Un porte-parole de la police"}, {"u4/Un porte-parole de la police"},
			},
		},
		{
			name: "one surname, two people in different articles",
			docs: []doc{
				{"s1", []spk{"Boris Halvorsen|m,role=prime minister,quotes=xx"}},
				{"s2", []spk{"Dustin Halvorsen|m,role=golfer"}},
				{"s3", []spk{"Boris Halvorsen|m"}},
				{"s4", []spk{"Halvorsen|m,role=golfer"}},        // the role picks Dustin
				{"s5", []spk{"Halvorsen|m"}},                    // 2 articles against 1: ambiguous
				{"s6", []spk{"Halvorsen|m"}},                    // and apart from s5
				{"s7", []spk{"Halvorsen", "Leni Marsh|f"}},      // co-quoted with Dustin's partner below
				{"s8", []spk{"Dustin Halvorsen", "Leni Marsh"}}, // Leni Marsh is quoted beside Dustin
				{"s9", []spk{"B. Halvorsen"}},                   // only Boris
				{"s10", []spk{"D. Halvorsen"}},                  // Dustin or Dana
				{"s11", []spk{"Dana Halvorsen|f"}},
			},
			same: [][]string{
				{"s1/Boris Halvorsen", "s3/Boris Halvorsen", "s9/B. Halvorsen"},
				{"s10/D. Halvorsen"},
				{"s11/Dana Halvorsen"},
				{"s2/Dustin Halvorsen", "s4/Halvorsen", "s7/Halvorsen", "s8/Dustin Halvorsen"},
				{"s5/Halvorsen"},
				{"s6/Halvorsen"},
				{"s7/Leni Marsh", "s8/Leni Marsh"},
			},
			want: map[string]string{"s5/Halvorsen": "halvorsen", "s6/Halvorsen": "halvorsen-2", "s1/Boris Halvorsen": "boris-halvorsen"},
		},
		{
			name: "two people with one surname in one article",
			docs: append([]doc{
				{"t1", []spk{"Donald Quarrey|m,alias=Quarrey", "Eric Quarrey|m"}},
				{"t6", []spk{"Quarrey|m"}},               // Donald has 10 articles, Eric 2: dominant
				{"t7", []spk{"Quarrey", "Eric Quarrey"}}, // ambiguous in its own article
				{"t8", []spk{"D. Quarrey"}},
				{"t9", []spk{"Donald Quarrey Jr."}}, // the son
				{"t11", []spk{"Quarrey|f"}},         // neither, by gender
			}, repeat("td", 9, "Donald Quarrey")...),
			same: [][]string{
				{"t1/Donald Quarrey", "td1/Donald Quarrey", "td9/Donald Quarrey", "t6/Quarrey", "t8/D. Quarrey"},
				{"t1/Eric Quarrey", "t7/Eric Quarrey"},
				{"t7/Quarrey"},
				{"t9/Donald Quarrey Jr."},
				{"t11/Quarrey"},
			},
			want: map[string]string{"t1/Donald Quarrey": "donald-quarrey", "t9/Donald Quarrey Jr.": "donald-quarrey-jr"},
		},
		{
			name: "organisations are not people",
			docs: []doc{
				{"o1", []spk{"Mara Quellen|f", "Quellen Shipping|org"}},
				{"o2", []spk{"the Harrow Port Authority|org", "Quellen|f"}},
				{"o3", []spk{"Harrow Port Authority|org", "HPA|org"}},
				{"o4", []spk{"HPA|org"}},
				{"o5", []spk{"Harrowgate Dockers|org,alias=HD", "HD|org"}},
				{"o6", []spk{"Quellen Shipping|org"}},
				{"o7", []spk{"Valbrune Council|org,alias=Valbrune Town Hall"}},
				{"o8", []spk{"Valbrune Town Hall|org"}}, // not an acronym: apart
			},
			same: [][]string{
				{"o1/Mara Quellen", "o2/Quellen"},
				{"o1/Quellen Shipping", "o6/Quellen Shipping"},
				{"o2/the Harrow Port Authority", "o3/Harrow Port Authority", "o3/HPA", "o4/HPA"},
				{"o5/Harrowgate Dockers", "o5/HD"},
				{"o7/Valbrune Council"},
				{"o8/Valbrune Town Hall"},
			},
		},
		{
			name: "described speakers stay in their article",
			docs: []doc{
				{"u1", []spk{"a dock worker|quotes=xx", "Mara Quellen"}},
				{"u2", []spk{"a dock worker"}},
			},
			same: [][]string{{"u1/a dock worker"}, {"u2/a dock worker"}, {"u1/Mara Quellen"}},
		},
		{
			name: "middle names must agree",
			docs: []doc{
				{"m1", []spk{"George W. Pellam|quotes=xxx"}},
				{"m2", []spk{"George H. W. Pellam|quotes=xx"}},
				{"m3", []spk{"George Walker Pellam"}},
				{"m4", []spk{"George Pellam"}}, // either of them
			},
			same: [][]string{{"m1/George W. Pellam", "m3/George Walker Pellam"}, {"m2/George H. W. Pellam"}, {"m4/George Pellam"}},
		},
		{
			name: "one letter apart but not the same given name",
			docs: []doc{
				{"g1", []spk{"Mark Tessler"}},
				{"g2", []spk{"Mary Tessler"}},
				{"g3", []spk{"Eric Vantongeren"}},
				{"g4", []spk{"Erin Vantongeren"}},
				{"g5", []spk{"Jon Fairleigh"}}, // three letters: no slip allowed
				{"g6", []spk{"Jan Fairleigh"}},
			},
			same: [][]string{{"g1/Mark Tessler"}, {"g2/Mary Tessler"}, {"g3/Eric Vantongeren"}, {"g4/Erin Vantongeren"},
				{"g5/Jon Fairleigh"}, {"g6/Jan Fairleigh"}},
		},
		{
			name: "titles and headline words before a name",
			docs: []doc{
				{"h1", []spk{"Ilse Varga|f"}},
				{"h2", []spk{"President Varga"}},
				{"h3", []spk{"Celebrating Ilse Varga"}},
				{"h4", []spk{"Mrs. Varga"}},
			},
			same: [][]string{{"h1/Ilse Varga", "h2/President Varga", "h3/Celebrating Ilse Varga", "h4/Mrs. Varga"}},
			want: map[string]string{"h2/President Varga": "ilse-varga"},
		},
		{
			name: "surname alone with no full name anywhere",
			docs: []doc{
				{"n1", []spk{"Okonkwo|role=coach", "Pia Lund"}},
				{"n2", []spk{"Okonkwo|role=coach"}},  // shares the role
				{"n3", []spk{"Okonkwo", "Pia Lund"}}, // shares a co-quoted speaker
				{"n4", []spk{"Okonkwo"}},             // no evidence: apart
			},
			same: [][]string{{"n1/Okonkwo", "n2/Okonkwo", "n3/Okonkwo"}, {"n4/Okonkwo"}, {"n1/Pia Lund", "n3/Pia Lund"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, rs := link(t, nil, c.docs...)
			got := ids(t, res, c.docs, rs)
			var groupIDs []string
			for _, g := range c.same {
				for _, k := range g {
					require.Contains(t, got, k)
					assert.Equal(t, got[g[0]], got[k], "%s and %s should be one speaker", g[0], k)
				}
				assert.NotContains(t, groupIDs, got[g[0]], "%s should be a speaker of its own", g[0])
				groupIDs = append(groupIDs, got[g[0]])
			}
			for k, id := range c.want {
				assert.Equal(t, id, got[k], k)
			}
			// Every quote counted once, and ids unique.
			seen := map[string]bool{}
			total := 0
			for _, s := range res.Speakers {
				assert.False(t, seen[s.ID], "duplicate id %s", s.ID)
				seen[s.ID] = true
				total += s.Quotes
			}
			n := 0
			for _, r := range rs {
				n += len(r.Quotes)
			}
			assert.Equal(t, n, total)
		})
	}
}

func speakerNamed(t *testing.T, res *speakers.Result, id string) speakers.Speaker {
	t.Helper()
	sp, ok := res.Speaker(id)
	require.True(t, ok, "no speaker %s", id)
	return *sp
}

func TestCanonicalNameAliasesAndMerges(t *testing.T) {
	docs := []doc{
		{"a1", []spk{"Anthony Brellick|alias=Brellick"}},
		{"a2", []spk{"Antony Brellick|alias=Brellick,alias=Mr Brellick"}},
		{"a3", []spk{"Antony Brellick"}},
		{"a4", []spk{"Brellick"}},
	}
	res, _ := link(t, nil, docs...)
	require.Len(t, res.Speakers, 1)
	sp := res.Speakers[0]
	assert.Equal(t, "Antony Brellick", sp.Name, "the most frequent full form")
	assert.Equal(t, "antony-brellick", sp.ID)
	assert.Equal(t, []string{"Brellick", "Anthony Brellick", "Mr Brellick"}, sp.Aliases)
	assert.Equal(t, 4, sp.Quotes)
	assert.Equal(t, 4, sp.Docs)
	assert.Equal(t, []speakers.Merge{
		{From: "Anthony Brellick", Into: "Antony Brellick", IntoID: "antony-brellick", Rule: speakers.RuleSpelling, Docs: 1, Made: true},
		{From: "Brellick", Into: "Antony Brellick", IntoID: "antony-brellick", Rule: speakers.RuleOnly, Docs: 1, Made: true},
	}, sp.Merges)
}

func TestSuggestions(t *testing.T) {
	docs := []doc{
		{"s1", []spk{"Boris Halvorsen"}},
		{"s2", []spk{"Dustin Halvorsen"}},
		{"s3", []spk{"Halvorsen"}},
		{"s4", []spk{"Eric Quarrey", "Quarrey"}},
		{"s5", []spk{"Donald Quarrey"}},
		{"s6", []spk{"Harrow Port Authority|org", "Hill Park Association|org"}},
		{"s7", []spk{"HPA|org"}},
	}
	res, _ := link(t, nil, docs...)
	hpa := speakerNamed(t, res, "hpa")
	require.Len(t, hpa.Merges, 2)
	assert.Equal(t, "harrow-port-authority", hpa.Merges[0].IntoID)
	assert.Equal(t, "hill-park-association", hpa.Merges[1].IntoID)
	assert.Equal(t, "several organisations spell this acronym out", hpa.Merges[0].Reason)
	h := speakerNamed(t, res, "halvorsen")
	require.Len(t, h.Merges, 2)
	for _, m := range h.Merges {
		assert.False(t, m.Made)
		assert.Equal(t, "Halvorsen", m.From)
		assert.Contains(t, m.Reason, "ambiguous")
	}
	assert.ElementsMatch(t, []string{"boris-halvorsen", "dustin-halvorsen"}, []string{h.Merges[0].IntoID, h.Merges[1].IntoID})
	q := speakerNamed(t, res, "quarrey")
	require.NotEmpty(t, q.Merges)
	assert.Contains(t, q.Merges[0].Reason, "same article")
}

func TestDeterministic(t *testing.T) {
	docs := []doc{
		{"d1", []spk{"Halvorsen", "Boris Halvorsen", "a witness"}},
		{"d2", []spk{"Halvorsen", "Dustin Halvorsen"}},
		{"d3", []spk{"Halvorsen", "HPA|org", "Harrow Port Authority|org"}},
	}
	first, _ := link(t, nil, docs...)
	for range 5 {
		again, _ := link(t, nil, docs...)
		assert.Equal(t, first.Speakers, again.Speakers)
	}
	// The order of the corpus decides which "Halvorsen" keeps the bare id.
	var names []string
	for _, s := range first.Speakers {
		names = append(names, s.ID)
	}
	assert.Contains(t, names, "halvorsen")
	assert.Contains(t, names, "halvorsen-2")
	assert.Contains(t, names, "halvorsen-3")
}

func TestQuotesOnly(t *testing.T) {
	// A cache that kept only the quotes: names are all there is.
	lk, err := speakers.New(nil, speakers.Options{})
	require.NoError(t, err)
	for i, name := range []string{"Antony Brellick", "Anthony Brellick", "", "a witness"} {
		id := string(rune('a' + i))
		r := result(doc{id, nil})
		q := extract.Quote{ID: extract.QuoteID(id, 1, 5), Start: 1, End: 5}
		if name != "" {
			q.Speaker = &name
		}
		r.Quotes = append(r.Quotes, q)
		lk.Add(id, r)
	}
	res := lk.Link()
	assert.Equal(t, "antony-brellick", res.SpeakerID(0, 0))
	assert.Equal(t, "antony-brellick", res.SpeakerID(1, 0))
	assert.Equal(t, "", res.SpeakerID(2, 0))
	assert.True(t, strings.HasPrefix(res.SpeakerID(3, 0), "a-witness-"), res.SpeakerID(3, 0))
	assert.Equal(t, "", res.SpeakerID(9, 0))
	assert.Equal(t, "", res.SpeakerID(0, 9))
}

func TestRecordsAndResolve(t *testing.T) {
	docs := []doc{
		{"r1", []spk{"Antony Brellick|quotes=xx", "a dock worker"}},
	}
	res, rs := link(t, nil, docs...)
	recs := res.Records(0, rs[0].Quotes)
	require.Len(t, recs, 3)
	assert.Equal(t, "r1", recs[0].DocID)
	assert.Equal(t, "antony-brellick", recs[0].SpeakerID)
	assert.Equal(t, "antony-brellick", recs[1].SpeakerID)
	assert.NotEqual(t, "antony-brellick", recs[2].SpeakerID)

	id, name := res.Resolve("antony brellick")
	assert.Equal(t, "antony-brellick", id)
	assert.Equal(t, "Antony Brellick", name)
	id, name = res.Resolve("Mara Quellen")
	assert.Equal(t, "mara-quellen", id)
	assert.Equal(t, "Mara Quellen", name)
	again, _ := res.Resolve("Mara Quellen")
	assert.Equal(t, id, again)
	// A described speaker is not a name to resolve to.
	id, _ = res.Resolve("a dock worker")
	assert.Equal(t, "a-dock-worker", id)

	recs[0].SpeakerID = "mara-quellen"
	res.Recount(recs)
	assert.Equal(t, 1, speakerNamed(t, res, "mara-quellen").Quotes)
	assert.Equal(t, 1, speakerNamed(t, res, "antony-brellick").Quotes)
	assert.Equal(t, 1, speakerNamed(t, res, "antony-brellick").Docs)
}

func TestSpeakersOrder(t *testing.T) {
	res, _ := link(t, nil,
		doc{"x1", []spk{"Pia Lund", "Mara Quellen|quotes=xxx", "Ilse Varga|quotes=xxx"}})
	var got []string
	for _, s := range res.Speakers {
		got = append(got, s.ID)
	}
	assert.Equal(t, []string{"ilse-varga", "mara-quellen", "pia-lund"}, got)
	assert.True(t, slices.IsSortedFunc(res.Speakers, func(a, b speakers.Speaker) int { return b.Quotes - a.Quotes }))
}

func TestReservedIDs(t *testing.T) {
	lk, err := speakers.New(nil, speakers.Options{Reserved: []string{"unattributed", "pia-lund"}})
	require.NoError(t, err)
	lk.Add("a", result(doc{"a", []spk{"Pia Lund", "Unattributed"}}))
	res := lk.Link()
	assert.Equal(t, "pia-lund-2", res.SpeakerID(0, 0))
	assert.Equal(t, "unattributed-2", res.SpeakerID(0, 1))
}

func TestUnnamedAtSentenceStart(t *testing.T) {
	docs := []doc{
		{"u1", []spk{"A spokesperson for the police department"}},
		{"u2", []spk{"A spokesperson for the police department"}},
		{"u3", []spk{"Un porte-parole de la police"}},
	}
	res, _ := link(t, nil, docs...)
	require.Len(t, res.Speakers, 3, "one speaker per article, never one across the site")
	for _, s := range res.Speakers {
		assert.True(t, s.Unnamed, s.Name)
		assert.NotEqual(t, "a-spokesperson-for-the-police-department", s.ID, "the id carries the article")
		assert.Equal(t, 1, s.Docs)
	}
	assert.Equal(t, "A spokesperson for the police department", res.Speakers[0].Name, "the description is kept whole")
}

// TestDescribedSpeakers: a speaker the extractor gives as a description
// ("Police said …" opens its sentence, so it is capitalised) stays its
// article's, whatever its case.
func TestDescribedSpeakers(t *testing.T) {
	res, _ := link(t, nil, doc{"d1", []spk{"Police|described"}}, doc{"d2", []spk{"Police|described"}})
	require.Len(t, res.Speakers, 2, "one speaker per article")
	for _, s := range res.Speakers {
		assert.True(t, s.Unnamed, s.Name)
	}
	assert.NotEqual(t, res.Speakers[0].ID, res.Speakers[1].ID)
}
