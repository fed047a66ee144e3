package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// tempPattern names the temporary file beside the target; a leading dot
// keeps it out of listings and published folders.
const tempPattern = ".tmp-*"

// WriteFile writes data to path through a temporary file in the same
// folder (so the rename stays on one file system), creating the folder if
// needed; the file is readable by all, as published files are.
func WriteFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), tempPattern)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
