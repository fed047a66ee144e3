package plural

import "testing"

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 quotes"}, {1, "1 quote"}, {2, "2 quotes"}} {
		if got := Count(c.n, "quote", "quotes"); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
