// Package yamlpos gives YAML problems their place: it reads the line out of
// a yaml.v3 error and finds keys a schema does not know, so that the
// packages that parse YAML (front matter, speakers.yaml, corrections.yaml)
// all say "file:line: message", the form every verbatim error has.
package yamlpos

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Split returns the 1-based line of the YAML input an error from yaml.v3
// points at, or 0 where it names none, and the message without the
// "yaml: line N:" prefix.
func Split(err error) (line int, msg string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	rest, ok := strings.CutPrefix(msg, "line ")
	if !ok {
		return 0, msg
	}
	num, tail, ok := strings.Cut(rest, ": ")
	if !ok {
		return 0, msg
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 {
		return 0, msg
	}
	// The parser (unlike the scanner) reports 0-based lines.
	for _, p := range parserProblems {
		if strings.HasPrefix(tail, p) {
			n++
			break
		}
	}
	return n, tail
}

// CheckKeys reports, as "file:line: unknown key", the first key of the
// mapping n that allowed does not list: a misspelt key would otherwise be
// silently ignored.
func CheckKeys(file string, n *yaml.Node, allowed []string) error {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; !slices.Contains(allowed, k.Value) {
			return fmt.Errorf("%s:%d: unknown key %q (known: %s)", file, k.Line, k.Value, strings.Join(allowed, ", "))
		}
	}
	return nil
}

// parserProblems are the messages of yaml.v3's parser stage, whose line
// numbers are 0-based, unlike the scanner's.
var parserProblems = []string{
	"did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected '-' indicator",
	"did not find expected <document start>", "did not find expected <stream-start>", "did not find expected key",
	"did not find expected node content", "found duplicate %TAG directive", "found duplicate %YAML directive",
	"found incompatible YAML document", "found undefined tag handle",
}
