package slug

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxLen bounds a slug so that paths stay well under file-system limits even
// for a headline used as a slug. Cuts fall on a hyphen when there is one.
const maxLen = 80

// Make returns the ASCII slug of s: letters transliterated, marks dropped,
// every run of other characters turned into one hyphen. It never returns an
// empty string: a name with nothing to transliterate gets "x-" and a hash of
// its text, so it stays stable and distinct.
func Make(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	hyphen := false // a separator is pending
	emit := func(r rune) {
		out, ok := translit(r)
		switch {
		case !ok:
			hyphen = b.Len() > 0
		case out != "":
			if hyphen {
				b.WriteByte('-')
				hyphen = false
			}
			b.WriteString(out)
		}
	}
	// The table is consulted before decomposing, so that letters whose
	// decomposition loses information (й, ё) keep their own spelling.
	for _, r := range norm.NFC.String(s) {
		if _, ok := letters[unicode.ToLower(r)]; ok || r < 0x80 {
			emit(r)
			continue
		}
		for _, d := range norm.NFKD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) { // combining marks: ï → i
				emit(d)
			}
		}
	}
	out := b.String()
	if len(out) > maxLen {
		out = out[:maxLen]
		if i := strings.LastIndexByte(out, '-'); i > maxLen/2 {
			out = out[:i]
		}
		out = strings.TrimRight(out, "-")
	}
	if out == "" {
		return "x-" + hash(s)
	}
	return out
}

// translit maps one code point to lowercase ASCII, possibly "" for letters
// that are dropped; ok is false for separators and for characters with no
// transliteration.
func translit(r rune) (string, bool) {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return string(r), true
	case r >= 'A' && r <= 'Z':
		return string(r + 'a' - 'A'), true
	case r < 0x80:
		return "", false
	}
	if s, ok := letters[unicode.ToLower(r)]; ok {
		return s, true
	}
	return "", false
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

// Item is one thing to name: Key identifies it (two items with one key are
// one item), Name is the text the slug is made from, and Explicit, when set,
// is a slug chosen by the author that wins over Name.
type Item struct {
	Key      string
	Name     string
	Explicit string
}

// Assign gives every item a distinct slug. Explicit slugs are served first,
// then derived ones. When several items want one slug the item with the
// smallest key keeps it and the others get a suffix made from a hash of
// their key, so an item's slug does not depend on the order of items and
// changes only when a newcomer collides with it.
func Assign(items []Item) map[string]string {
	sorted := make([]Item, 0, len(items))
	seen := make(map[string]bool, len(items))
	for _, it := range items {
		if !seen[it.Key] {
			seen[it.Key] = true
			sorted = append(sorted, it)
		}
	}
	sort.Slice(sorted, func(i, j int) bool {
		ei, ej := sorted[i].Explicit != "", sorted[j].Explicit != ""
		if ei != ej {
			return ei
		}
		return sorted[i].Key < sorted[j].Key
	})

	out := make(map[string]string, len(sorted))
	taken := make(map[string]bool, len(sorted))
	for _, it := range sorted {
		base := it.Explicit
		if base == "" {
			base = it.Name
		}
		base = Make(base)
		s := base
		if taken[s] {
			s = base + "-" + hash(it.Key)
		}
		for n := 2; taken[s]; n++ {
			s = base + "-" + hash(it.Key) + "-" + strconv.Itoa(n)
		}
		taken[s] = true
		out[it.Key] = s
	}
	return out
}
