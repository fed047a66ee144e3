package extract

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadRoleSynonyms(t *testing.T) {
	fsys := fstest.MapFS{
		"xx/role-synonyms.txt": {Data: []byte("# comment\nmaire = édile, premier magistrat\n")},
		"yy/role-synonyms.txt": {Data: []byte("maire édile\n")},
	}
	syn, err := readRoleSynonyms(fsys, "xx")
	if err != nil {
		t.Fatal(err)
	}
	if got := syn["edile"]; !slices.Contains(got, "maire") || !slices.Contains(got, "premier magistrat") {
		t.Errorf("synonyms of édile: %v, want maire and premier magistrat (both ways)", got)
	}
	if _, err := readRoleSynonyms(fsys, "yy"); err == nil || !strings.Contains(err.Error(), "yy/role-synonyms.txt:1") {
		t.Errorf("a line without '=': err %v, want one naming the file and line", err)
	}
	if syn, err := readRoleSynonyms(fsys, "zz"); err != nil || len(syn) != 0 {
		t.Errorf("a language without the file: %v, %v; want none and no error", syn, err)
	}
}
