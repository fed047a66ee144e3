package speakers

import (
	"reflect"
	"testing"
)

// TestKeyHashesEveryField fails when the Linker's state gains a field:
// Linker.Key must hash it too, or a cached link result could be served
// for another input. Update the key, then the counts here.
func TestKeyHashesEveryField(t *testing.T) {
	for _, tt := range []struct {
		typ    reflect.Type
		fields int
	}{
		{reflect.TypeFor[Linker](), 6}, // lx and opts, cfg in the key; docs, locals, quotes below
		{reflect.TypeFor[docRef](), 5},
		{reflect.TypeFor[quoteRef](), 2},
		{reflect.TypeFor[local](), 13},
		{reflect.TypeFor[personName](), 3},
	} {
		if n := tt.typ.NumField(); n != tt.fields {
			t.Errorf("%s has %d fields, Linker.Key hashes %d", tt.typ, n, tt.fields)
		}
	}
}
