package extract

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/extract/lang"
)

// typography is the character data that tells opening from closing
// quotation marks (lang/typography.txt). It is shared by every language:
// a document's marks follow its typesetting, not its lexicon.
type typography struct {
	openBefore  map[rune]bool
	closeBefore map[rune]bool
	apostrophe  map[rune]bool
	// elided are the clitics every language writes onto the next word
	// with an apostrophe (lang/*/elisions.txt): a straight mark after one
	// opens a quote (qu'"une hausse"), whatever the document's language.
	elided map[string]bool
}

const typographyFile = "typography.txt"

// marks is read once from the embedded data, which is fixed at build time;
// TestTypographyLoads checks it parses, so the panic cannot fire in a
// binary whose tests passed.
var marks = mustTypography(lang.FS)

func mustTypography(fsys fs.FS) *typography {
	t, err := loadTypography(fsys)
	if err != nil {
		panic(err)
	}
	return t
}

func loadTypography(fsys fs.FS) (*typography, error) {
	data, err := fs.ReadFile(fsys, typographyFile)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", langPrefix+typographyFile, err)
	}
	t := &typography{openBefore: map[rune]bool{}, closeBefore: map[rune]bool{}, apostrophe: map[rune]bool{}}
	classes := map[string]map[rune]bool{"open-before": t.openBefore, "close-before": t.closeBefore, "apostrophe": t.apostrophe}
	seen := map[string]bool{}
	err = eachLine(langPrefix+typographyFile, data, func(fields []string, _ string) error {
		if len(fields) != 2 {
			return errors.New(`want "class<TAB>characters separated by spaces"`)
		}
		set, ok := classes[fields[0]]
		if !ok {
			return fmt.Errorf("unknown class %q", fields[0])
		}
		seen[fields[0]] = true
		for _, c := range strings.Fields(fields[1]) {
			r, n := utf8.DecodeRuneInString(c)
			if n != len(c) {
				return fmt.Errorf("%q is not one character", c)
			}
			set[r] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	t.elided = map[string]bool{}
	files, err := fs.Glob(fsys, "*/elisions.txt")
	if err != nil {
		return nil, fmt.Errorf("load elisions: %w", err)
	}
	for _, f := range files {
		set, err := readWordSet(fsys, f, false)
		if err != nil {
			return nil, err
		}
		for w := range set {
			t.elided[w] = true
		}
	}
	for name := range classes {
		if !seen[name] {
			// A missing class would silently turn every mark of a kind
			// into an ambiguous one.
			return nil, fmt.Errorf("load %s: class %q missing", langPrefix+typographyFile, name)
		}
	}
	return t, nil
}
