package slug

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var valid = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kassym-Jomart Tokaïev", "kassym-jomart-tokaiev"},
		{"Antony Blinken", "antony-blinken"},
		{"Łukasz Żuławski", "lukasz-zulawski"},
		{"Novak Đoković", "novak-dokovic"},
		{"Straße der Einheit", "strasse-der-einheit"},
		{"Øystein Ærø", "oystein-aero"},
		{"Þórunn Guðmundsdóttir", "thorunn-gudmundsdottir"},
		{"Владимир Путин", "vladimir-putin"},
		{"Зеленський Олександр", "zelenskiy-oleksandr"},
		{"Қасым-Жомарт Тоқаев", "qasym-zhomart-toqaev"},
		{"محمود عباس", "mhmwd-abas"},
		{"Αλέξης Τσίπρας", "alexis-tsipras"},
		{"  --Mme. O'Neil & Cie--  ", "mme-o-neil-cie"},
		{"Ĳsselmeer ﬁnance", "ijsselmeer-finance"},
		{"Jean-Luc  Mélenchon", "jean-luc-melenchon"},
		{"../../etc/passwd", "etc-passwd"},
		{"<script>alert(1)</script>", "script-alert-1-script"},
		{"İstanbul Işık", "istanbul-isik"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Make(tt.in)
			assert.Equal(t, tt.want, got)
			assert.Regexp(t, valid, got)
		})
	}
}

func TestMakeNeverEmpty(t *testing.T) {
	for _, in := range []string{"", "习近平", "!!!", "🙂", "..", "\x00\xff"} {
		got := Make(in)
		assert.Regexp(t, valid, got, "input %q", in)
		assert.NotEqual(t, "..", got)
	}
	assert.NotEqual(t, Make("习近平"), Make("李强"), "distinct untransliterated names get distinct slugs")
	assert.Equal(t, Make("习近平"), Make("习近平"))
}

func TestMakeLength(t *testing.T) {
	long := ""
	for range 40 {
		long += "parole "
	}
	got := Make(long)
	assert.LessOrEqual(t, len(got), maxLen)
	assert.Regexp(t, valid, got)
}

func TestAssign(t *testing.T) {
	items := []Item{
		{Key: "José Pérez", Name: "José Pérez"},
		{Key: "Jose Perez", Name: "Jose Perez"},
		{Key: "JOSE PEREZ", Name: "JOSE PEREZ"},
		{Key: "article-b", Name: "Un titre", Explicit: "mon-slug"},
		{Key: "article-a", Name: "Mon slug"},
		{Key: "evil", Name: "x", Explicit: "../../outside"},
	}
	got := Assign(items)
	require.Len(t, got, len(items))
	seen := map[string]string{}
	for k, s := range got {
		assert.Regexp(t, valid, s)
		if other, dup := seen[s]; dup {
			t.Errorf("slug %q given to %q and %q", s, other, k)
		}
		seen[s] = k
	}
	assert.Equal(t, "mon-slug", got["article-b"], "an explicit slug wins")
	assert.NotEqual(t, "mon-slug", got["article-a"])
	assert.Equal(t, "jose-perez", got["JOSE PEREZ"], "smallest key keeps the plain slug")
	assert.Equal(t, "outside", got["evil"])

	// Order does not matter.
	rev := make([]Item, len(items))
	for i, it := range items {
		rev[len(items)-1-i] = it
	}
	assert.Equal(t, got, Assign(rev))

	// A newcomer that does not collide leaves every slug as it was.
	more := append(append([]Item(nil), items...), Item{Key: "Zoé", Name: "Zoé"})
	got2 := Assign(more)
	for k, s := range got {
		assert.Equal(t, s, got2[k], k)
	}
}

func FuzzMake(f *testing.F) {
	for _, s := range []string{"Kassym-Jomart Tokaïev", "Đoković", "", "../x", "习近平", "a\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Make(s)
		if !valid.MatchString(got) {
			t.Fatalf("Make(%q) = %q, not a valid slug", s, got)
		}
		if len(got) > maxLen {
			t.Fatalf("Make(%q) too long: %d", s, len(got))
		}
	})
}

func ExampleMake() {
	fmt.Println(Make("Kassym-Jomart Tokaïev"))
	fmt.Println(Make("Łukasz Đoković"))
	// Output:
	// kassym-jomart-tokaiev
	// lukasz-dokovic
}
