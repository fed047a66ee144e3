//go:build !unix

package tempfiles

import "os"

// alive tells whether a process with this id runs: on Windows, FindProcess
// opens the process and fails when there is none.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
