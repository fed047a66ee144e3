package document

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/verbatim-news/verbatim/internal/yamlpos"
)

// ParseMarkdown reads a Markdown article: optional YAML front matter between
// two --- lines, then the body, which becomes Text (leading blank lines
// dropped; BodyOffset tells on which file line Text starts). ID is left
// empty unless the front matter has an id or a slug.
func ParseMarkdown(path string, data []byte) (Document, error) {
	if err := checkText(path, data, 1, 0); err != nil {
		return Document{}, err
	}
	d := Document{Path: path, Format: "md", BodyOffset: 1}
	body := bytes.TrimPrefix(data, bom)
	first, rest, _ := cutLine(body)
	switch strings.TrimRight(string(first), " \t\r") {
	case "+++":
		return Document{}, &PosError{Path: path, Line: 1, Offset: -1,
			Err: errors.New("TOML front matter is not supported; use YAML between --- lines")}
	case "---":
		fm, after, lines, ok := cutFrontMatter(rest)
		if !ok {
			return Document{}, &PosError{Path: path, Line: 1, Offset: -1,
				Err: errors.New("front matter opened with --- is never closed by a --- line")}
		}
		if err := parseFrontMatter(&d, path, fm, 2); err != nil {
			return Document{}, err
		}
		body = after
		d.BodyOffset = 2 + lines + 1
	}
	// Drop the blank lines between the front matter and the text, so Text
	// starts with the article's first line.
	for len(body) > 0 {
		line, tail, _ := cutLine(body)
		if len(bytes.TrimRight(line, "\r")) > 0 {
			break
		}
		body = tail
		d.BodyOffset++
	}
	d.Text = string(body)
	return d, nil
}

// cutLine splits off the first line, without its newline.
func cutLine(b []byte) (line, rest []byte, found bool) {
	return bytes.Cut(b, []byte{'\n'})
}

// cutFrontMatter finds the closing --- line. It returns the YAML between
// the delimiters, what follows the closing line, and the number of YAML
// lines.
func cutFrontMatter(b []byte) (fm, after []byte, lines int, ok bool) {
	rest := b
	for len(rest) > 0 {
		line, tail, found := cutLine(rest)
		if strings.TrimRight(string(line), " \t\r") == "---" {
			return b[:len(b)-len(rest)], tail, lines, true
		}
		lines++
		if !found {
			break
		}
		rest = tail
	}
	return nil, nil, 0, false
}

// parseFrontMatter fills d from YAML that starts on file line firstLine.
func parseFrontMatter(d *Document, path string, fm []byte, firstLine int) error {
	var root yaml.Node
	if err := yaml.Unmarshal(fm, &root); err != nil {
		return yamlError(path, err, firstLine)
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil // empty front matter
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		if m.Kind == yaml.ScalarNode && m.Tag == "!!null" {
			return nil
		}
		return &PosError{Path: path, Line: firstLine + m.Line - 1, Offset: -1,
			Err: errors.New("front matter must be a YAML mapping of key: value lines")}
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], deref(m.Content[i+1])
		line := firstLine + k.Line - 1
		posErr := func(format string, args ...any) error {
			return &PosError{Path: path, Line: firstLine + v.Line - 1, Offset: -1, Err: fmt.Errorf(format, args...)}
		}
		if k.Kind != yaml.ScalarNode {
			return &PosError{Path: path, Line: line, Offset: -1, Err: errors.New("front matter keys must be plain words")}
		}
		// Hugo treats front matter keys without regard to case.
		key := strings.ToLower(k.Value)
		if prev, dup := seen[key]; dup {
			return &PosError{Path: path, Line: line, Offset: -1,
				Err: fmt.Errorf("key %q is already set on line %d", k.Value, prev)}
		}
		seen[key] = line
		switch key {
		case "id", "title", "lang", "source_url", "outlet", "slug":
			s, ok := scalarString(v)
			if !ok {
				return posErr("%s must be a single value, not a %s", key, kindName(v))
			}
			switch key {
			case "id":
				d.ID = s
			case "title":
				d.Title = s
			case "lang":
				d.Lang = s
			case "source_url":
				d.SourceURL = s
			case "outlet":
				d.Outlet = s
			case "slug":
				d.Slug = s
			}
		case "date":
			t, err := yamlDate(v)
			if err != nil {
				return posErr("%w", err)
			}
			d.Date = t
		case "authors":
			a, ok := yamlStrings(v)
			if !ok {
				return posErr("authors must be a name or a list of names, not a %s", kindName(v))
			}
			d.Authors = a
		case "draft":
			if isNull(v) {
				continue
			}
			var b bool
			if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
				return posErr("draft must be true or false, not %q", v.Value)
			}
			d.Draft = b
		default:
			var val any
			if err := v.Decode(&val); err != nil {
				return yamlError(path, err, firstLine)
			}
			if d.Params == nil {
				d.Params = map[string]any{}
			}
			d.Params[key] = val
		}
	}
	if d.ID == "" && d.Slug != "" {
		d.ID = d.Slug
	}
	return nil
}

// deref follows an alias (*name) to its anchored node.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func scalarString(n *yaml.Node) (string, bool) {
	if isNull(n) {
		return "", true
	}
	if n.Kind != yaml.ScalarNode {
		return "", false
	}
	return n.Value, true
}

func yamlStrings(n *yaml.Node) ([]string, bool) {
	if isNull(n) {
		return nil, true
	}
	if s, ok := scalarString(n); ok {
		return []string{s}, true
	}
	if n.Kind != yaml.SequenceNode {
		return nil, false
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		s, ok := scalarString(deref(c))
		if !ok {
			return nil, false
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out, true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	case yaml.AliasNode:
		return "alias"
	}
	return "value"
}

func yamlDate(n *yaml.Node) (time.Time, error) {
	if isNull(n) {
		return time.Time{}, nil
	}
	if n.Kind != yaml.ScalarNode {
		return time.Time{}, fmt.Errorf("date must be a single value, not a %s", kindName(n))
	}
	if n.Tag == "!!timestamp" {
		var t time.Time
		if err := n.Decode(&t); err == nil {
			return t, nil
		}
	}
	return ParseDate(n.Value)
}

// dateLayouts are the date forms accepted in front matter and JSON, tried in
// order; the ones without a zone are read as UTC.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02"}

// ParseDate reads a date as RFC 3339 or YYYY-MM-DD (with an optional time).
// The empty string gives the zero time.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("invalid date %q (want 2006-01-02 or RFC 3339 such as 2006-01-02T15:04:05Z)", s)
}

// yamlError turns yaml.v3's "line N" (counted from the start of the front
// matter) into a file line.
func yamlError(path string, err error, firstLine int) error {
	line, msg := yamlpos.Split(err)
	if line == 0 {
		line = firstLine
	} else {
		line += firstLine - 1
	}
	return &PosError{Path: path, Line: line, Offset: -1, Err: fmt.Errorf("front matter: %s", msg)}
}
