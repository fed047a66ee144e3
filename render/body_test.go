package render

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// spansOf finds quote spans by their text, in bytes.
func spansOf(src string, quotes ...string) []span {
	var out []span
	from := 0
	for i, q := range quotes {
		j := strings.Index(src[from:], q)
		if j < 0 {
			panic("no " + q)
		}
		s := span{start: from + j, end: from + j + len(q), id: "q" + string(rune('0'+i)), href: "/s/", title: "S"}
		out = append(out, s)
		from = s.end
	}
	return out
}

var markRE = regexp.MustCompile(`<mark class="q"(?: id="([^"]*)")?>(?:<a [^>]*>)?(.*?)(?:</a>)?</mark>`)

// highlighted returns the text inside the marks of each quote id, joined in
// document order; a mark without id continues the previous quote.
func highlighted(out string) map[string]string {
	got := map[string]string{}
	id := ""
	tag := regexp.MustCompile(`<[^>]*>`)
	for _, m := range markRE.FindAllStringSubmatch(out, -1) {
		if m[1] != "" {
			id = m[1]
		}
		got[id] += html.UnescapeString(tag.ReplaceAllString(m[2], ""))
	}
	return got
}

var voidElements = map[string]bool{"br": true, "hr": true, "img": true, "input": true, "meta": true, "link": true}

// checkNesting fails when tags do not nest.
func checkNesting(t *testing.T, out string) {
	t.Helper()
	var stack []string
	for _, m := range regexp.MustCompile(`<(/?)([a-zA-Z0-9]+)[^>]*?(/?)>`).FindAllStringSubmatch(out, -1) {
		name := strings.ToLower(m[2])
		switch {
		case m[1] == "/":
			if len(stack) == 0 || stack[len(stack)-1] != name {
				t.Fatalf("</%s> closes %v in %s", name, stack, out)
			}
			stack = stack[:len(stack)-1]
		case m[3] == "/" || voidElements[name]:
		default:
			stack = append(stack, name)
		}
	}
	if len(stack) > 0 {
		t.Fatalf("unclosed %v in %s", stack, out)
	}
}

func TestRenderMarkdownHighlights(t *testing.T) {
	tests := []struct {
		name, src string
		quotes    []string
		want      []string // expected highlighted text per quote; default the quote
	}{
		{"french marks", "Elle a dit : « Nous partons demain », puis s'est tue.\n", []string{"Nous partons demain"}, nil},
		{"split quote", "« Un », a-t-elle ajouté, « deux ».\n", []string{"Un", "deux"}, nil},
		{"emphasis inside", "He said “this is *very* bad” today.\n", []string{"this is *very* bad"}, []string{"this is very bad"}},
		{"emphasis across", "He said “this *is” very* bad.\n", []string{"this *is"}, []string{"this is"}},
		{"soft line break", "She said “one\ntwo three” then left.\n", []string{"one\ntwo three"}, []string{"onetwo three"}},
		{"link inside", "“See [the plan](https://example.org/) now” he said.\n", []string{"See [the plan](https://example.org/) now"}, []string{"See the plan now"}},
		{"raw html dropped", "“a <b>bold</b> claim” he said.\n", []string{"a <b>bold</b> claim"}, []string{"a bold claim"}},
		{"quotation marks kept", "Il a parlé d'un \"accord\" -- « historique ».\n", []string{"historique"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := renderMarkdown([]byte(tt.src), spansOf(tt.src, tt.quotes...))
			require.NoError(t, err)
			checkNesting(t, out)
			got := highlighted(out)
			for i, q := range tt.quotes {
				want := q
				if tt.want != nil {
					want = tt.want[i]
				}
				assert.Equal(t, want, got["q"+string(rune('0'+i))], out)
			}
		})
	}
	out, err := renderMarkdown([]byte("Il a dit \"oui\" -- « non ».\n"), nil)
	require.NoError(t, err)
	assert.Equal(t, "<p>Il a dit &quot;oui&quot; -- « non ».</p>\n", out, "no typographer: marks and dashes as published")
}

func TestRenderPlain(t *testing.T) {
	src := "Titre\n\nPremier paragraphe avec « une citation\nsur deux lignes ».\n\n\nSecond <b>paragraphe</b> & « fin ».\n"
	from := bodyStart(src, "Titre")
	out := renderPlain([]byte(src), from, spansOf(src, "une citation\nsur deux lignes", "fin"))
	checkNesting(t, out)
	assert.NotContains(t, out, "Titre")
	assert.Contains(t, out, "Second &lt;b&gt;paragraphe&lt;/b&gt; &amp;")
	got := highlighted(out)
	assert.Equal(t, "une citationsur deux lignes", got["q0"], "a highlight never spans a <br>")
	assert.Equal(t, "fin", got["q1"])
}

func TestBodyStart(t *testing.T) {
	assert.Equal(t, 6, bodyStart("Title\nBody", "Title"))
	assert.Equal(t, 0, bodyStart("Body first\nTitle", "Title"))
	assert.Equal(t, 8, bodyStart("\n\nTitle\nBody", "Title"))
	assert.Equal(t, 5, bodyStart("Title", "Title"))
}

func FuzzRenderMarkdown(f *testing.F) {
	f.Add("He said “this is *very* bad” today.\n", 9, 27)
	f.Add("# « Titre »\n\n> « cité »\n\n- « item »\n", 3, 8)
	f.Add("`code « x »` and [« l »](u)", 8, 12)
	f.Fuzz(func(t *testing.T, src string, a, b int) {
		if a < 0 || b < a || b > len(src) || len(src) > 2000 {
			return
		}
		out, err := renderMarkdown([]byte(src), []span{{start: a, end: b, id: "q", href: "/s/"}})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Count(out, "<mark") != strings.Count(out, "</mark>") {
			t.Fatalf("unbalanced marks: %s", out)
		}
		if strings.Contains(out, "<script") {
			t.Fatalf("raw HTML leaked: %s", out)
		}
	})
}

func TestTextFragment(t *testing.T) {
	tests := []struct{ source, quote, want string }{
		{"https://example.org/a", "soutien constant et fort", "https://example.org/a#:~:text=soutien%20constant%20et%20fort"},
		{"https://example.org/a#top", "Kassym-Jomart, dit-il & co", "https://example.org/a#:~:text=Kassym%2DJomart%2C%20dit%2Dil%20%26%20co"},
		{"https://example.org/a", "l'État", "https://example.org/a#:~:text=l'%C3%89tat"},
		{"https://example.org/a", "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen",
			"https://example.org/a#:~:text=one%20two%20three%20four,thirteen%20fourteen%20fifteen%20sixteen"},
		{"", "anything", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, textFragment(tt.source, tt.quote))
	}
}

func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/x?y=1":  "https://example.org/x?y=1",
		" http://example.org/ ":      "http://example.org/",
		"javascript:alert(1)":        "",
		"JAVASCRIPT:alert(1)":        "",
		"data:text/html,<script>":    "",
		"//example.org/x":            "",
		"/relative":                  "",
		"https://":                   "",
		"vbscript:msgbox":            "",
		"https://exa mple.org/\x00x": "",
	} {
		assert.Equal(t, want, safeURL(in), in)
	}
}
