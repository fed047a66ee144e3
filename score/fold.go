package score

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// fold is score.py's fold(): NFKD, combining marks dropped, typographic
// apostrophe and hyphens made ASCII, casefold, whitespace runs collapsed.
// Like Python's `s or ""`, any false value folds to ""; another non-string
// is the TypeError Python would raise.
func fold(v any) (string, error) {
	if !truthy(v) {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("normalize() argument 2 must be str, not %s", typeName(v))
	}
	return foldString(s), nil
}

func foldString(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if norm.NFKD.PropertiesString(s[i:]).CCC() != 0 {
			continue // unicodedata.combining(c)
		}
		switch r {
		case '’':
			r = '\''
		case '‐', '‑':
			r = '-'
		}
		b.WriteRune(r)
	}
	return strings.Join(pyFields(strings.Map(cherokee, cases.Fold().String(b.String()))), " ")
}

// cherokee undoes x/text's folding of Cherokee to lowercase: Unicode's
// CaseFolding.txt, which Python's casefold follows, folds Cherokee to the
// uppercase letters (they were encoded first).
func cherokee(r rune) rune {
	switch {
	case r >= 0xab70 && r <= 0xabbf:
		return r - 0xab70 + 0x13a0
	case r >= 0x13f8 && r <= 0x13fd:
		return r - 0x13f8 + 0x13f0
	}
	return r
}

func tokens(name any) ([]string, error) {
	f, err := fold(name)
	if err != nil {
		return nil, err
	}
	return pyFields(strings.ReplaceAll(f, "-", " ")), nil
}

var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`le la les l un une des du de d au aux son sa ses leur leurs the a an of his her
		its their nombreux nombreuses plusieurs certains certaines quelques tous toutes divers diverses autres deux
		trois quatre cinq dix many several some all other others various numerous two three four five`) {
		functionWords[w] = true
	}
}

func contentTokens(s any) ([]string, error) {
	f, err := fold(s)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, t := range pyFields(strings.ReplaceAll(f, "'", " ")) {
		if !functionWords[t] {
			out = append(out, t)
		}
	}
	return out, nil
}

// descriptionOK: the prediction holds the description's head word, and at
// least two thirds of its own words come from the description.
func descriptionOK(pred, gold any) (bool, error) {
	g, err := contentTokens(gold)
	if err != nil {
		return false, err
	}
	p, err := contentTokens(pred)
	if err != nil {
		return false, err
	}
	if len(g) == 0 || len(p) == 0 || !contains(p, g[0]) {
		return false, nil
	}
	n := 0
	for _, t := range p {
		if contains(g, t) {
			n++
		}
	}
	return n*3 >= len(p)*2, nil
}

func contains(list []string, s string) bool {
	for _, t := range list {
		if t == s {
			return true
		}
	}
	return false
}

// pyList is list(v) for the speaker_aliases value: a string gives its
// characters, a dict its keys.
func pyList(v any) ([]any, error) {
	if !truthy(v) {
		return nil, nil
	}
	switch x := v.(type) {
	case []any:
		return x, nil
	case string:
		var out []any
		for _, r := range x {
			out = append(out, string(r))
		}
		return out, nil
	case *object:
		out := make([]any, len(x.keys))
		for i, k := range x.keys {
			out[i] = k
		}
		return out, nil
	}
	return nil, fmt.Errorf("'%s' object is not iterable", typeName(v))
}

// startsLower is gold[:1].islower().
func startsLower(v any) (bool, error) {
	s, ok := v.(string)
	if !ok {
		if _, num := v.(json.Number); num {
			return false, fmt.Errorf("'%s' object is not subscriptable", typeName(v))
		}
		return false, fmt.Errorf("'%s' object has no attribute 'islower'", typeName(v))
	}
	for _, r := range s {
		return (unicode.IsLower(r) || unicode.Is(unicode.Other_Lowercase, r)) &&
			!unicode.IsUpper(r) && !unicode.IsTitle(r), nil
	}
	return false, nil
}

// speakerOK is score.py's speaker_ok: is the predicted speaker right for
// the gold quote?
func speakerOK(pred any, gold *object, lenient bool) (bool, error) {
	g := gold.get("speaker")
	if g == nil {
		if pred == nil {
			return true, nil
		}
		f, err := fold(pred)
		return f == "", err
	}
	if !truthy(pred) {
		return false, nil
	}
	aliases, err := pyList(gold.get("speaker_aliases"))
	if err != nil {
		return false, err
	}
	names := append([]any{g}, aliases...)
	for _, n := range names {
		fp, err := fold(pred)
		if err != nil {
			return false, err
		}
		fn, err := fold(n)
		if err != nil {
			return false, err
		}
		if fp == fn {
			return true, nil
		}
	}
	if named, ok := gold.get("speaker_named").(bool); gold.has("speaker_named") && ok && !named {
		return descriptionOK(pred, g)
	}
	if lower, err := startsLower(g); err != nil || lower {
		if err != nil {
			return false, err
		}
		return descriptionOK(pred, g)
	}
	if lenient {
		p, err := tokens(pred)
		if err != nil {
			return false, err
		}
		for _, n := range names {
			gt, err := tokens(n)
			if err != nil {
				return false, err
			}
			if len(p) > 0 && len(gt) > 0 && p[len(p)-1] == gt[len(gt)-1] && subset(p, gt) {
				return true, nil
			}
		}
	}
	return false, nil
}

func subset(a, b []string) bool {
	for _, t := range a {
		if !contains(b, t) {
			return false
		}
	}
	return true
}
