//go:build unix

package tempfiles

import (
	"errors"
	"syscall"
)

// alive tells whether a process with this id runs. Signal 0 checks without
// sending anything; EPERM means it runs as another user.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
