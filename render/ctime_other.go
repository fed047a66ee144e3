//go:build !linux && !darwin

package render

import (
	"io/fs"
	"time"
)

// changeTime is unknown on this system: rebuilds read every folder of the
// site for files put there by hand.
func changeTime(fs.FileInfo) (time.Time, bool) { return time.Time{}, false }
