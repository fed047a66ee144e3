package speakers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/verbatim-news/verbatim/internal/yamlpos"
)

// Config is a parsed speakers.yaml: what editors know about speakers that
// the text does not tell. The zero value (or nil) is an empty file.
type Config struct {
	Path    string
	Entries []Entry
}

// Entry is one speaker as the editors describe it.
type Entry struct {
	// Name is the canonical name shown on the site. A detected speaker of
	// that name, and every mention written so, is this speaker.
	Name string `yaml:"name"`
	// ID, when set, is the speaker's id instead of one derived from Name.
	ID string `yaml:"id"`
	// Aliases are other names of the speaker: a mention written one of
	// these ways in any article is linked here.
	Aliases stringList `yaml:"aliases"`
	// Description is a short line shown on the speaker page.
	Description string `yaml:"description"`
	// QID is the Wikidata item (Q42), linked from the page and given as
	// sameAs in JSON-LD.
	QID string `yaml:"qid"`
	// Org marks an organisation: never merged with people.
	Org bool `yaml:"org"`
	// NotAPerson marks a name the extractor took for a speaker by mistake
	// (a headline word, a place): its quotes are left without a speaker.
	NotAPerson bool `yaml:"not_a_person"`
	// Merge lists detected speakers, by the name `verbatim speakers`
	// prints, whose quotes all belong to this speaker.
	Merge stringList `yaml:"merge"`
	// Split moves some of this speaker's quotes to another speaker.
	Split []Split `yaml:"split"`

	Line int `yaml:"-"` // line of the entry in the file
}

// Split sends the quotes of a speaker that Match selects to the speaker
// called Name (another entry, a detected speaker, or a new one).
type Split struct {
	Name  string `yaml:"name"`
	Match Match  `yaml:"match"`

	Line int `yaml:"-"`
}

// Match selects quotes. Every field given must hold (and); within a field,
// any item may (or).
type Match struct {
	// Docs are document ids or path.Match patterns ("golf/*").
	Docs stringList `yaml:"docs"`
	// Quotes are quote ids.
	Quotes stringList `yaml:"quotes"`
	// Mentions are names as the article writes them ("D. Johnson"): the
	// article's speaker must be written one of these ways.
	Mentions stringList `yaml:"mentions"`
	// Roles are role words seen beside the name in the article ("golfer").
	Roles stringList `yaml:"roles"`
}

func (m Match) empty() bool {
	return len(m.Docs) == 0 && len(m.Quotes) == 0 && len(m.Mentions) == 0 && len(m.Roles) == 0
}

// stringList accepts a YAML list of strings or a single string.
type stringList []string

func (s *stringList) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			*s = nil
			return nil
		}
		*s = stringList{n.Value}
		return nil
	case yaml.SequenceNode:
		out := make(stringList, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode || c.Tag == "!!null" {
				return fmt.Errorf("line %d: want a string", c.Line)
			}
			out = append(out, c.Value)
		}
		*s = out
		return nil
	}
	return fmt.Errorf("line %d: want a string or a list of strings", n.Line)
}

// LoadConfig reads speakers.yaml. A missing file is an empty configuration:
// most sites start without one.
func LoadConfig(file string) (*Config, error) {
	data, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return &Config{Path: file}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read speakers: %w", err)
	}
	return ParseConfig(file, data)
}

var (
	entryKeys = []string{"name", "id", "aliases", "description", "qid", "org", "not_a_person", "merge", "split"}
	splitKeys = []string{"name", "match"}
	matchKeys = []string{"docs", "quotes", "mentions", "roles"}
)

// ParseConfig parses speakers.yaml; file names the file in errors, which
// give its line.
func ParseConfig(file string, data []byte) (*Config, error) {
	cfg := &Config{Path: file}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return cfg, nil
		}
		return nil, yamlError(file, err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return cfg, nil
	}
	if root.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d: want a list of speakers (- name: …)", file, root.Line)
	}
	for _, n := range root.Content {
		e, err := parseEntry(file, n)
		if err != nil {
			return nil, err
		}
		cfg.Entries = append(cfg.Entries, e)
	}
	if err := cfg.check(); err != nil {
		return nil, err
	}
	return cfg, nil
}

func parseEntry(file string, n *yaml.Node) (Entry, error) {
	var e Entry
	if n.Kind != yaml.MappingNode {
		return e, fmt.Errorf("%s:%d: want a speaker (name: …), found %s", file, n.Line, kindName(n))
	}
	if err := yamlpos.CheckKeys(file, n, entryKeys); err != nil {
		return e, err
	}
	// Shapes first, so that a mistake is explained in the schema's words
	// rather than the decoder's.
	if splits := valueOf(n, "split"); splits != nil {
		if splits.Kind != yaml.SequenceNode {
			return e, fmt.Errorf("%s:%d: split: want a list of {name, match}", file, splits.Line)
		}
		for _, s := range splits.Content {
			if s.Kind != yaml.MappingNode {
				return e, fmt.Errorf("%s:%d: split: want {name, match}, found %s", file, s.Line, kindName(s))
			}
			if err := yamlpos.CheckKeys(file, s, splitKeys); err != nil {
				return e, err
			}
			if m := valueOf(s, "match"); m != nil {
				if m.Kind != yaml.MappingNode {
					return e, fmt.Errorf("%s:%d: match: want {docs, quotes, mentions, roles}", file, m.Line)
				}
				if err := yamlpos.CheckKeys(file, m, matchKeys); err != nil {
					return e, err
				}
			}
		}
	}
	if err := n.Decode(&e); err != nil {
		return e, yamlError(file, err)
	}
	e.Line = n.Line
	if splits := valueOf(n, "split"); splits != nil {
		for i, s := range splits.Content {
			e.Split[i].Line = s.Line
		}
	}
	return e, nil
}

// yamlError turns the YAML library's "line N: message" into "file:N:
// message", the form every other verbatim error has.
func yamlError(file string, err error) error {
	line, msg := yamlpos.Split(err)
	if line == 0 {
		return fmt.Errorf("%s: %s", file, msg)
	}
	return fmt.Errorf("%s:%d: %s", file, line, msg)
}

func valueOf(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	}
	return "something else"
}

// check validates every entry and the names they share.
func (c *Config) check() error {
	names := map[string]int{} // folded name, alias or merge → line
	ids := map[string]int{}
	claim := func(line int, what, s string) error {
		k := fold(s)
		if k == "" {
			return fmt.Errorf("%s:%d: empty %s", c.Path, line, what)
		}
		if other, ok := names[k]; ok && other != line {
			return fmt.Errorf("%s:%d: %s %q is already claimed by the entry at line %d", c.Path, line, what, s, other)
		}
		names[k] = line
		return nil
	}
	for i := range c.Entries {
		e := &c.Entries[i]
		e.Name = strings.TrimSpace(e.Name)
		if e.Name == "" {
			return fmt.Errorf("%s:%d: entry without a name", c.Path, e.Line)
		}
		if err := claim(e.Line, "name", e.Name); err != nil {
			return err
		}
		for _, a := range e.Aliases {
			if err := claim(e.Line, "alias", a); err != nil {
				return err
			}
		}
		for _, m := range e.Merge {
			if err := claim(e.Line, "merge", m); err != nil {
				return err
			}
		}
		if e.ID != "" {
			if !validID(e.ID) {
				return fmt.Errorf("%s:%d: id %q: use lowercase letters, digits and single hyphens (antony-blinken)", c.Path, e.Line, e.ID)
			}
			if other, ok := ids[e.ID]; ok {
				return fmt.Errorf("%s:%d: id %q is already used by the entry at line %d", c.Path, e.Line, e.ID, other)
			}
			ids[e.ID] = e.Line
		}
		if e.QID != "" && !validQID(e.QID) {
			return fmt.Errorf("%s:%d: qid %q: want a Wikidata item id such as Q42", c.Path, e.Line, e.QID)
		}
		if e.NotAPerson {
			if e.Org || e.ID != "" || e.Description != "" || e.QID != "" || len(e.Merge) > 0 || len(e.Split) > 0 {
				return fmt.Errorf("%s:%d: %s: not_a_person takes only a name and aliases (its quotes get no speaker)", c.Path, e.Line, e.Name)
			}
		}
		for j := range e.Split {
			s := &e.Split[j]
			s.Name = strings.TrimSpace(s.Name)
			if s.Name == "" {
				return fmt.Errorf("%s:%d: split without a name (the speaker the quotes go to)", c.Path, s.Line)
			}
			if fold(s.Name) == fold(e.Name) {
				return fmt.Errorf("%s:%d: split sends quotes to %q, the entry itself", c.Path, s.Line, s.Name)
			}
			if s.Match.empty() {
				return fmt.Errorf("%s:%d: split to %q needs a match (docs, quotes, mentions or roles)", c.Path, s.Line, s.Name)
			}
			for _, p := range s.Match.Docs {
				if _, err := path.Match(p, ""); err != nil {
					return fmt.Errorf("%s:%d: docs pattern %q: %w", c.Path, s.Line, p, err)
				}
			}
		}
	}
	return nil
}

func validID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func validQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' || s[1] == '0' {
		return false
	}
	for _, r := range s[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
