package render

import (
	"io/fs"
	"syscall"
	"time"
)

// changeTime returns the time fi's inode last changed (st_ctime): unlike
// the modification time, no program can set it back, and renaming a
// folder into place moves it forward. ok is false where it is unknown.
func changeTime(fi fs.FileInfo) (t time.Time, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return time.Time{}, false
	}
	// int64: the fields are int32 on 32-bit systems.
	return time.Unix(int64(st.Ctim.Sec), int64(st.Ctim.Nsec)), true
}
