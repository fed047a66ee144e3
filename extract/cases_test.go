package extract_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/extract"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/cases/*.txt from the extractor's output")

// A case file (testdata/cases/*.txt) holds extraction cases, one short
// article each:
//
//	# A comment: lines outside cases are blank or start with #.
//	=== french inverted with description
//	lang: fr
//	--- text
//	Titre
//
//	La ministre Claire Vasseur a visité l'hôpital.
//
//	« Nous tiendrons nos engagements », a déclaré la ministre.
//	--- want
//	"Nous tiendrons nos engagements" speaker="Claire Vasseur" attribution=description sieve=verb_then_speaker cue="a déclaré" mention="la ministre" kind=direct
//	===
//
// Headers, before "--- text": "lang:" (required: a language code, or
// "detect" for none), "status: todo" (a known failure: see below) and any
// number of "note:" lines (free text for the reader).
//
// The text runs from "--- text" to "--- want", lines joined by "\n",
// trailing blank lines dropped. The first line is a headline when it looks
// like one, as in the plain-text input format.
//
// The want section holds one line per quote, in order: the quote's text as
// a Go string literal, then speaker= (a literal, or null), attribution=,
// sieve= (the rule that decided), cue=, mention= (left out when empty),
// kind=, and start= (the code-point
// offset, only when the same text occurs twice in the document). An empty
// want section means no quote.
//
// A case passes when its want section is exactly what the extractor gives.
// go test ./extract -run TestCases -update rewrites the want sections from
// the extractor's output, leaving everything else in the files as it is.
//
// A case marked "status: todo" is one the extractor still gets wrong: its
// want section says what the guidelines (shared/eval/GUIDELINES.md) expect,
// often the text and speaker alone, and only the fields it writes are
// compared. It is run and logged, never fails the test and is never
// rewritten by -update; when it passes, the log says it can be promoted.
type extractCase struct {
	file  string
	line  int // 1-based line of "=== name"
	name  string
	lang  string
	todo  bool
	notes []string
	text  string
	want  []wantRecord
	// wantFrom, wantTo: 0-based line indexes of the want section's body,
	// [wantFrom, wantTo), replaced by -update.
	wantFrom, wantTo int
	got              []string // canonical lines of the last run, for -update
	ran              bool
}

// wantRecord is one parsed want line; has tells which fields it writes.
type wantRecord struct {
	line    int
	text    string
	speaker *string
	attrib  string
	sieve   string
	cue     string
	mention string
	kind    string
	start   int
	has     map[string]bool
}

var recordKeys = []string{"speaker", "attribution", "sieve", "cue", "mention", "kind", "start"}

// format writes the record with the fields it has, in the canonical order.
func (r wantRecord) format() string {
	var b strings.Builder
	b.WriteString(strconv.Quote(r.text))
	for _, k := range recordKeys {
		if !r.has[k] {
			continue
		}
		b.WriteString(" " + k + "=")
		switch k {
		case "speaker":
			if r.speaker == nil {
				b.WriteString("null")
			} else {
				b.WriteString(strconv.Quote(*r.speaker))
			}
		case "attribution":
			b.WriteString(r.attrib)
		case "sieve":
			b.WriteString(r.sieve)
		case "cue":
			b.WriteString(strconv.Quote(r.cue))
		case "mention":
			b.WriteString(strconv.Quote(r.mention))
		case "kind":
			b.WriteString(r.kind)
		case "start":
			b.WriteString(strconv.Itoa(r.start))
		}
	}
	return b.String()
}

// only writes the fields of keep, as a todo case's want line does.
func (r wantRecord) only(keep map[string]bool) wantRecord {
	out := r
	out.has = keep
	return out
}

// recordOf is the full want record of an extracted quote.
func recordOf(q extract.Quote, text string) wantRecord {
	r := wantRecord{text: q.Text, speaker: q.Speaker, attrib: string(q.Attribution), sieve: string(q.Sieve), cue: q.Cue,
		mention: q.SpeakerMention, kind: string(q.Kind), start: q.Start,
		has: map[string]bool{"speaker": true, "attribution": true, "sieve": true, "kind": true}}
	r.has["cue"] = q.Cue != ""
	r.has["mention"] = q.SpeakerMention != ""
	r.has["start"] = strings.Count(text, q.Text) > 1
	return r
}

var (
	attributions = []string{"name", "surname", "pronoun", "description", "colon", "according_to", "context", "none"}
	kinds        = []string{"direct", "partial"}
	sieves       = []string{string(extract.SieveAccordingTo), string(extract.SieveOpinion), string(extract.SieveInverted), string(extract.SieveAgent), string(extract.SieveDash),
		string(extract.SieveVerbThenSpeaker), string(extract.SieveSpeakerThenVerb), string(extract.SieveSubject),
		string(extract.SieveColon), string(extract.SieveGroup), string(extract.SieveVerbOnly), string(extract.SievePreviousQuote),
		string(extract.SieveLastSpeaker), string(extract.SievePreviousSubject), string(extract.SieveParagraph), string(extract.SieveConversation), string(extract.SieveNextPart), string(extract.SieveNone)}
)

// parseRecord reads one want line.
func parseRecord(s string) (wantRecord, error) {
	r := wantRecord{has: map[string]bool{}}
	lit, err := strconv.QuotedPrefix(s)
	if err != nil {
		return r, fmt.Errorf("a want line starts with the quote's text as a Go string literal (\"...\")")
	}
	r.text, _ = strconv.Unquote(lit)
	rest := s[len(lit):]
	for {
		trimmed := strings.TrimLeft(rest, " \t")
		if trimmed == "" {
			break
		}
		if len(trimmed) == len(rest) {
			return r, fmt.Errorf("want a space before %q", trimmed)
		}
		key, after, ok := strings.Cut(trimmed, "=")
		if !ok || strings.ContainsAny(key, " \t\"") {
			return r, fmt.Errorf("want key=value, found %q", trimmed)
		}
		if !slices.Contains(recordKeys, key) {
			return r, fmt.Errorf("unknown field %q (fields: %s)", key, strings.Join(recordKeys, ", "))
		}
		if r.has[key] {
			return r, fmt.Errorf("field %q given twice", key)
		}
		r.has[key] = true
		var value string
		quoted := strings.HasPrefix(after, `"`)
		if quoted {
			lit, err := strconv.QuotedPrefix(after)
			if err != nil {
				return r, fmt.Errorf("field %s: unterminated or invalid string literal", key)
			}
			value, _ = strconv.Unquote(lit)
			rest = after[len(lit):]
		} else {
			end := strings.IndexAny(after, " \t")
			if end < 0 {
				end = len(after)
			}
			value, rest = after[:end], after[end:]
		}
		switch key {
		case "speaker":
			if !quoted && value != "null" {
				return r, fmt.Errorf("speaker is a string literal or null, not %q", value)
			}
			if quoted {
				r.speaker = &value
			}
		case "cue", "mention":
			if !quoted {
				return r, fmt.Errorf("%s is a string literal, not %q", key, value)
			}
			if key == "cue" {
				r.cue = value
			} else {
				r.mention = value
			}
		case "sieve":
			if quoted || !slices.Contains(sieves, value) {
				return r, fmt.Errorf("sieve %q: want one of %s", value, strings.Join(sieves, ", "))
			}
			r.sieve = value
		case "attribution":
			if quoted || !slices.Contains(attributions, value) {
				return r, fmt.Errorf("attribution %q: want one of %s", value, strings.Join(attributions, ", "))
			}
			r.attrib = value
		case "kind":
			if quoted || !slices.Contains(kinds, value) {
				return r, fmt.Errorf("kind %q: want one of %s", value, strings.Join(kinds, ", "))
			}
			r.kind = value
		case "start":
			n, err := strconv.Atoi(value)
			if quoted || err != nil || n < 0 {
				return r, fmt.Errorf("start %q: want a code-point offset", value)
			}
			r.start = n
		}
	}
	return r, nil
}

// parseCases reads a case file; errors name the file and line.
func parseCases(file string, data []byte) ([]*extractCase, error) {
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var cases []*extractCase
	names := map[string]int{}
	errorf := func(i int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", file, i+1, fmt.Sprintf(format, args...))
	}
	const (
		outside = iota
		headers
		text
		want
	)
	state := outside
	var c *extractCase
	var body []string
	for i, raw := range lines {
		line := strings.TrimSuffix(raw, "\r")
		switch state {
		case outside:
			switch {
			case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
			case strings.HasPrefix(line, "=== "):
				name := strings.TrimSpace(line[4:])
				if name == "" {
					return nil, errorf(i, "a case needs a name: === name")
				}
				if first, ok := names[name]; ok {
					return nil, errorf(i, "case %q already defined at line %d", name, first)
				}
				names[name] = i + 1
				c = &extractCase{file: file, line: i + 1, name: name}
				state = headers
			case line == "===":
				return nil, errorf(i, "=== closes a case, but no case is open")
			default:
				return nil, errorf(i, "unexpected %q outside a case (cases start with \"=== name\"; comments with #)", line)
			}
		case headers:
			switch {
			case line == "--- text":
				if c.lang == "" {
					return nil, errorf(i, "case %q has no lang: header (a code such as fr, or detect)", c.name)
				}
				if c.lang == "detect" {
					c.lang = ""
				}
				state, body = text, nil
			case strings.HasPrefix(line, "===") || strings.HasPrefix(line, "---"):
				return nil, errorf(i, "case %q: want \"--- text\" after the headers, found %q", c.name, line)
			case strings.TrimSpace(line) == "":
			default:
				key, value, ok := strings.Cut(line, ":")
				value = strings.TrimSpace(value)
				if !ok {
					return nil, errorf(i, "case %q: want a header key: value (lang, status, note) or \"--- text\", found %q", c.name, line)
				}
				switch key {
				case "lang":
					if c.lang != "" {
						return nil, errorf(i, "case %q: lang given twice", c.name)
					}
					if value == "" || strings.ContainsAny(value, " \t") {
						return nil, errorf(i, "case %q: lang %q: want a language code or detect", c.name, value)
					}
					c.lang = value
				case "status":
					if value != "todo" {
						return nil, errorf(i, "case %q: status %q: the only status is todo", c.name, value)
					}
					c.todo = true
				case "note":
					c.notes = append(c.notes, value)
				default:
					return nil, errorf(i, "case %q: unknown header %q (lang, status, note)", c.name, key)
				}
			}
		case text:
			switch {
			case line == "--- want":
				for len(body) > 0 && strings.TrimSpace(body[len(body)-1]) == "" {
					body = body[:len(body)-1]
				}
				if len(body) == 0 {
					return nil, errorf(i, "case %q: empty text", c.name)
				}
				c.text = strings.Join(body, "\n")
				c.wantFrom, c.wantTo = i+1, i+1
				state = want
			case strings.HasPrefix(line, "==="), line == "--- text":
				return nil, errorf(i, "case %q: %q inside the text: is \"--- want\" missing?", c.name, line)
			default:
				body = append(body, line)
			}
		case want:
			switch {
			case line == "===":
				c.wantTo = i
				cases = append(cases, c)
				state = outside
			case strings.HasPrefix(line, "==="), strings.HasPrefix(line, "---"):
				return nil, errorf(i, "case %q: %q in the want section: is the closing \"===\" missing?", c.name, line)
			case strings.TrimSpace(line) == "":
			default:
				r, err := parseRecord(strings.TrimSpace(line))
				if err != nil {
					return nil, errorf(i, "case %q: %v", c.name, err)
				}
				r.line = i + 1
				c.want = append(c.want, r)
			}
		}
	}
	if state != outside {
		return nil, fmt.Errorf("%s:%d: case %q is not closed (want \"--- text\", \"--- want\" and \"===\")", file, c.line, c.name)
	}
	return cases, nil
}

func TestCases(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "cases", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no case files in testdata/cases (%v)", err)
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var total, todo, todoPassing int
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cases, err := parseCases(path, data)
		if err != nil {
			t.Error(err)
			continue
		}
		base := strings.TrimSuffix(filepath.Base(path), ".txt")
		for _, c := range cases {
			t.Run(base+"/"+c.name, func(t *testing.T) {
				total++
				if c.todo {
					todo++
				}
				if runCase(t, ex, c) && c.todo {
					todoPassing++
				}
			})
		}
		if *update {
			if out := rewriteCases(data, cases); out != string(data) {
				if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	t.Logf("%d cases: %d passing, %d todo (%d of them now passing)", total, total-todo, todo, todoPassing)
}

// runCase extracts the case's text and compares; it reports whether the
// case passes.
func runCase(t *testing.T, ex *extract.Extractor, c *extractCase) bool {
	t.Helper()
	quotes := ex.Extract(extract.Document{ID: c.name, Lang: c.lang, Text: c.text})
	checkQuotes(t, c.text, quotes)
	c.ran = true
	c.got = nil
	var want, got []string
	for i, q := range quotes {
		r := recordOf(q, c.text)
		c.got = append(c.got, r.format())
		if c.todo && i < len(c.want) {
			r = r.only(c.want[i].has)
		}
		got = append(got, r.format())
	}
	for _, r := range c.want {
		want = append(want, r.format())
	}
	pass := slices.Equal(want, got)
	// The location is the first want line that differs, else the case.
	loc := fmt.Sprintf("%s:%d", c.file, c.line)
	for i := range want {
		if i >= len(got) || want[i] != got[i] {
			loc = fmt.Sprintf("%s:%d", c.file, c.want[i].line)
			break
		}
	}
	switch {
	case c.todo && pass:
		t.Logf("%s: todo case now passes: remove \"status: todo\" and run go test ./extract -run TestCases -update", loc)
	case c.todo:
		t.Logf("%s: todo: still failing (- want, + got)\n%s", loc, lineDiff(want, got))
	case pass:
	case *update:
		t.Logf("%s: want section rewritten", loc)
	default:
		t.Errorf("%s: %q (- want, + got; go test ./extract -run TestCases -update rewrites it)\n%s",
			loc, c.name, lineDiff(want, got))
	}
	return pass
}

// rewriteCases replaces the want sections of the cases that ran and are
// not todo, keeping every other line of the file.
func rewriteCases(data []byte, cases []*extractCase) string {
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var out []string
	next := 0
	for _, c := range cases {
		if !c.ran || c.todo {
			continue
		}
		out = append(out, lines[next:c.wantFrom]...)
		out = append(out, c.got...)
		next = c.wantTo
	}
	out = append(out, lines[next:]...)
	return strings.Join(out, "\n") + "\n"
}

// lineDiff is a line diff of want and got by longest common subsequence.
func lineDiff(want, got []string) string {
	n, m := len(want), len(got)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if want[i] == got[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var b strings.Builder
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && want[i] == got[j]:
			b.WriteString("    " + want[i] + "\n")
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			b.WriteString("  - " + want[i] + "\n")
			i++
		default:
			b.WriteString("  + " + got[j] + "\n")
			j++
		}
	}
	if n == 0 && m == 0 {
		b.WriteString("    (no quote)\n")
	}
	return b.String()
}

func TestCaseFileErrors(t *testing.T) {
	tests := []struct{ name, file, err string }{
		{"text outside a case", "hello\n", "f.txt:1: unexpected \"hello\" outside a case"},
		{"unnamed case", "=== \n", "f.txt:1: a case needs a name"},
		{"stray closer", "# c\n===\n", "f.txt:2: === closes a case, but no case is open"},
		{"missing lang", "=== a\n--- text\nT\n--- want\n===\n", "f.txt:2: case \"a\" has no lang: header"},
		{"unknown header", "=== a\nlanguage: fr\n", "f.txt:2: case \"a\": unknown header \"language\""},
		{"bad status", "=== a\nstatus: wip\n", "f.txt:2: case \"a\": status \"wip\""},
		{"header without colon", "=== a\nlang fr\n", "f.txt:2: case \"a\": want a header key: value"},
		{"missing want", "=== a\nlang: fr\n--- text\nT\n===\n", "f.txt:5: case \"a\": \"===\" inside the text: is \"--- want\" missing?"},
		{"empty text", "=== a\nlang: fr\n--- text\n\n--- want\n===\n", "f.txt:5: case \"a\": empty text"},
		{"unclosed", "=== a\nlang: fr\n--- text\nT\n--- want\n", "f.txt:1: case \"a\" is not closed"},
		{"next case before closing", "=== a\nlang: fr\n--- text\nT\n--- want\n=== b\n", "f.txt:6: case \"a\": \"=== b\" in the want section"},
		{"duplicate name", "=== a\nlang: fr\n--- text\nT\n--- want\n===\n=== a\n", "f.txt:7: case \"a\" already defined at line 1"},
		{"want not a literal", "=== a\nlang: fr\n--- text\nT\n--- want\nhello speaker=null\n===\n", "f.txt:6: case \"a\": a want line starts with the quote's text"},
		{"unknown field", "=== a\nlang: fr\n--- text\nT\n--- want\n\"x\" who=\"A\"\n===\n", "f.txt:6: case \"a\": unknown field \"who\""},
		{"bad attribution", "=== a\nlang: fr\n--- text\nT\n--- want\n\"x\" attribution=guess\n===\n", "f.txt:6: case \"a\": attribution \"guess\""},
		{"bare speaker", "=== a\nlang: fr\n--- text\nT\n--- want\n\"x\" speaker=Ann\n===\n", "f.txt:6: case \"a\": speaker is a string literal or null"},
		{"unterminated value", "=== a\nlang: fr\n--- text\nT\n--- want\n\"x\" cue=\"said\n===\n", "f.txt:6: case \"a\": field cue: unterminated"},
		{"field twice", "=== a\nlang: fr\n--- text\nT\n--- want\n\"x\" kind=direct kind=partial\n===\n", "f.txt:6: case \"a\": field \"kind\" given twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseCases("f.txt", []byte(tc.file))
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parseCases error = %v, want it to contain %q", err, tc.err)
			}
		})
	}
	good := "# comment\n\n=== a b\nlang: detect\nstatus: todo\nnote: why\n--- text\nT\n\nbody « x y »\n\n--- want\n\"x y\" speaker=null attribution=none kind=partial\n\n===\n"
	cases, err := parseCases("f.txt", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	c := cases[0]
	if c.name != "a b" || c.lang != "" || !c.todo || c.text != "T\n\nbody « x y »" || len(c.want) != 1 || c.want[0].speaker != nil || c.wantFrom != 12 || c.wantTo != 14 {
		t.Errorf("parsed %+v", c)
	}
	if got := c.want[0].format(); got != `"x y" speaker=null attribution=none kind=partial` {
		t.Errorf("format = %s", got)
	}
}

func TestRewriteCases(t *testing.T) {
	file := "# comment\n=== a\nlang: en\n--- text\nT\n--- want\n\"old\" speaker=null\n\"older\" speaker=null\n===\n\n" +
		"=== b\nlang: en\nstatus: todo\n--- text\nT\n--- want\n\"kept\" speaker=\"Ann Lee\"\n===\n\n=== c\nlang: en\n--- text\nT\n--- want\n===\n"
	cases, err := parseCases("f.txt", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		c.ran = true
		c.got = []string{`"new" speaker=null attribution=none kind=direct`}
	}
	want := strings.NewReplacer(
		"\"old\" speaker=null\n\"older\" speaker=null\n", "\"new\" speaker=null attribution=none kind=direct\n",
		"=== c\nlang: en\n--- text\nT\n--- want\n", "=== c\nlang: en\n--- text\nT\n--- want\n\"new\" speaker=null attribution=none kind=direct\n",
	).Replace(file)
	if got := rewriteCases([]byte(file), cases); got != want {
		t.Errorf("rewriteCases:\n%s\nwant:\n%s", got, want)
	}
	cases[0].ran = false
	cases[2].ran = false
	if got := rewriteCases([]byte(file), cases); got != file {
		t.Errorf("cases that did not run were rewritten:\n%s", got)
	}
}
