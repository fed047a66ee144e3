package render

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/verbatim-news/verbatim/internal/atomicfile"
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
// Every build makes a complete new site in a folder beside out and puts it
// in place with one atomic exchange of the two folders (exchange*.go), so
// that a reader, a deploy tool or a build killed at any moment sees the old
// site or the new one, whole, never a mix.
//
// The folder it makes the new site in is, when there is one, the site
// before the last, which the last exchange left beside out (".out.previous"):
// bringing it up to date costs the pages changed by this build and the last
// one, not a copy of the whole site. A page whose bytes did not change is
// hard-linked from the current site instead of written, so it keeps its
// inode and its time, which keeps rebuilds cheap on slow disks and lets
// deploy tools that compare times see what really changed. Since the two
// folders share those files, a file is never written in place: it is
// removed and made anew.
func writeSite(ctx context.Context, scan *siteScan, pages []page) (unchanged int, err error) {
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
	if scan.err != nil {
		return 0, scan.err
	}
	out, exists, old, known := scan.out, scan.exists, scan.old, scan.known
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, fmt.Errorf("output folder: %w", err)
	}
	// A build killed before its exchange leaves its stage behind, and one
	// killed right after it the previous site under the stage's name; the
	// next build removes those of dead processes.
	stagePrefix := "." + filepath.Base(out) + ".new-"
	_, _ = tempfiles.Clean(parent, stagePrefix, "", tempfiles.StaleAfter)
	stage, err := os.MkdirTemp(parent, tempfiles.Pattern(stagePrefix, ""))
	if err != nil {
		return 0, fmt.Errorf("output folder: %w", err)
	}
	defer os.RemoveAll(stage) // a no-op once the stage is put away as the spare
	if err := os.Chmod(stage, 0o755); err != nil {
		return 0, fmt.Errorf("output folder: %w", err)
	}
	spare := filepath.Join(parent, "."+filepath.Base(out)+".previous")
	var spareSite *manifest // what the stage holds already
	if old != nil {
		spareSite = claimSpare(spare, stage)
	}
	base := spareSite.files()
	statePath := statePathOf(out)

	entries := make([]entry, len(pages))
	changed := make([]bool, len(pages))
	w := &stager{dir: stage, prev: out}
	// Writing a file costs more waiting on the disk than computing: more
	// workers than cores keep both busy. The output is the same bytes
	// whatever the number of workers.
	err = parallelN(ctx, len(pages), 4*runtime.GOMAXPROCS(0), func(i int) error {
		p := pages[i]
		prev, had := old.files()[p.path]
		cur, staged := base[p.path]
		if had && p.key != "" && prev.key == p.key {
			// Same inputs, same bytes: not even rendered.
			entries[i] = prev
			if staged && cur.hash == prev.hash {
				return nil
			}
			if err := w.keep(p.path); err == nil {
				return nil
			}
			// The current file is gone or unreadable: render it.
		}
		data, err := p.make()
		if err != nil {
			return fmt.Errorf("%s: %w", p.path, err)
		}
		sum := sha256.Sum256(data)
		entries[i] = entry{hash: hex.EncodeToString(sum[:16]), key: p.key}
		if had && prev.hash == entries[i].hash {
			if staged && cur.hash == prev.hash {
				return nil
			}
			if err := w.keep(p.path); err == nil {
				return nil
			}
		}
		changed[i] = true
		if staged && cur.hash == entries[i].hash {
			return nil // the site before the last had these bytes
		}
		return w.put(p.path, data)
	})
	if err != nil {
		return 0, err
	}
	publishStep("staged")
	manifest := make(map[string]entry, len(pages))
	for i, p := range pages {
		manifest[p.path] = entries[i]
		if !changed[i] {
			unchanged++
		}
	}
	if err := w.dropGone(base, manifest); err != nil {
		return 0, err
	}
	next := siteState{}
	if old != nil {
		// Files someone put in the site by hand (a CNAME, a
		// .well-known folder) are not verbatim's to drop.
		if next.foreign, err = w.syncForeign(ctx, old, known, scan.hand, spareSite, manifest); err != nil {
			return 0, err
		}
		next.replaced = old.sum
	}
	if next.site, err = writeManifest(stage, manifest); err != nil {
		return 0, err
	}
	publishStep("manifest")
	// The state tells of the current site until the exchange: a build
	// killed after it must not find it beside the new site.
	if err := os.Remove(statePath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, fmt.Errorf("output folder: %w", err)
	}
	publishStep("unstated")
	if err := swap(stage, out, exists); err != nil {
		return 0, err
	}
	publishStep("swapped")
	// After an exchange the stage holds the site just replaced: kept as
	// the spare the next build starts from. After two renames, or a
	// first build, there is nothing there.
	_ = os.Rename(stage, spare)
	// Without the state, the next build reads the whole site: worth
	// no failure.
	_ = writeState(statePath, next)
	return unchanged, nil
}

// siteScan is what a build reads of the current site before it writes
// the next one: where it is, its manifest, the state the last build left
// beside it, and the files put in it by hand. Reading it changes nothing,
// so a build starts it beside building the model (startScan): most of it
// is waiting on the file system, one system call per folder of the site.
type siteScan struct {
	out    string // the output folder, links followed
	exists bool
	old    *manifest  // the current site's manifest; nil for none
	known  *siteState // what the last build knew of it, if about it
	hand   []string   // files of the current site put there by hand, sorted
	err    error
}

// scanSite reads the current site at out.
func scanSite(ctx context.Context, out string) *siteScan {
	sc := &siteScan{}
	// An output folder that is a link (public -> /var/www/quotes) is
	// published where it leads: exchanging the link itself would leave
	// the web server's folder behind.
	if sc.out, sc.err = followLinks(out); sc.err != nil {
		return sc
	}
	if sc.exists, sc.err = previousSite(sc.out); sc.err != nil || !sc.exists {
		return sc
	}
	if sc.old = readManifest(sc.out); sc.old == nil {
		return sc
	}
	// What the last build knew of the current site, if it is about it.
	sc.known = readState(statePathOf(sc.out))
	if sc.known != nil && sc.known.site != sc.old.sum {
		sc.known = nil
	}
	sc.hand, sc.err = handFiles(ctx, sc.out, sc.old, sc.known)
	return sc
}

// pendingScan is a scanSite running beside the rest of a build.
type pendingScan struct {
	done chan struct{}
	scan *siteScan
}

// startScan starts scanSite(out).
func startScan(ctx context.Context, out string) *pendingScan {
	p := &pendingScan{done: make(chan struct{})}
	go func() {
		defer close(p.done)
		p.scan = scanSite(ctx, out)
	}()
	return p
}

// wait returns the scan once done.
func (p *pendingScan) wait() *siteScan {
	<-p.done
	return p.scan
}

// statePathOf is where the state of the site at out is kept: beside it.
func statePathOf(out string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(out)), "."+filepath.Base(out)+".state")
}

// claimSpare takes the spare folder, the site before the last, for this
// build by renaming it to the stage's name, which the empty stage gives
// up for it: of two builds at once, one gets it and the other starts from
// nothing. It returns the spare's manifest, nil when there was no spare or
// it has no manifest (then the stage is left empty).
func claimSpare(spare, stage string) *manifest {
	// os.Rename refuses to replace a folder, even an empty one.
	if os.Remove(stage) != nil {
		return nil
	}
	if err := os.Rename(spare, stage); err != nil {
		_ = os.Mkdir(stage, 0o755)
		return nil
	}
	m := readManifest(stage)
	if m == nil {
		_ = os.RemoveAll(stage)
		_ = os.Mkdir(stage, 0o755)
	}
	return m
}

// followLinks returns where a chain of symbolic links at path leads, which
// may not exist yet; path itself when it is no link.
func followLinks(path string) (string, error) {
	for range 40 {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		target, err := os.Readlink(path)
		if err != nil {
			return "", fmt.Errorf("output folder: %w", err)
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return "", fmt.Errorf("output folder %s: too many links", path)
}

// publishStep is called between the steps of publishing; tests replace it
// to stop the process there, as a kill would.
var publishStep = func(step string) {}

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

// manifest is what a site's marker tells of it.
type manifest struct {
	entries map[string]entry // verbatim's files
	sum     string           // of the marker's bytes
}

// files returns the entries of m, nil for no manifest.
func (m *manifest) files() map[string]entry {
	if m == nil {
		return nil
	}
	return m.entries
}

// readManifest returns what dir's marker records, or nil.
func readManifest(dir string) *manifest {
	data, err := os.ReadFile(filepath.Join(dir, marker))
	if err != nil {
		return nil
	}
	m := &manifest{entries: map[string]entry{}, sum: sumOf(data)}
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
		m.entries[f[2]] = entry{hash: f[0], key: f[1]}
	}
	if len(m.entries) == 0 {
		return nil
	}
	return m
}

func sumOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:16])
}

// writeManifest writes dir's marker and returns its sum.
func writeManifest(dir string, m map[string]entry) (string, error) {
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
	return sumOf(b.Bytes()), atomicfile.WriteFile(filepath.Join(dir, marker), b.Bytes())
}

// siteState is what a build knows of the site it published, beside it in
// a file of its own (".out.state") so that the site stays the bytes a
// fresh build makes: the files put there by hand, which the next build
// would otherwise find by reading every folder of the site.
type siteState struct {
	site     string   // the sum of the site's marker: the state is about it
	replaced string   // the sum of the marker of the site it replaced, "" for none
	foreign  []string // files put in the site by hand, sorted
}

const stateHeader = "# Written by verbatim build: the sums of the manifests of the site beside and of the one it replaced, and the files put there by hand.\n"

// readState returns the state in path, nil when there is none or it
// does not read.
func readState(path string) *siteState {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	text, ok := strings.CutPrefix(string(data), stateHeader)
	if !ok {
		return nil
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) < 2 || lines[0] == "" {
		return nil
	}
	st := &siteState{site: lines[0], replaced: strings.TrimPrefix(lines[1], "-")}
	st.foreign = lines[2:]
	return st
}

// writeState writes st to path; a file name with a line break cannot be
// written there, and then the state is not.
func writeState(path string, st siteState) error {
	if slices.ContainsFunc(st.foreign, func(p string) bool { return strings.ContainsAny(p, "\r\n") }) {
		return nil
	}
	var b strings.Builder
	b.WriteString(stateHeader)
	b.WriteString(st.site + "\n" + cmp.Or(st.replaced, "-") + "\n")
	for _, p := range st.foreign {
		b.WriteString(p + "\n")
	}
	return atomicfile.WriteFile(path, []byte(b.String()))
}

// exchangeDirs is exchange; tests replace it to take the fallback.
var exchangeDirs = exchange

// swap puts the new folder in place of out. Where the system can exchange
// two folders in one step (Linux, macOS), out is always a whole site, the old one
// or the new one, and tmp is left holding the old one for the caller to
// remove. Elsewhere out is renamed aside first: for an instant it is
// missing, but never half written.
func swap(tmp, out string, exists bool) error {
	if !exists {
		if err := os.Rename(tmp, out); err != nil {
			return fmt.Errorf("install %s: %w", out, err)
		}
		return nil
	}
	if ok, err := exchangeDirs(tmp, out); ok {
		return err
	}
	trash := tmp + ".old"
	if err := os.Rename(out, trash); err != nil {
		return fmt.Errorf("replace %s: %w", out, err)
	}
	publishStep("aside")
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

// stager writes pages under dir, creating each folder once, and links
// unchanged ones from prev, the previous site.
type stager struct {
	dir, prev string
	dirs      sync.Map
	n         atomic.Int64
}

// keep hard-links the previous site's file into the stage, so that an
// unchanged page keeps its inode and time.
func (w *stager) keep(rel string) error {
	if err := w.mkdir(rel); err != nil {
		return err
	}
	src := filepath.Join(w.prev, filepath.FromSlash(rel))
	fi, err := os.Lstat(src)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", src)
	}
	dst := filepath.Join(w.dir, filepath.FromSlash(rel))
	// Most stages do not have the file: link first, and only when the
	// name is taken remove it and link again, one system call per page
	// saved.
	err = os.Link(src, dst)
	if !errors.Is(err, fs.ErrExist) {
		return err
	}
	if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.Link(src, dst)
}

// dropGone removes from the stage the pages it held that the new site
// does not have, and the folders they leave empty.
func (w *stager) dropGone(base, manifest map[string]entry) error {
	var gone []string
	for p := range base {
		if _, ok := manifest[p]; !ok {
			gone = append(gone, p)
		}
	}
	slices.Sort(gone)
	for _, p := range gone {
		path := filepath.Join(w.dir, filepath.FromSlash(p))
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", p, err)
		}
		// A folder with other files refuses, which stops the climb.
		for d := filepath.Dir(path); d != w.dir; d = filepath.Dir(d) {
			if os.Remove(d) != nil {
				break
			}
		}
	}
	return nil
}

// syncForeign makes the stage hold the files of the current site that no
// build of verbatim wrote (in neither its manifest nor the new one): linked
// from the current site, and those the stage has but the current site no
// longer has removed. It returns them, sorted, for the next state. When
// the spare is the site the current one replaced, the stage's such files
// are the ones the state (known) lists, and the stage is not read; an
// empty stage (spare nil) has none.
func (w *stager) syncForeign(ctx context.Context, old *manifest, known *siteState, found []string, spare *manifest, next map[string]entry) ([]string, error) {
	foreign := func(rel string) bool {
		_, inOld := old.entries[rel]
		_, inNew := next[rel]
		return rel != marker && !inOld && !inNew
	}
	var current []string
	has := map[string]bool{}
	for _, rel := range found {
		if foreign(rel) {
			current = append(current, rel)
			has[rel] = true
		}
	}
	for _, rel := range current {
		if err := w.keep(rel); err != nil {
			return nil, fmt.Errorf("keep %s from the previous site: %w", rel, err)
		}
	}
	if spare == nil {
		return current, nil
	}
	// The spare is the site the current one replaced when the state
	// says so: its files put by hand were read then, and are listed.
	var staged []string
	if known != nil && known.replaced == spare.sum {
		staged = known.foreign
	} else {
		err := walkFiles(ctx, w.dir, func(rel string) error {
			staged = append(staged, rel)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, rel := range staged {
		if has[rel] || !foreign(rel) {
			continue
		}
		if err := os.Remove(filepath.Join(w.dir, filepath.FromSlash(rel))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("remove %s: %w", rel, err)
		}
	}
	return current, nil
}

// changeSlack widens "changed since the manifest" by a margin against a
// clock set back by a time sync between two builds; a folder changed
// within it is read, which costs a little and is always right.
var changeSlack = time.Second

// handFiles returns, sorted, the files of the current site that its
// manifest does not list as verbatim's, the marker aside: the files put
// there by hand.
//
// Reading every folder of a site of a folder per page would cost more
// than the rest of a small rebuild. A folder whose inode has not changed
// since the manifest was written (its change time, which no program can
// set back, is older) holds what it held then: the manifest's files and
// the foreign ones the state lists (known). Only the others are read,
// and the folders the manifest does not know (made by hand) walked
// whole. Without the state, or a change time, every folder is read.
func handFiles(ctx context.Context, prev string, old *manifest, known *siteState) ([]string, error) {
	var found []string
	collect := func(prefix string) func(rel string) error {
		return func(rel string) error {
			rel = prefix + rel
			if _, ok := old.entries[rel]; !ok && rel != marker {
				found = append(found, rel)
			}
			return nil
		}
	}
	since, ok := time.Time{}, known != nil
	if ok {
		var fi fs.FileInfo
		if fi, ok = lstatOK(filepath.Join(prev, marker)); ok {
			since, ok = changeTime(fi)
		}
	}
	if !ok {
		err := walkFiles(ctx, prev, collect(""))
		slices.Sort(found)
		return found, err
	}
	since = since.Add(-changeSlack)

	// Every folder the manifest knows, with the foreign files it lists
	// there.
	listed := map[string][]string{}
	for _, paths := range [][]string{slices.Collect(maps.Keys(old.entries)), known.foreign} {
		for _, rel := range paths {
			for d := path.Dir(rel); ; d = path.Dir(d) {
				if _, seen := listed[d]; seen {
					break
				}
				listed[d] = nil
				if d == "." {
					break
				}
			}
		}
	}
	for _, rel := range known.foreign {
		listed[path.Dir(rel)] = append(listed[path.Dir(rel)], rel)
	}
	dirs := slices.Sorted(maps.Keys(listed))
	const (
		same = iota
		changed
		gone
	)
	state := make([]int, len(dirs))
	err := parallelN(ctx, len(dirs), walkWorkers, func(i int) error {
		fi, err := os.Lstat(filepath.Join(prev, filepath.FromSlash(dirs[i])))
		switch {
		case errors.Is(err, fs.ErrNotExist) || err == nil && !fi.IsDir():
			// Its parent changed too, and is read.
			state[i] = gone
		case err != nil:
			state[i] = changed
		default:
			if t, ok := changeTime(fi); !ok || !t.Before(since) {
				state[i] = changed
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, d := range dirs {
		switch state[i] {
		case same:
			found = append(found, listed[d]...)
		case changed:
			prefix := d + "/"
			if d == "." {
				prefix = ""
			}
			entries, err := os.ReadDir(filepath.Join(prev, filepath.FromSlash(d)))
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", prev, err)
			}
			for _, e := range entries {
				rel := prefix + e.Name()
				if !e.IsDir() {
					_ = collect("")(rel)
					continue
				}
				if _, known := listed[rel]; !known {
					if err := walkFiles(ctx, filepath.Join(prev, filepath.FromSlash(rel)), collect(rel+"/")); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	slices.Sort(found)
	return found, nil
}

// lstatOK is os.Lstat for callers that only need to know whether it worked.
func lstatOK(name string) (fs.FileInfo, bool) {
	fi, err := os.Lstat(name)
	return fi, err == nil
}

// walkWorkers read folders in parallel: a site is mostly folders of one
// page each, and reading them is waiting on system calls.
const walkWorkers = 8

// walkFiles calls f with the slash path under root of every file (anything
// but a folder, as filepath.WalkDir tells them) in root, one folder level
// at a time, the folders of a level read in parallel; f is called from
// one goroutine, in lexical order within each level.
func walkFiles(ctx context.Context, root string, f func(rel string) error) error {
	level := []string{""}
	for len(level) > 0 {
		type listing struct{ files, dirs []string }
		lists := make([]listing, len(level))
		err := parallelN(ctx, len(level), walkWorkers, func(i int) error {
			entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(level[i])))
			if err != nil {
				return fmt.Errorf("read %s: %w", root, err)
			}
			for _, e := range entries {
				rel := e.Name()
				if level[i] != "" {
					rel = level[i] + "/" + rel
				}
				if e.IsDir() {
					lists[i].dirs = append(lists[i].dirs, rel)
				} else {
					lists[i].files = append(lists[i].files, rel)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		level = nil
		for _, l := range lists {
			for _, rel := range l.files {
				if err := f(rel); err != nil {
					return err
				}
			}
			level = append(level, l.dirs...)
		}
	}
	return nil
}

func (w *stager) mkdir(rel string) error {
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
	return nil
}

func (w *stager) put(rel string, data []byte) error {
	if err := w.mkdir(rel); err != nil {
		return err
	}
	path := filepath.Join(w.dir, filepath.FromSlash(rel))
	// The stage may share this file with the live site (a hard link):
	// a new file, never a write into the old one. O_EXCL makes sure of
	// it, and only a name already taken costs a removal.
	err := createFile(path, data)
	if errors.Is(err, fs.ErrExist) {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("write %s: %w", rel, err)
		}
		err = createFile(path, data)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	w.n.Add(1)
	publishStep("page")
	return nil
}

// createFile writes data to a new file at path; it fails with
// fs.ErrExist when the name is taken.
func createFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func existingDir(dir string) string {
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return dir
	}
	return ""
}
