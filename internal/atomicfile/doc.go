// Package atomicfile writes a file so that a reader, or a kill at any
// moment, sees either the old content or the new one, never half of it: the
// data goes to a temporary file beside the target, which is then renamed
// over it.
package atomicfile
