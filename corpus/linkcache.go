package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"time"

	"github.com/verbatim-news/verbatim/internal/atomicfile"
	"github.com/verbatim-news/verbatim/speakers"
)

// maxLinkEntries bounds the link results the cache keeps: each is the
// size of the corpus's speakers, and only the last few builds' are
// worth keeping (two sites sharing a cache, a change made and undone).
const maxLinkEntries = 8

// linkDir is the cache folder of link results.
func (c Cache) linkDir() string { return filepath.Join(c.Dir, "link") }

// link links the documents added to lk, or takes the result from the
// cache when a run linked the same input already: linking is corpus-wide,
// the longest step of a rebuild after one article changed, and most
// changes to an article (its text, a quote's words) leave what linking
// reads as it was. The key is lk.Key: everything Add kept, speakers.yaml
// and the version of the binary, so a result is never served for another
// input.
func (c Cache) link(lk *speakers.Linker) (*speakers.Result, error) {
	if c.Dir == "" || c.Version == "" {
		return lk.Link(), nil
	}
	key := lk.Key(c.Version)
	path := filepath.Join(c.linkDir(), key+".json")
	if data, err := os.ReadFile(path); err == nil {
		var snap speakers.Snapshot
		if json.Unmarshal(data, &snap) == nil {
			if res, err := lk.Restore(snap); err == nil {
				// Used: kept among the newest.
				now := time.Now()
				_ = os.Chtimes(path, now, now)
				return res, nil
			}
		}
		// A damaged entry is linked again and rewritten.
	}
	res := lk.Link()
	snap := res.Snapshot()
	data, err := json.Marshal(snap)
	if err != nil {
		return nil, fmt.Errorf("cache link result: %w", err)
	}
	// JSON does not tell an empty list from none: keep only a result
	// that reads back exactly, so that a cached one builds the same site.
	var back speakers.Snapshot
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&back); err != nil || !reflect.DeepEqual(back, snap) {
		return res, nil
	}
	if err := atomicfile.WriteFile(path, data); err != nil {
		return nil, fmt.Errorf("cache link result: %w", err)
	}
	c.pruneLinks()
	return res, nil
}

// pruneLinks removes all but the newest maxLinkEntries link results. A
// failure costs disk space only.
func (c Cache) pruneLinks() {
	entries, err := os.ReadDir(c.linkDir())
	if err != nil || len(entries) <= maxLinkEntries {
		return
	}
	type aged struct {
		name string
		mod  time.Time
	}
	var files []aged
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && fi.Mode().IsRegular() && filepath.Ext(e.Name()) == ".json" {
			files = append(files, aged{e.Name(), fi.ModTime()})
		}
	}
	slices.SortFunc(files, func(a, b aged) int { return b.mod.Compare(a.mod) })
	for _, f := range files[min(len(files), maxLinkEntries):] {
		_ = os.Remove(filepath.Join(c.linkDir(), f.name))
	}
}
