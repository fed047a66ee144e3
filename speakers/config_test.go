package speakers_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

func TestParseConfig(t *testing.T) {
	src := `# what the editors know
- name: Antony Brellick
  id: antony-brellick
  aliases: [Tony Brellick, A. J. Brellick]
  description: Port minister of Valbrune
  qid: Q123456
  merge: Brellick
- name: Harrow Port Authority
  org: true
  aliases: HPA
- name: Republican
  not_a_person: true
- name: Boris Halvorsen
  split:
    - name: Dustin Halvorsen
      match:
        docs: ["sport/*", golf-2024]
        roles: [golfer]
    - name: Dustin Halvorsen
      match: {quotes: [q-0123456789abcdef], mentions: [D. Halvorsen]}
`
	cfg, err := speakers.ParseConfig("site/speakers.yaml", []byte(src))
	require.NoError(t, err)
	require.Len(t, cfg.Entries, 4)
	e := cfg.Entries[0]
	assert.Equal(t, "Antony Brellick", e.Name)
	assert.Equal(t, "antony-brellick", e.ID)
	assert.Equal(t, []string{"Tony Brellick", "A. J. Brellick"}, []string(e.Aliases))
	assert.Equal(t, "Port minister of Valbrune", e.Description)
	assert.Equal(t, "Q123456", e.QID)
	assert.Equal(t, []string{"Brellick"}, []string(e.Merge))
	assert.Equal(t, 2, e.Line)
	assert.True(t, cfg.Entries[1].Org)
	assert.Equal(t, []string{"HPA"}, []string(cfg.Entries[1].Aliases))
	assert.True(t, cfg.Entries[2].NotAPerson)
	sp := cfg.Entries[3].Split
	require.Len(t, sp, 2)
	assert.Equal(t, 15, sp[0].Line)
	assert.Equal(t, []string{"sport/*", "golf-2024"}, []string(sp[0].Match.Docs))
	assert.Equal(t, []string{"golfer"}, []string(sp[0].Match.Roles))
	assert.Equal(t, []string{"q-0123456789abcdef"}, []string(sp[1].Match.Quotes))
	assert.Equal(t, []string{"D. Halvorsen"}, []string(sp[1].Match.Mentions))

	for _, empty := range []string{"", "# nothing yet\n", "---\n", "~\n"} {
		cfg, err := speakers.ParseConfig("speakers.yaml", []byte(empty))
		require.NoError(t, err, "%q", empty)
		assert.Empty(t, cfg.Entries)
	}
}

func TestParseConfigErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"name: Antony Brellick\n", "speakers.yaml:1: want a list of speakers"},
		{"- Antony Brellick\n", `speakers.yaml:1: want a speaker (name: …), found "Antony Brellick"`},
		{"- name: A\n  nmae: B\n", `speakers.yaml:2: unknown key "nmae"`},
		{"- name: A\n  qid: 42\n", `speakers.yaml:1: qid "42": want a Wikidata item id`},
		{"- name: A\n  qid: Q042\n", `qid "Q042"`},
		{"- name: A\n  id: Antony_B\n", `speakers.yaml:1: id "Antony_B": use lowercase letters`},
		{"- name: A\n  id: a\n- name: B\n  id: a\n", `speakers.yaml:3: id "a" is already used by the entry at line 1`},
		{"- name: A\n- name: a\n", `speakers.yaml:2: name "a" is already claimed by the entry at line 1`},
		{"- name: A\n  aliases: [X]\n- name: B\n  merge: [x]\n", `speakers.yaml:3: merge "x" is already claimed by the entry at line 1`},
		{"- aliases: [X]\n", "speakers.yaml:1: entry without a name"},
		{"- name: A\n  aliases: [[X]]\n", "speakers.yaml:2: want a string"},
		{"- name: A\n  aliases: {x: 1}\n", "speakers.yaml:2: want a string or a list of strings"},
		{"- name: A\n  org: maybe\n", "speakers.yaml:2: cannot unmarshal"},
		{"- name: A\n  not_a_person: true\n  qid: Q1\n", "speakers.yaml:1: A: not_a_person takes only a name and aliases"},
		{"- name: A\n  split: B\n", "speakers.yaml:2: split: want a list"},
		{"- name: A\n  split:\n    - name: B\n", "speakers.yaml:3: split to \"B\" needs a match"},
		{"- name: A\n  split:\n    - match: {docs: [x]}\n", "speakers.yaml:3: split without a name"},
		{"- name: A\n  split:\n    - name: a\n      match: {docs: [x]}\n", `speakers.yaml:3: split sends quotes to "a", the entry itself`},
		{"- name: A\n  split:\n    - name: B\n      match: {doc: [x]}\n", `speakers.yaml:4: unknown key "doc"`},
		{"- name: A\n  split:\n    - name: B\n      match: {docs: ['[']}\n", `speakers.yaml:3: docs pattern "[": syntax error`},
		{"- name: A\n  split:\n    - name: B\n      match: [x]\n", "speakers.yaml:4: match: want {docs"},
		{"- name: [A\n", "speakers.yaml:"},
		{"- name: A\n\t- b\n", "speakers.yaml:2: "},
	}
	for _, c := range cases {
		_, err := speakers.ParseConfig("speakers.yaml", []byte(c.src))
		require.Error(t, err, c.src)
		assert.Contains(t, err.Error(), c.want, c.src)
	}
}

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	cfg, err := speakers.LoadConfig(filepath.Join(dir, "speakers.yaml"))
	require.NoError(t, err, "a missing file is an empty configuration")
	assert.Empty(t, cfg.Entries)
	path := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(path, []byte("- name: A\n  qid: X\n"), 0o644))
	_, err = speakers.LoadConfig(path)
	require.ErrorContains(t, err, path+":1:")
	_, err = speakers.LoadConfig(dir)
	require.ErrorContains(t, err, "read speakers")
}

func mustConfig(t *testing.T, src string) *speakers.Config {
	t.Helper()
	cfg, err := speakers.ParseConfig("speakers.yaml", []byte(src))
	require.NoError(t, err)
	return cfg
}

func TestConfigRules(t *testing.T) {
	corpus := []doc{
		{"news/1", []spk{"Antony Brellick|role=minister", "Republican", "Halvorsen"}},
		{"news/2", []spk{"Tony Brellick", "Boris Halvorsen|role=prime minister"}},
		{"sport/1", []spk{"Boris Halvorsen", "Quellen"}},
		{"sport/2", []spk{"Boris Halvorsen|role=golfer", "Dustin Halvorsen"}},
		{"news/3", []spk{"Mara Quellen|quotes=xx", "D. Halvorsen"}},
		{"news/4", []spk{"Halvorsen"}},
	}
	cases := []struct {
		name  string
		cfg   string
		check func(t *testing.T, res *speakers.Result, got map[string]string)
	}{
		{
			name: "no configuration",
			check: func(t *testing.T, res *speakers.Result, got map[string]string) {
				assert.Equal(t, "antony-brellick", got["news/1/Antony Brellick"])
				assert.Equal(t, "tony-brellick", got["news/2/Tony Brellick"], "Tony is not Antony by the rules")
				assert.Equal(t, "republican", got["news/1/Republican"])
				assert.Equal(t, got["news/3/Mara Quellen"], got["sport/1/Quellen"])
				assert.Equal(t, "boris-halvorsen", got["sport/1/Boris Halvorsen"])
			},
		},
		{
			name: "name, id, description, qid and aliases",
			cfg: `- name: Antony Brellick
  id: brellick
  aliases: [Tony Brellick]
  description: Port minister of Valbrune
  qid: Q4242
`,
			check: func(t *testing.T, res *speakers.Result, got map[string]string) {
				assert.Equal(t, "brellick", got["news/1/Antony Brellick"])
				assert.Equal(t, "brellick", got["news/2/Tony Brellick"])
				sp := speakerNamed(t, res, "brellick")
				assert.Equal(t, "Antony Brellick", sp.Name)
				assert.Equal(t, "Port minister of Valbrune", sp.Description)
				assert.Equal(t, "Q4242", sp.QID)
				assert.Equal(t, 2, sp.Quotes)
				assert.Contains(t, sp.Aliases, "Tony Brellick")
				assert.Contains(t, sp.Merges, speakers.Merge{From: "Tony Brellick", Into: "Antony Brellick", IntoID: "brellick",
					Rule: speakers.RuleConfig, Docs: 1, Made: true})
			},
		},
		{
			name: "merge takes a detected speaker whole",
			cfg:  "- name: Boris Halvorsen\n  merge: [Halvorsen]\n",
			check: func(t *testing.T, res *speakers.Result, got map[string]string) {
				assert.Equal(t, "boris-halvorsen", got["news/1/Halvorsen"])
				assert.Equal(t, "boris-halvorsen", got["news/4/Halvorsen"])
				assert.Equal(t, "dustin-halvorsen", got["sport/2/Dustin Halvorsen"])
			},
		},
		{
			name: "not a person",
			cfg:  "- name: Republican\n  not_a_person: true\n",
			check: func(t *testing.T, res *speakers.Result, got map[string]string) {
				assert.Equal(t, "", got["news/1/Republican"])
				_, ok := res.Speaker("republican")
				assert.False(t, ok)
			},
		},
		{
			name: "organisation",
			cfg:  "- name: Quellen\n  org: true\n  description: A shipping company\n",
			check: func(t *testing.T, res *speakers.Result, got map[string]string) {
				assert.Equal(t, "quellen", got["sport/1/Quellen"])
				assert.Equal(t, "mara-quellen", got["news/3/Mara Quellen"])
				sp := speakerNamed(t, res, "quellen")
				assert.True(t, sp.Org)
				assert.Equal(t, "A shipping company", sp.Description)
			},
		},
		{
			name: "split by article, to another entry",
			cfg: `- name: Boris Halvorsen
  split:
    - name: Dustin Halvorsen
      match: {docs: ["sport/*"]}
- name: Dustin Halvorsen
  description: Golfer
`,
			check: func(t *testing.T, res *speakers.Result, got map[string]string) {
				assert.Equal(t, "boris-halvorsen", got["news/2/Boris Halvorsen"])
				assert.Equal(t, "dustin-halvorsen", got["sport/1/Boris Halvorsen"])
				assert.Equal(t, "dustin-halvorsen", got["sport/2/Boris Halvorsen"])
				assert.Equal(t, "dustin-halvorsen", got["sport/2/Dustin Halvorsen"])
				sp := speakerNamed(t, res, "dustin-halvorsen")
				assert.Equal(t, "Golfer", sp.Description)
				assert.Equal(t, 4, sp.Quotes, "3 in sport articles, and D. Halvorsen")
			},
		},
		{
			name: "split by role, to a detected speaker",
			cfg:  "- name: Boris Halvorsen\n  split:\n    - name: Dustin Halvorsen\n      match: {roles: [golfer]}\n",
			check: func(t *testing.T, res *speakers.Result, got map[string]string) {
				assert.Equal(t, "boris-halvorsen", got["sport/1/Boris Halvorsen"])
				assert.Equal(t, "dustin-halvorsen", got["sport/2/Boris Halvorsen"])
				assert.Equal(t, 3, speakerNamed(t, res, "dustin-halvorsen").Quotes, "his own, D. Halvorsen's and the golfer's")
				assert.Equal(t, "Dustin Halvorsen", speakerNamed(t, res, "dustin-halvorsen").Name)
				assert.NotContains(t, speakerNamed(t, res, "dustin-halvorsen").Aliases, "Boris Halvorsen")
			},
		},
		{
			name: "split by mention and article, to a new speaker",
			cfg: `- name: Boris Halvorsen
  merge: [Halvorsen]
  split:
    - name: Ola Halvorsen
      match: {mentions: [halvorsen], docs: [news/4]}
`,
			check: func(t *testing.T, res *speakers.Result, got map[string]string) {
				assert.Equal(t, "boris-halvorsen", got["news/1/Halvorsen"])
				assert.Equal(t, "ola-halvorsen", got["news/4/Halvorsen"])
				assert.Equal(t, "Ola Halvorsen", speakerNamed(t, res, "ola-halvorsen").Name)
			},
		},
		{
			name: "split by quote id",
			cfg: "- name: Mara Quellen\n  split:\n    - name: Lise Quellen\n      match: {quotes: [" +
				extract.QuoteID("news/3", 20, 25) + "]}\n",
			check: func(t *testing.T, res *speakers.Result, got map[string]string) {
				assert.Equal(t, "mara-quellen", res.QuoteSpeakerID(extract.QuoteID("news/3", 10, 15)))
				assert.Equal(t, "lise-quellen", res.QuoteSpeakerID(extract.QuoteID("news/3", 20, 25)))
			},
		},
		{
			name: "warnings for rules that match nothing",
			cfg: `- name: Nobody Here
- name: Boris Halvorsen
  split:
    - name: Dustin Halvorsen
      match: {docs: ["weather/*"]}
- name: Blue Moon
  not_a_person: true
`,
			check: func(t *testing.T, res *speakers.Result, got map[string]string) {
				assert.Equal(t, []string{
					"speakers.yaml:1: Nobody Here: no speaker in the articles matches this entry",
					"speakers.yaml:4: split of Boris Halvorsen to Dustin Halvorsen matched no quote",
					"speakers.yaml:6: Blue Moon: no speaker in the articles matches this entry",
				}, res.Warnings)
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var cfg *speakers.Config
			if c.cfg != "" {
				cfg = mustConfig(t, c.cfg)
			}
			res, rs := link(t, cfg, corpus...)
			got := ids(t, res, corpus, rs)
			c.check(t, res, got)
			if c.cfg != "" && !strings.Contains(c.name, "warnings") {
				assert.Empty(t, res.Warnings)
			}
		})
	}
}

func TestResolveUsesConfig(t *testing.T) {
	cfg := mustConfig(t, "- name: Ilse Varga\n  id: varga\n  aliases: [President Varga]\n  qid: Q9\n")
	res, _ := link(t, cfg, doc{"a", []spk{"Pia Lund"}})
	id, name := res.Resolve("President Varga")
	assert.Equal(t, "varga", id)
	assert.Equal(t, "Ilse Varga", name)
	sp := speakerNamed(t, res, "varga")
	assert.Equal(t, "Q9", sp.QID)
	id2, _ := res.Resolve("ilse varga")
	assert.Equal(t, "varga", id2)
}

func FuzzParseConfig(f *testing.F) {
	f.Add("- name: A\n  aliases: [B]\n  qid: Q1\n")
	f.Add("- name: A\n  split:\n    - name: B\n      match: {docs: [x]}\n")
	f.Add("- name: A\n  not_a_person: true\n")
	f.Add("[{name: &a A, merge: *a}]")
	f.Fuzz(func(t *testing.T, src string) {
		cfg, err := speakers.ParseConfig("speakers.yaml", []byte(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "speakers.yaml") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		for _, e := range cfg.Entries {
			if strings.TrimSpace(e.Name) == "" {
				t.Fatalf("entry without a name accepted: %+v", e)
			}
		}
		// A configuration that parses can always be applied.
		lk, err := speakers.New(cfg, speakers.Options{})
		if err != nil {
			t.Fatal(err)
		}
		name := "A"
		lk.Add("d", extract.Result{Quotes: []extract.Quote{{ID: "q-1", Speaker: &name}}})
		lk.Link()
	})
}
