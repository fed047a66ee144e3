// Package plural writes a count with its noun in the singular or the
// plural, for the command line's summaries ("1 article", "5 quotes").
package plural

import "strconv"

// Count writes n with one or many: Count(1, "quote", "quotes") is "1 quote".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
