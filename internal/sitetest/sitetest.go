// Package sitetest gives tests a small valid site on disk: the broken-input corpus's
// minimal site (internal/build/testdata/minimal) with the repository's templates.
package sitetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// root is the repository, found from this file so any package's test can call Minimal.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Minimal copies the minimal site and templates/ into a new temporary folder.
func Minimal(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	CopyTree(t, filepath.Join(root(), "internal/build/testdata/minimal"), dir)
	CopyTree(t, filepath.Join(root(), "templates"), filepath.Join(dir, "templates"))
	return dir
}

// CopyTree copies the folder from into to.
func CopyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
