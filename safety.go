package main

// What keeps a command from doing harm or speaking Go: the source is read through a
// root that links cannot leave, the output folder is checked before anything is
// replaced, and a panic becomes one Vietnamese line.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"

	"chiso/internal/diag"
	"chiso/internal/load"
	"chiso/internal/publish"
)

// openSource opens --source for reading; nil (after printing why) when it cannot.
func openSource(dir string, stderr io.Writer) fs.FS {
	src, err := load.Dir(dir)
	if err != nil {
		what, todo := diag.OSReason(err)
		fmt.Fprintln(stderr, diag.Diagnostic{Pos: diag.Pos{File: dir}, Code: diag.ReadFailed, Args: []any{what, todo}})
		return nil
	}
	// Neither config.toml nor data/: the command was run in the wrong folder. One line
	// that says so, not a list of every file that is missing.
	_, errConfig := fs.Stat(src, "config.toml")
	_, errData := fs.Stat(src, "data")
	if errors.Is(errConfig, fs.ErrNotExist) && errors.Is(errData, fs.ErrNotExist) {
		shown := dir // "." says nothing: the folder's full name
		if abs, err := filepath.Abs(dir); err == nil {
			shown = abs
		}
		fmt.Fprintln(stderr, diag.Diagnostic{Pos: diag.Pos{File: shown}, Code: diag.NotASite})
		return nil
	}
	return src
}

// checkOut prints why --out must not be written to, if it must not.
func checkOut(source, out string, stderr io.Writer) bool {
	if d := publish.CheckOut(source, out); d != nil {
		fmt.Fprintln(stderr, d)
		return false
	}
	return true
}

// safely runs a command and turns a panic into one line an editor can pass on; the
// stack goes to the file named by CHISO_CRASH_LOG when a developer asks for it.
func safely(stderr io.Writer, cmd func() int) (code int) {
	defer func() {
		if r := recover(); r != nil {
			if p := os.Getenv("CHISO_CRASH_LOG"); p != "" {
				os.WriteFile(p, fmt.Appendf(nil, "%v\n%s", r, debug.Stack()), 0o644)
			}
			fmt.Fprintln(stderr, diag.Crash())
			code = 3
		}
	}()
	return cmd()
}

// echartsWhere says which ECharts file could not be read, without Go's error text.
func echartsWhere(flag string, err error) string {
	if flag == "" {
		return err.Error() // FindECharts lists the paths it tried
	}
	what, _ := diag.OSReason(err)
	return flag + ": " + what
}
