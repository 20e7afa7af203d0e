// Package scratch makes the temporary files a build keeps its bulk in while it runs (the
// search excerpts, the workbook and its long sheets): files that must not outlive the
// build, even one stopped by Ctrl-C or kill -9, which run no deferred removal: builds
// stopped often would otherwise fill the temporary folder with them.
package scratch

import "os"

// File makes a temporary file in the system's temporary folder, open for reading and
// writing. Where the system allows (Unix), its name is removed at once: the file lives
// only as long as it is open, and the kernel frees it when the build ends, however it
// ends. Elsewhere the name stays until Close. Name() is only for messages.
func File(pattern string) (*os.File, error) {
	f, err := os.CreateTemp("", pattern)
	if err != nil {
		return nil, err
	}
	if err := unlink(f); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}

// Close closes a file made by File and, where its name was kept, removes it.
func Close(f *os.File) error {
	err := f.Close()
	if keepsName {
		os.Remove(f.Name())
	}
	return err
}
