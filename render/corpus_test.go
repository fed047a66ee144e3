package render

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
)

// scripted is an Extractor for small sites written in tests: every line
// "Speaker|words" of an article is a quote of those words by that speaker
// ("-" for none; a name ending in " (org)" is an organisation).
type scripted struct{}

func (scripted) Analyze(d extract.Document) extract.Result {
	res := extract.Result{Lang: d.Lang}
	seen := map[string]int{}
	offset := 0 // in code points
	for line := range strings.Lines(d.Text) {
		who, words, ok := strings.Cut(strings.TrimRight(line, "\n"), "|")
		if ok && words != "" {
			start := offset + len([]rune(who)) + 1
			end := start + len([]rune(words))
			q := extract.Quote{ID: extract.QuoteID(d.ID, start, end), Text: words, Start: start, End: end,
				Kind: extract.Direct, Attribution: extract.ByName, Cue: "said", Sentence: words, Confidence: 1, Lang: d.Lang}
			if who != "-" {
				name, org := strings.CutSuffix(who, " (org)")
				q.Speaker = &name
				if i, ok := seen[name]; ok {
					res.Speakers[i].Quotes++
				} else {
					seen[name] = len(res.Speakers)
					res.Speakers = append(res.Speakers, extract.Speaker{Name: name, Org: org, Quotes: 1})
				}
			}
			res.Quotes = append(res.Quotes, q)
		}
		offset += len([]rune(line))
	}
	return res
}

// article writes a Markdown article of scripted quotes.
func articleMD(title, date string, lines ...string) string {
	return "---\ntitle: " + title + "\ndate: " + date + "\nlang: en\nsource_url: https://news.example.com/" +
		strings.ToLower(strings.ReplaceAll(title, " ", "-")) + "\n---\n" + strings.Join(lines, "\n") + "\n"
}

// corpusSite writes a site folder and makes it the current directory, as
// `verbatim build` runs: speakers.yaml and corrections.yaml are found there
// by default.
func corpusSite(t *testing.T, files map[string]string) Options {
	t.Helper()
	dir := t.TempDir()
	files["verbatim.yaml"] = "title: Corpus\nbase_url: https://quotes.example.com/\n"
	writeTree(t, dir, files)
	t.Chdir(dir)
	return Options{OutDir: "public", Extractor: scripted{}, ExtractorVersion: "test", CacheDir: "cache"}
}

func build(t *testing.T, opts Options) (Report, map[string]string) {
	t.Helper()
	rep, err := Build(context.Background(), opts)
	require.NoError(t, err)
	return rep, readTree(t, opts.OutDir)
}

// quotesJSON decodes quotes.json by quote text.
func quotesJSON(t *testing.T, files map[string]string) map[string]map[string]any {
	t.Helper()
	var recs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(files["quotes.json"]), &recs))
	out := map[string]map[string]any{}
	for _, r := range recs {
		out[r["text"].(string)] = r
	}
	return out
}

// speakerPages lists the speaker ids that have a page.
func speakerPages(files map[string]string) []string {
	var out []string
	for name := range files {
		rest, ok := strings.CutPrefix(name, "speakers/")
		if id, ok2 := strings.CutSuffix(rest, "/index.html"); ok && ok2 && !strings.Contains(id, "/") {
			out = append(out, id)
		}
	}
	return out
}

// cards counts the quote cards of a page.
func cards(page string) int { return strings.Count(page, `<figure class="quote"`) }

func TestSpeakersAcrossArticles(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		pages    []string          // speaker pages, "unattributed" included
		quotes   map[string]string // quote text → speaker_id in quotes.json ("" for none)
		contains map[string][]string
	}{
		{
			name: "spelling variants in two articles are one speaker",
			files: map[string]string{
				"content/a.md": articleMD("Talks in Geneva", "2024-03-01", "Antony Blinken|We made progress."),
				"content/b.md": articleMD("Talks in Cairo", "2024-03-02", "Anthony Blinken|We are not there yet."),
			},
			pages:  []string{"antony-blinken"},
			quotes: map[string]string{"We made progress.": "antony-blinken", "We are not there yet.": "antony-blinken"},
			contains: map[string][]string{
				"speakers/antony-blinken/index.html": {"<h1>Antony Blinken</h1>", "We made progress.", "We are not there yet.", "Also written: Anthony Blinken"},
			},
		},
		{
			name: "one surname, two people",
			files: map[string]string{
				"content/a.md": articleMD("Brexit vote", "2024-03-01", "Boris Johnson|Get it done."),
				"content/b.md": articleMD("The Open", "2024-03-02", "Dustin Johnson|The greens were fast."),
			},
			pages:  []string{"boris-johnson", "dustin-johnson"},
			quotes: map[string]string{"Get it done.": "boris-johnson", "The greens were fast.": "dustin-johnson"},
			contains: map[string][]string{
				"speakers/boris-johnson/index.html":  {"Get it done."},
				"speakers/dustin-johnson/index.html": {"The greens were fast."},
			},
		},
		{
			name: "speakers.yaml: description, Wikidata item, alias",
			files: map[string]string{
				"content/a.md": articleMD("Harbour plan", "2024-03-01", "Tony Brellick|We will rebuild the harbour."),
				"content/b.md": articleMD("Harbour money", "2024-03-02", "Antony Brellick|Before winter."),
				"speakers.yaml": "- name: Antony Brellick\n  aliases: [Tony Brellick]\n  description: Port minister of Valbrune\n  qid: Q4242\n" +
					"- name: Harrow Port Authority\n  org: true\n  aliases: [HPA]\n",
				"content/c.md": articleMD("Port", "2024-03-03", "HPA|Works begin."),
			},
			pages:  []string{"antony-brellick", "harrow-port-authority"},
			quotes: map[string]string{"We will rebuild the harbour.": "antony-brellick", "Before winter.": "antony-brellick", "Works begin.": "harrow-port-authority"},
			contains: map[string][]string{
				"speakers/antony-brellick/index.html": {
					`<p class="description">Port minister of Valbrune</p>`,
					`<a href="https://www.wikidata.org/wiki/Q4242" rel="noopener noreferrer">Wikidata Q4242</a>`,
					`"mainEntity":{"@type":"Person","alternateName":["Tony Brellick"],"description":"Port minister of Valbrune","name":"Antony Brellick","sameAs":"https://www.wikidata.org/wiki/Q4242"`,
				},
				"speakers/antony-brellick/index.md":         {"description: Port minister of Valbrune\nwikidata: https://www.wikidata.org/wiki/Q4242\n"},
				"speakers/harrow-port-authority/index.html": {`"mainEntity":{"@type":"Organization","alternateName":["HPA"],"name":"Harrow Port Authority"`},
			},
		},
		{
			name: "not_a_person: the quotes get no speaker",
			files: map[string]string{
				"content/a.md":  articleMD("Primaries", "2024-03-01", "Republican|A wave is coming.", "Mara Quellen|Not here."),
				"speakers.yaml": "- name: Republican\n  not_a_person: true\n",
			},
			pages:  []string{"mara-quellen", "unattributed"},
			quotes: map[string]string{"A wave is coming.": "", "Not here.": "mara-quellen"},
			contains: map[string][]string{
				"speakers/unattributed/index.html": {"A wave is coming."},
			},
		},
		{
			name: "speakers.yaml may take the id of the unattributed section",
			files: map[string]string{
				"content/a.md":  articleMD("Odd", "2024-03-01", "Una Tribute|Hello.", "-|Nobody said this."),
				"speakers.yaml": "- name: Una Tribute\n  id: unattributed\n",
			},
			pages:  []string{"unattributed", "unattributed-2"},
			quotes: map[string]string{"Hello.": "unattributed", "Nobody said this.": ""},
			contains: map[string][]string{
				"speakers/unattributed/index.html":   {"<h1>Una Tribute</h1>"},
				"speakers/unattributed-2/index.html": {"Nobody said this."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := corpusSite(t, tt.files)
			rep, files := build(t, opts)
			assert.Empty(t, rep.Warnings)
			assert.ElementsMatch(t, tt.pages, speakerPages(files))
			recs := quotesJSON(t, files)
			require.Len(t, recs, len(tt.quotes))
			for text, id := range tt.quotes {
				got, _ := recs[text]["speaker_id"].(string)
				assert.Equal(t, id, got, text)
			}
			for page, wants := range tt.contains {
				for _, want := range wants {
					assert.Contains(t, files[page], want, page)
				}
			}
			// The permalink's JSON-LD names the same speaker as the page.
			for _, r := range recs {
				if r["speaker_id"] == nil {
					continue
				}
				sp := files["speakers/"+r["speaker_slug"].(string)+"/index.html"]
				qp := files["quotes/"+r["id"].(string)+"/index.html"]
				if m := regexp.MustCompile(`"sameAs":"[^"]*"`).FindString(sp); m != "" {
					assert.Contains(t, qp, m)
				}
				if strings.Contains(sp, `"@type":"Organization"`) {
					assert.Contains(t, qp, `"spokenByCharacter":{"@type":"Organization"`)
				}
			}
		})
	}
}

func TestCorrections(t *testing.T) {
	opts := corpusSite(t, map[string]string{
		"content/a.md": articleMD("Harbour plan", "2024-03-01",
			"Mara Quellen|We will rebuild the harbour.",
			"Mara Quellen|Annual Report 2024",
			"Ilse Varga|The cranes arrive next week."),
		"content/b.md": articleMD("Harbour works", "2024-03-02", "Ilse Varga|Works begin in May."),
	})
	_, files := build(t, opts)
	recs := quotesJSON(t, files)
	verify := recs["We will rebuild the harbour."]["id"].(string)
	reject := recs["Annual Report 2024"]["id"].(string)
	move := recs["The cranes arrive next week."]["id"].(string)
	writeTree(t, ".", map[string]string{"corrections.yaml": `
- quote: ` + reject + `
  action: reject
  note: The title of a report, not a quotation.
  by: Ann Editor
  date: 2024-05-02
- quote: ` + move + `
  action: speaker
  speaker: Mara Quellen
  note: The article misplaces the attribution; see the video.
  by: Ann Editor
  date: 2024-05-03
- quote: ` + verify + `
  action: verify
  note: Checked against the recording.
  by: Joe Checker
  date: 2024-05-04
`})
	var log bytes.Buffer
	opts.Progress = &log
	rep, files := build(t, opts)
	assert.Empty(t, rep.Warnings)
	assert.Empty(t, log.String())

	// reject: on no page, feed or quotes.json, not even as a highlight.
	for name, data := range files {
		if strings.HasPrefix(name, "articles/") && strings.HasSuffix(name, "/index.html") && name != "articles/index.html" {
			assert.NotContains(t, data, `id="`+reject+`"`, name)
			continue
		}
		if name == "corrections/index.html" {
			continue
		}
		assert.NotContains(t, data, "Annual Report 2024", name)
	}
	assert.NotContains(t, files, "quotes/"+reject+"/index.html")
	recs = quotesJSON(t, files)
	assert.Len(t, recs, 3)

	// speaker: the quote moves to Mara Quellen's page.
	assert.Contains(t, files["speakers/mara-quellen/index.html"], "The cranes arrive next week.")
	assert.NotContains(t, files["speakers/ilse-varga/index.html"], "The cranes arrive next week.")
	assert.Equal(t, "mara-quellen", recs["The cranes arrive next week."]["speaker_id"])
	assert.Contains(t, files["speakers/mara-quellen/feed.json"], "The cranes arrive next week.")
	assert.NotContains(t, files["speakers/ilse-varga/feed.json"], "The cranes arrive next week.")

	// verify: a visible mark on every page showing the quote, and data.
	mark := `<p class="verified"><span aria-hidden="true">✓ </span>Verified by Joe Checker on May 4, 2024</p>`
	for _, page := range []string{"speakers/mara-quellen/index.html", "articles/harbour-plan/index.html", "quotes/" + verify + "/index.html", "index.html"} {
		assert.Contains(t, files[page], mark, page)
	}
	assert.Equal(t, 1, strings.Count(files["speakers/mara-quellen/index.html"], mark))
	r := recs["We will rebuild the harbour."]
	assert.Equal(t, true, r["verified"])
	assert.Equal(t, "Joe Checker", r["verified_by"])
	assert.Equal(t, "2024-05-04", r["verified_on"])
	assert.NotContains(t, recs["Works begin in May."], "verified")
	assert.Contains(t, files["feed.json"], `"verified":true,"verified_by":"Joe Checker","verified_on":"2024-05-04"`)

	// The corrections page lists all three, newest first, with note, who
	// and when, and links the quotes still published.
	page := files["corrections/index.html"]
	assert.Contains(t, files["index.html"], `<a href="/corrections/">Corrections</a>`, "in the navigation")
	iv, im, ir := strings.Index(page, "Quote verified"), strings.Index(page, "Speaker corrected"), strings.Index(page, "Quote withdrawn")
	require.True(t, iv > 0 && im > 0 && ir > 0, page)
	assert.True(t, iv < im && im < ir, "newest first")
	for _, want := range []string{
		"The title of a report, not a quotation.", "By Ann Editor", "May 2, 2024", "Annual Report 2024",
		`<a href="/quotes/` + move + `/">The cranes arrive next week.</a>`,
		`Attributed to: <a href="/speakers/ilse-varga/">Ilse Varga</a> · Now attributed to: <a href="/speakers/mara-quellen/">Mara Quellen</a>`,
		`<a href="/quotes/` + verify + `/">We will rebuild the harbour.</a>`, "Checked against the recording.", "By Joe Checker",
	} {
		assert.Contains(t, page, want)
	}
	assert.NotContains(t, page, `/quotes/`+reject+`/`, "a rejected quote has no permalink")
	assert.Contains(t, files["quotes/"+move+"/index.html"], "<dt>Correction</dt><dd>Speaker corrected")
}

func TestCorrectionSurvivesRebuild(t *testing.T) {
	opts := corpusSite(t, map[string]string{
		"content/a.md": articleMD("Harbour plan", "2024-03-01", "Mara Quellen|We will rebuild the harbour.", "Mara Quellen|Annual Report 2024"),
		"content/b.md": articleMD("Harbour works", "2024-03-02", "Ilse Varga|Works begin in May."),
	})
	_, files := build(t, opts)
	recs := quotesJSON(t, files)
	reject, verify := recs["Annual Report 2024"]["id"].(string), recs["We will rebuild the harbour."]["id"].(string)
	fixes := "- quote: " + reject + "\n  action: reject\n  by: Ann Editor\n  date: 2024-05-02\n" +
		"- quote: " + verify + "\n  action: verify\n  by: Joe Checker\n  date: 2024-05-04\n"
	writeTree(t, ".", map[string]string{"corrections.yaml": fixes})
	_, files = build(t, opts)
	require.NotContains(t, files["speakers/mara-quellen/index.html"], "Annual Report 2024")
	require.Contains(t, files["speakers/mara-quellen/index.html"], "Verified by Joe Checker")

	// Another article changes (its quotes move, a speaker is added) and a
	// new one arrives: the corrections of article a still hold.
	writeTree(t, ".", map[string]string{
		"content/b.md": articleMD("Harbour works", "2024-03-02", "A new first line.", "Ilse Varga|Works begin in June.", "Mara Quellen|Agreed."),
		"content/0.md": articleMD("Earlier", "2024-02-01", "Mara Quellen|First words."),
	})
	var log bytes.Buffer
	opts.Progress = &log
	rep, files := build(t, opts)
	assert.Empty(t, rep.Warnings)
	assert.Empty(t, log.String())
	assert.NotContains(t, files["speakers/mara-quellen/index.html"], "Annual Report 2024")
	assert.Contains(t, files["speakers/mara-quellen/index.html"], "Verified by Joe Checker")
	assert.Contains(t, files["speakers/mara-quellen/index.html"], "Agreed.")
	assert.Equal(t, true, quotesJSON(t, files)["We will rebuild the harbour."]["verified"])
	data, err := os.ReadFile("corrections.yaml")
	require.NoError(t, err)
	assert.Equal(t, fixes, string(data), "the build never rewrites corrections.yaml")

	// The rebuilt site is the one a fresh build gives.
	opts.OutDir = "fresh"
	_, fresh := build(t, opts)
	assert.Equal(t, fresh, files)
}

func TestStaleCorrection(t *testing.T) {
	opts := corpusSite(t, map[string]string{
		"content/a.md": articleMD("Harbour plan", "2024-03-01", "Mara Quellen|We will rebuild the harbour.", "Mara Quellen|Before winter."),
	})
	_, files := build(t, opts)
	gone := quotesJSON(t, files)["Before winter."]["id"].(string)
	fixes := "# Editors' corrections\n- quote: " + gone + "\n  action: verify\n  note: On tape.\n  by: Joe Checker\n  date: 2024-05-04\n"
	writeTree(t, ".", map[string]string{"corrections.yaml": fixes})
	_, files = build(t, opts)
	require.Contains(t, files["speakers/mara-quellen/index.html"], "Verified by Joe Checker")

	// The article is edited: the verified quote is no longer in it.
	writeTree(t, ".", map[string]string{"content/a.md": articleMD("Harbour plan", "2024-03-01", "Mara Quellen|We will rebuild the harbour.")})
	var log bytes.Buffer
	opts.Progress = &log
	rep, files := build(t, opts)
	want := "corrections.yaml:2: correction verify of quote " + gone + " (by Joe Checker, 2024-05-04): no article has this quote any more; the entry is kept"
	assert.Equal(t, []string{want}, rep.Warnings)
	assert.Equal(t, "warning: "+want+"\n", log.String())
	assert.NotContains(t, files["speakers/mara-quellen/index.html"], "Verified by")
	page := files["corrections/index.html"]
	assert.Contains(t, page, "<code>"+gone+"</code> — no article has this quote any more.")
	assert.Contains(t, page, "On tape.")
	data, err := os.ReadFile("corrections.yaml")
	require.NoError(t, err)
	assert.Equal(t, fixes, string(data), "the stale entry is kept")
}

func TestDuplicates(t *testing.T) {
	opts := corpusSite(t, map[string]string{
		"content/wire.md":  articleMD("Port strike ends", "2024-04-01", "Marcus Obi|It's nice to be back,", "Marcus Obi|We start at six."),
		"content/paper.md": articleMD("Dockers return", "2024-04-02", "Marcus Obi|it’s nice to be back."),
		"content/other.md": articleMD("Dockers vote", "2024-04-03", "Ilse Varga|It's nice to be back!"),
		"content/third.md": articleMD("Harbour diary", "2024-04-05", "Marcus Obi|It’s nice to be back"),
	})
	_, files := build(t, opts)
	recs := quotesJSON(t, files)
	require.Len(t, recs, 5)
	orig, reprint, third := recs["It's nice to be back,"], recs["it’s nice to be back."], recs["It’s nice to be back"]
	assert.Equal(t, orig["id"], reprint["duplicate_of"], "the reprint points at the original")
	assert.Equal(t, orig["id"], third["duplicate_of"])
	assert.NotContains(t, orig, "duplicate_of")

	// Shown once, from the oldest article, with both sources.
	page := files["speakers/marcus-obi/index.html"]
	assert.Equal(t, 2, cards(page))
	assert.Contains(t, page, "<p class=\"lead\">2 quotes · 3 articles</p>")
	assert.Contains(t, page, "<p>It&#39;s nice to be back,</p>")
	assert.NotContains(t, page, "<p>it’s nice to be back.</p>")
	assert.Contains(t, page, `<p class="also">Also in: <a href="/articles/dockers-return/#`+reprint["id"].(string)+`">Dockers return</a>`)
	assert.Contains(t, page, `; <a href="/articles/harbour-diary/#`+third["id"].(string)+`">Harbour diary</a>`)
	assert.Contains(t, page, `<a href="https://news.example.com/dockers-return#:~:text=it%E2%80%99s%20nice%20to%20be%20back." rel="noopener noreferrer">Source</a>`)

	// Another speaker's same words are another quote.
	assert.Equal(t, 1, cards(files["speakers/ilse-varga/index.html"]))

	// Feeds: one item, the other source in _verbatim.also_in.
	var feed struct {
		Items []struct {
			ID       string
			Verbatim struct {
				AlsoIn []struct {
					ID      string
					Article struct{ Title string }
				} `json:"also_in"`
			} `json:"_verbatim"`
		}
	}
	require.NoError(t, json.Unmarshal([]byte(files["speakers/marcus-obi/feed.json"]), &feed))
	require.Len(t, feed.Items, 2)
	it := feed.Items[0] // the same article, by position
	assert.Equal(t, orig["id"], it.ID)
	require.Len(t, it.Verbatim.AlsoIn, 2)
	assert.Equal(t, reprint["id"], it.Verbatim.AlsoIn[0].ID)
	assert.Equal(t, "Dockers return", it.Verbatim.AlsoIn[0].Article.Title)
	assert.Equal(t, third["id"], it.Verbatim.AlsoIn[1].ID)
	assert.Equal(t, 3, strings.Count(files["feed.json"], `"content_text"`))

	// Every quote keeps its permalink. A reprint's names the original and
	// counts the other reprints, so that a quote printed by many articles
	// does not list them all on every page.
	for _, r := range []map[string]any{orig, reprint, third} {
		assert.Contains(t, files, "quotes/"+r["id"].(string)+"/index.html")
	}
	rp := files["quotes/"+reprint["id"].(string)+"/index.html"]
	assert.Contains(t, rp, `Also in: <a href="/articles/port-strike-ends/#`+orig["id"].(string)+`">`)
	assert.Contains(t, rp, `; <a href="/quotes/`+orig["id"].(string)+`/">and 1 more</a></p>`)
	assert.NotContains(t, rp, "Harbour diary")
	// Both article pages still show their own copy.
	assert.Equal(t, 1, cards(files["articles/dockers-return/index.html"]))
}

func TestSpeakerRenamedElsewhere(t *testing.T) {
	opts := corpusSite(t, map[string]string{
		"content/a.md": articleMD("Geneva", "2024-03-01", "Jerome Lefevre|We made progress."),
		"content/b.md": articleMD("Bonn", "2024-03-02", "Ilse Varga|Not a word on it."),
	})
	_, files := build(t, opts)
	require.Contains(t, files["articles/geneva/index.html"], `title="Jerome Lefevre"`)
	bonn := filepath.Join("public", "articles", "bonn", "index.html")
	before := inode(t, bonn)

	// Two new articles write the name with its accents: the canonical name
	// follows them (the id stays). Article a did not change, but its pages
	// show the speaker, so they are rendered again.
	writeTree(t, ".", map[string]string{
		"content/c.md": articleMD("Cairo", "2024-03-03", "Jérôme Lefèvre|Not there yet."),
		"content/d.md": articleMD("Doha", "2024-03-04", "Jérôme Lefèvre|Closer."),
	})
	_, files = build(t, opts)
	assert.Equal(t, 3, cards(files["speakers/jerome-lefevre/index.html"]))
	assert.Contains(t, files["articles/geneva/index.html"], `<a href="/speakers/jerome-lefevre/" title="Jérôme Lefèvre">`)
	assert.Equal(t, before, inode(t, bonn), "a page that does not show the speaker is left alone")

	// speakers.yaml describes him: the permalinks of his quotes carry it.
	writeTree(t, ".", map[string]string{"speakers.yaml": "- name: Jérôme Lefèvre\n  qid: Q42\n"})
	_, files = build(t, opts)
	var geneva string
	for name, data := range files {
		if strings.HasPrefix(name, "quotes/") && strings.Contains(data, "We made progress.") {
			geneva = data
		}
	}
	assert.Contains(t, geneva, `"sameAs":"https://www.wikidata.org/wiki/Q42"`)
	assert.Equal(t, before, inode(t, bonn))

	opts.OutDir = "fresh"
	_, fresh := build(t, opts)
	assert.Equal(t, fresh, files)
}

func TestEditorialFileErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		opts  func(*Options)
		err   string
	}{
		{"malformed speakers.yaml", map[string]string{"speakers.yaml": "- name: A\n  qid: 42\n"}, nil, "speakers.yaml:1: qid"},
		{"unknown key in speakers.yaml", map[string]string{"speakers.yaml": "- name: A\n\n  descripton: x\n"}, nil, "speakers.yaml:3: unknown key \"descripton\""},
		{"malformed corrections.yaml", map[string]string{"corrections.yaml": "- quote: q-1\n  action: reject\n  by: Ann\n  date: 2024-5-2\n"}, nil, "corrections.yaml:1: date"},
		{"unknown action", map[string]string{"corrections.yaml": "- quote: q-1\n  action: delete\n  by: Ann\n  date: 2024-05-02\n"}, nil, "corrections.yaml:1: action \"delete\""},
		{"missing --speakers file", nil, func(o *Options) { o.SpeakersFile = "other.yaml" }, "other.yaml: no such file"},
		{"missing --corrections file", nil, func(o *Options) { o.CorrectionsFile = "fixes.yaml" }, "fixes.yaml: no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"content/a.md": articleMD("A", "2024-03-01", "Mara Quellen|Yes.")}
			for k, v := range tt.files {
				files[k] = v
			}
			opts := corpusSite(t, files)
			if tt.opts != nil {
				tt.opts(&opts)
			}
			_, err := Build(context.Background(), opts)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
			assert.NoDirExists(t, "public")
		})
	}

	// Missing default files are fine; files named elsewhere are read.
	opts := corpusSite(t, map[string]string{
		"content/a.md":      articleMD("A", "2024-03-01", "Mara Quellen|Yes."),
		"editorial/who.yml": "- name: Mara Quellen\n  description: Harbour master\n",
	})
	_, files := build(t, opts)
	assert.NotContains(t, files["speakers/mara-quellen/index.html"], "Harbour master")
	opts.SpeakersFile = filepath.Join("editorial", "who.yml")
	_, files = build(t, opts)
	assert.Contains(t, files["speakers/mara-quellen/index.html"], "Harbour master")
}

func TestOptionsInputs(t *testing.T) {
	assert.Equal(t, []string{"content", "templates", "verbatim.yaml", "speakers.yaml", "corrections.yaml"}, Options{}.Inputs())
	o := Options{ContentDir: "news", SpeakersFile: "s.yaml", CorrectionsFile: "c.yaml", ConfigFile: "v.yaml", TemplatesDir: "t"}
	assert.Equal(t, []string{"news", "t", "v.yaml", "s.yaml", "c.yaml"}, o.Inputs())
}

// TestHTMLPageWithFurniture builds a saved web page heavy with page
// furniture (cookie banner, navigation, ticker, ads, share buttons, photo
// credit, related links, newsletter box, comments, most-read list, footer),
// all of it full of quotation marks, with the real extractor: the site has
// exactly the article's quotes.
func TestHTMLPageWithFurniture(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "html", "harbour-strike.html"))
	require.NoError(t, err)
	opts := corpusSite(t, map[string]string{"content/2024/harbour-strike.html": string(page)})
	opts.Extractor, opts.CacheDir = nil, ""
	rep, files := build(t, opts)
	assert.Equal(t, 1, rep.Articles)

	type quote struct{ Text, Speaker, SpeakerID string }
	var got []quote
	var recs []struct {
		Text      string
		Speaker   *string
		SpeakerID string `json:"speaker_id"`
	}
	require.NoError(t, json.Unmarshal([]byte(files["quotes.json"]), &recs))
	for _, r := range recs {
		got = append(got, quote{r.Text, *r.Speaker, r.SpeakerID})
	}
	assert.Equal(t, []quote{
		{"This offer does not even cover the rise in rents,", "Marcus Obi-Lindqvist", "marcus-obi-lindqvist"},
		{"deeply disappointing", "Rosalind Achterberg", "rosalind-achterberg"},
		{"We keep this town running, and they want us to be grateful for crumbs,", "a crane driver", got[len(got)-1].SpeakerID},
	}, got)
	assert.True(t, strings.HasPrefix(got[2].SpeakerID, "a-crane-driver-"), "a described speaker is one article's")
	assert.ElementsMatch(t, []string{"marcus-obi-lindqvist", "rosalind-achterberg", got[2].SpeakerID}, speakerPages(files))

	art := files["articles/harbour-strike-dockers-reject-pay-offer/index.html"]
	assert.Contains(t, art, "The Harrowgate Ledger")
	assert.Contains(t, art, "By Priya Nandakumar")
	for _, furniture := range []string{"We value your privacy", "Opinion,", "No ferries tonight", "best mortgage rates", "Share on",
		"Photograph: Tom Ashby", "We will not back down", "The offer is final", "Harbour Briefing", "best start to my day",
		"Pay them what", "Greedy", "lottery winner", "bypass will open", "Independent since", "Buy now"} {
		for name, data := range files {
			assert.NotContains(t, data, furniture, name)
		}
	}
}
