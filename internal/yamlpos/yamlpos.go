// Package yamlpos reads the line out of a yaml.v3 error, so that the
// packages that parse YAML (front matter, speakers.yaml, corrections.yaml)
// can all say "file:line: message", the form every verbatim error has.
package yamlpos

import (
	"errors"
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

// parserProblems are the messages of yaml.v3's parser stage, whose line
// numbers are 0-based, unlike the scanner's.
var parserProblems = []string{
	"did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected '-' indicator",
	"did not find expected <document start>", "did not find expected <stream-start>", "did not find expected key",
	"did not find expected node content", "found duplicate %TAG directive", "found duplicate %YAML directive",
	"found incompatible YAML document", "found undefined tag handle",
}
