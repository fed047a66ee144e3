package render

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/verbatim-news/verbatim/internal/tempfiles"
)

// marker names the file that tells a folder was written by verbatim, so
// that Build never replaces a folder it did not make. It also holds the
// manifest of the build: the hash of every file, which lets the next build
// leave unchanged files alone.
const marker = ".verbatim-site"

const markerHeader = "# Written by verbatim build: a manifest of this folder, rewritten at each build.\n"

// writeSite writes the pages into out. Nothing in out is touched until
// every page has rendered, so a failed build leaves the last good site.
//
// The first build (or one without a manifest) renders into a fresh folder
// beside out and swaps it in. Later builds compare each page with the
// manifest, stage only the changed pages in a folder beside out, then move
// them in by rename and remove the pages that are gone: an unchanged page is
// never rewritten, which keeps rebuilds cheap on slow disks and lets deploy
// tools that compare times see what really changed.
func writeSite(ctx context.Context, out string, pages []page) (unchanged int, err error) {
	seen := make(map[string]bool, len(pages))
	for _, p := range pages {
		if !filepath.IsLocal(filepath.FromSlash(p.path)) || p.path == marker {
			return 0, fmt.Errorf("page path %q leaves the output folder", p.path)
		}
		if seen[p.path] {
			return 0, fmt.Errorf("two pages want the path %q", p.path)
		}
		seen[p.path] = true
	}
	exists, err := previousSite(out)
	if err != nil {
		return 0, err
	}
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, err
	}
	var old map[string]entry
	if exists {
		old = readManifest(out)
	}
	// A build killed before its swap leaves its stage behind; the next
	// build removes those of dead processes.
	stagePrefix := "." + filepath.Base(out) + ".new-"
	_, _ = tempfiles.Clean(parent, stagePrefix, "", tempfiles.StaleAfter)
	stage, err := os.MkdirTemp(parent, tempfiles.Pattern(stagePrefix, ""))
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(stage) // empty after a full build's swap
	if err := os.Chmod(stage, 0o755); err != nil {
		return 0, err
	}

	entries := make([]entry, len(pages))
	changed := make([]bool, len(pages))
	w := &stager{dir: stage}
	// Writing a file costs more waiting on the disk than computing: more
	// workers than cores keep both busy. The output is the same bytes
	// whatever the number of workers.
	err = parallelN(ctx, len(pages), 4*runtime.GOMAXPROCS(0), func(i int) error {
		p := pages[i]
		prev, had := old[p.path]
		if had && p.key != "" && prev.key == p.key {
			entries[i] = prev // same inputs, same bytes: not even rendered
			return nil
		}
		data, err := p.make()
		if err != nil {
			return fmt.Errorf("%s: %w", p.path, err)
		}
		sum := sha256.Sum256(data)
		entries[i] = entry{hash: hex.EncodeToString(sum[:16]), key: p.key}
		if had && prev.hash == entries[i].hash {
			return nil
		}
		changed[i] = true
		return w.put(p.path, data)
	})
	if err != nil {
		return 0, err
	}
	manifest := make(map[string]entry, len(pages))
	for i, p := range pages {
		manifest[p.path] = entries[i]
		if !changed[i] {
			unchanged++
		}
	}

	if old == nil {
		if err := writeManifest(stage, manifest); err != nil {
			return 0, err
		}
		return unchanged, swap(stage, out, exists)
	}
	return unchanged, commit(stage, out, pages, changed, old, manifest)
}

// commit moves the staged pages into out, removes the pages that are gone
// and records the new manifest. The old manifest is removed first, so that
// if the commit stops half way the next build rewrites everything.
func commit(stage, out string, pages []page, changed []bool, old, manifest map[string]entry) error {
	if err := os.WriteFile(filepath.Join(out, marker), []byte(markerHeader), 0o644); err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	made := map[string]bool{}
	for i, p := range pages {
		if !changed[i] {
			continue
		}
		dst := filepath.Join(out, filepath.FromSlash(p.path))
		if d := filepath.Dir(dst); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.Rename(filepath.Join(stage, filepath.FromSlash(p.path)), dst); err != nil {
			return fmt.Errorf("install %s: %w", p.path, err)
		}
	}
	var gone []string
	for p := range old {
		if _, ok := manifest[p]; !ok {
			gone = append(gone, p)
		}
	}
	slices.Sort(gone)
	for _, p := range gone {
		path := filepath.Join(out, filepath.FromSlash(p))
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", p, err)
		}
		// Remove the folders the page leaves empty; a folder with other
		// files refuses, which stops the climb.
		for d := filepath.Dir(path); d != filepath.Clean(out); d = filepath.Dir(d) {
			if os.Remove(d) != nil {
				break
			}
		}
	}
	return writeManifest(out, manifest)
}

// previousSite reports whether out exists; it fails if out holds something
// verbatim did not write.
func previousSite(out string) (bool, error) {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("output folder: %w", err)
	}
	if len(entries) == 0 {
		return true, nil
	}
	if _, err := os.Stat(filepath.Join(out, marker)); err != nil {
		return false, fmt.Errorf("output folder %s exists and was not written by verbatim (no %s file); remove it or choose another --out", out, marker)
	}
	return true, nil
}

// entry is a manifest line: the hash of a file's bytes and the fingerprint
// of the inputs it was rendered from ("-" when the page has none).
type entry struct{ hash, key string }

// readManifest returns the entries recorded in dir's marker, or nil.
func readManifest(dir string) map[string]entry {
	data, err := os.ReadFile(filepath.Join(dir, marker))
	if err != nil {
		return nil
	}
	m := map[string]entry{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		f := strings.SplitN(line, " ", 3)
		if len(f) != 3 {
			return nil
		}
		if f[1] == "-" {
			f[1] = ""
		}
		m[f[2]] = entry{hash: f[0], key: f[1]}
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

func writeManifest(dir string, m map[string]entry) error {
	paths := make([]string, 0, len(m))
	for p := range m {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var b bytes.Buffer
	b.WriteString(markerHeader)
	for _, p := range paths {
		key := m[p].key
		if key == "" {
			key = "-"
		}
		b.WriteString(m[p].hash + " " + key + " " + p + "\n")
	}
	return writeFileAtomic(filepath.Join(dir, marker), b.Bytes())
}

// swap puts the new folder in place of out. Between the two renames out is
// missing for an instant, but never half written.
func swap(tmp, out string, exists bool) error {
	if !exists {
		if err := os.Rename(tmp, out); err != nil {
			return fmt.Errorf("install %s: %w", out, err)
		}
		return nil
	}
	trash := tmp + ".old"
	if err := os.Rename(out, trash); err != nil {
		return fmt.Errorf("replace %s: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		if rerr := os.Rename(trash, out); rerr != nil {
			return fmt.Errorf("install %s: %w (and the previous site is left in %s: %v)", out, err, trash, rerr)
		}
		return fmt.Errorf("install %s: %w", out, err)
	}
	if err := os.RemoveAll(trash); err != nil {
		return fmt.Errorf("remove the previous site %s: %w", trash, err)
	}
	return nil
}

// stager writes pages under dir, creating each folder once.
type stager struct {
	dir  string
	dirs sync.Map
	n    atomic.Int64
}

func (w *stager) put(rel string, data []byte) error {
	path := filepath.Join(w.dir, filepath.FromSlash(rel))
	if d := filepath.Dir(path); d != w.dir {
		if _, ok := w.dirs.Load(d); !ok {
			// Most pages have a folder of their own whose parent exists:
			// one mkdir instead of MkdirAll's stat, stat and mkdir.
			if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				if err := os.MkdirAll(d, 0o755); err != nil {
					return err
				}
			}
			w.dirs.Store(d, true)
		}
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	w.n.Add(1)
	return nil
}

func existingDir(dir string) string {
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return dir
	}
	return ""
}
