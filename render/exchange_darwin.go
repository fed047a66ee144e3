package render

import (
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders a and b in one atomic step (renamex_np with
// RENAME_SWAP). It reports false when the file system cannot, for the
// caller to fall back on two renames.
func exchange(a, b string) (bool, error) {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, unix.ENOTSUP), errors.Is(err, unix.EINVAL):
		return false, nil
	default:
		return true, fmt.Errorf("install %s: %w", b, err)
	}
}
