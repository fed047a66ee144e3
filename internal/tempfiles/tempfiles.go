// Package tempfiles names verbatim's temporary files and folders after the
// process that makes them, so that a later run can tell the ones left by a
// process that died (killed, power cut) from the ones still in use, and
// remove them.
//
// A name is prefix + pid + "-" + random + suffix, as os.CreateTemp and
// os.MkdirTemp make it from Pattern(prefix, suffix).
package tempfiles

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// StaleAfter is how old a temporary must be before a later run removes it.
// A live process may be slow, not dead; an hour is far longer than any
// build or extraction holds a temporary without touching it, and the
// process check below comes on top of it.
const StaleAfter = time.Hour

// Pattern is the os.CreateTemp / os.MkdirTemp pattern for a temporary of
// this process: prefix, the process id, a random part, suffix.
func Pattern(prefix, suffix string) string {
	return prefix + strconv.Itoa(os.Getpid()) + "-*" + suffix
}

// Clean removes, in dir, the files and folders named prefix…suffix that are
// older than maxAge and not held by a live process: their name carries the
// id of a process that is gone, or no id at all (names from before the
// ids). It never follows symbolic links and skips what it cannot remove;
// it returns the paths it removed.
func Clean(dir, prefix, suffix string, maxAge time.Duration) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var removed []string
	now := time.Now()
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, suffix) || len(name) < len(prefix)+len(suffix) {
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			continue // not ours: we never make links
		}
		info, err := e.Info()
		if err != nil || now.Sub(info.ModTime()) < maxAge {
			continue
		}
		if pid, ok := ownerPID(name[len(prefix) : len(name)-len(suffix)]); ok && (pid == os.Getpid() || alive(pid)) {
			continue
		}
		p := filepath.Join(dir, name)
		if err := os.RemoveAll(p); err == nil {
			removed = append(removed, p)
		}
	}
	return removed, nil
}

// ownerPID reads the process id at the start of the middle of a name,
// "1234-567890" for one made by Pattern.
func ownerPID(middle string) (int, bool) {
	digits, _, found := strings.Cut(middle, "-")
	if !found {
		return 0, false
	}
	pid, err := strconv.Atoi(digits)
	return pid, err == nil && pid > 0
}
