package speakers_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/speakers"
)

func snapshotLinker(t *testing.T, cfg *speakers.Config, docs []doc) *speakers.Linker {
	t.Helper()
	lk, err := speakers.New(cfg, speakers.Options{Reserved: []string{"unattributed"}})
	require.NoError(t, err)
	for _, d := range docs {
		lk.Add(d.id, result(d))
	}
	return lk
}

// TestSnapshotRestores checks that a Snapshot, through JSON as a cache
// keeps it, restores the Result that Link gives, lookups included.
func TestSnapshotRestores(t *testing.T) {
	cfg, err := speakers.ParseConfig("speakers.yaml", []byte("- name: Antony Brellick\n  description: Port minister\n  aliases: [Tony Brellick]\n- name: Nobody Known\n"))
	require.NoError(t, err)
	docs := []doc{
		{"a", []spk{"Antony Brellick|m,role=minister", "Human Rights Watch|org,alias=HRW", "a witness|described"}},
		{"b", []spk{"Brellick", "HRW|org", "Mara Quellen|f,quotes=xx"}},
		{"c", []spk{"Tony Brellick", "Mara Quellen"}},
	}
	want := snapshotLinker(t, cfg, docs).Link()

	lk := snapshotLinker(t, cfg, docs)
	data, err := json.Marshal(want.Snapshot())
	require.NoError(t, err)
	var snap speakers.Snapshot
	require.NoError(t, json.Unmarshal(data, &snap))
	got, err := lk.Restore(snap)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	_, err = snapshotLinker(t, cfg, docs[:2]).Restore(snap)
	assert.Error(t, err, "a snapshot of another corpus")
}

// TestKeyCoversInputs checks that the key changes with everything linking
// reads, and only with that.
func TestKeyCoversInputs(t *testing.T) {
	docs := []doc{{"a", []spk{"Antony Brellick|m"}}, {"b", []spk{"Brellick"}}}
	base := snapshotLinker(t, nil, docs).Key("v1")
	assert.Equal(t, base, snapshotLinker(t, nil, docs).Key("v1"), "same input")
	assert.NotEqual(t, base, snapshotLinker(t, nil, docs).Key("v2"), "another binary")
	cfg, err := speakers.ParseConfig("speakers.yaml", []byte("- name: Antony Brellick\n  description: Port minister\n"))
	require.NoError(t, err)
	assert.NotEqual(t, base, snapshotLinker(t, cfg, docs).Key("v1"), "speakers.yaml")
	for name, other := range map[string][]doc{
		"order":   {docs[1], docs[0]},
		"doc id":  {{"a2", docs[0].speakers}, docs[1]},
		"gender":  {{"a", []spk{"Antony Brellick|f"}}, docs[1]},
		"role":    {{"a", []spk{"Antony Brellick|m,role=minister"}}, docs[1]},
		"quotes":  {{"a", []spk{"Antony Brellick|m,quotes=xx"}}, docs[1]},
		"name":    {{"a", []spk{"Anthony Brellick|m"}}, docs[1]},
		"org":     {{"a", []spk{"Antony Brellick|org"}}, docs[1]},
		"removed": docs[:1],
	} {
		assert.NotEqual(t, base, snapshotLinker(t, nil, other).Key("v1"), name)
	}
}
