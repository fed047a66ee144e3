package corrections

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/verbatim-news/verbatim/internal/yamlpos"
)

// Action is what a correction does to its quote.
type Action string

const (
	Reject  Action = "reject"  // the quote is not published
	Speaker Action = "speaker" // the quote moves to another speaker
	Verify  Action = "verify"  // the quote was checked against the source
)

// Entry is one correction.
type Entry struct {
	Quote   string `yaml:"quote" json:"quote"`
	Action  Action `yaml:"action" json:"action"`
	Speaker string `yaml:"speaker" json:"speaker,omitempty"`
	Note    string `yaml:"note" json:"note,omitempty"`
	By      string `yaml:"by" json:"by"`
	Date    string `yaml:"date" json:"date"` // YYYY-MM-DD

	Line int `yaml:"-" json:"line"` // line of the entry in the file
}

// File is a parsed corrections.yaml.
type File struct {
	Path    string
	Entries []Entry
}

// Load reads corrections.yaml. A missing file has no corrections.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return &File{Path: path}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read corrections: %w", err)
	}
	return Parse(path, data)
}

var keys = []string{"quote", "action", "speaker", "note", "by", "date"}

// Parse parses corrections.yaml; path names the file in errors, which give
// its line.
func Parse(path string, data []byte) (*File, error) {
	f := &File{Path: path}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return f, nil
		}
		return nil, yamlError(path, err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return f, nil
	}
	if root.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d: want a list of corrections (- quote: …)", path, root.Line)
	}
	rejected := map[string]int{}
	for _, n := range root.Content {
		e, err := parseEntry(path, n)
		if err != nil {
			return nil, err
		}
		if line, ok := rejected[e.Quote]; ok {
			return nil, fmt.Errorf("%s:%d: quote %s was rejected at line %d: a later correction would never show", path, e.Line, e.Quote, line)
		}
		if e.Action == Reject {
			rejected[e.Quote] = e.Line
		}
		f.Entries = append(f.Entries, e)
	}
	return f, nil
}

func parseEntry(path string, n *yaml.Node) (Entry, error) {
	var e Entry
	if n.Kind != yaml.MappingNode {
		return e, fmt.Errorf("%s:%d: want a correction (quote: …, action: …)", path, n.Line)
	}
	if err := yamlpos.CheckKeys(path, n, keys); err != nil {
		return e, err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return e, fmt.Errorf("%s:%d: %s: want a single value", path, v.Line, k.Value)
		}
	}
	if err := n.Decode(&e); err != nil {
		return e, yamlError(path, err)
	}
	e.Line = n.Line
	e.Quote = strings.TrimSpace(e.Quote)
	e.Speaker = strings.TrimSpace(e.Speaker)
	e.By = strings.TrimSpace(e.By)
	e.Date = strings.TrimSpace(e.Date)
	at := func(format string, a ...any) error {
		return fmt.Errorf("%s:%d: %s", path, e.Line, fmt.Sprintf(format, a...))
	}
	switch {
	case e.Quote == "":
		return e, at("correction without a quote id")
	case strings.ContainsAny(e.Quote, " \t"):
		return e, at("quote id %q: no spaces in an id", e.Quote)
	}
	switch e.Action {
	case Reject, Verify:
		if e.Speaker != "" {
			return e, at("speaker is for action speaker, not %s", e.Action)
		}
	case Speaker:
		if e.Speaker == "" {
			return e, at("action speaker needs speaker: the name the quote moves to")
		}
	case "":
		return e, at("correction of %s without an action (reject, speaker or verify)", e.Quote)
	default:
		return e, at("action %q: want reject, speaker or verify", e.Action)
	}
	if e.By == "" {
		return e, at("by: who made the correction is required")
	}
	if _, err := time.Parse("2006-01-02", e.Date); err != nil {
		return e, at("date %q: want YYYY-MM-DD", e.Date)
	}
	return e, nil
}

// yamlError turns the YAML library's "line N: message" into "path:N:
// message".
func yamlError(path string, err error) error {
	line, msg := yamlpos.Split(err)
	if line == 0 {
		return fmt.Errorf("%s: %s", path, msg)
	}
	return fmt.Errorf("%s:%d: %s", path, line, msg)
}
