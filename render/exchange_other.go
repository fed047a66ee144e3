//go:build !linux && !darwin

package render

// exchange cannot swap two folders in one step on this system: the caller
// falls back on two renames.
func exchange(a, b string) (bool, error) { return false, nil }
