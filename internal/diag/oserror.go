package diag

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// ErrNotRegular is returned when a source path is a folder, a pipe or a device where a
// file is expected: reading a pipe would wait forever.
var ErrNotRegular = errors.New("not a regular file")

// OSReason says in Vietnamese why the system refused, and what to do, without the Go
// error text ("no space left on device", "is a directory") an editor cannot act on.
func OSReason(err error) (what, todo string) {
	if errors.Is(err, ErrNotRegular) {
		return osReasonNotRegular, osReasonNotRegTodo
	}
	// os.Root refuses a link that leaves it with this error, not with an Errno.
	if err != nil && strings.Contains(err.Error(), "path escapes from parent") {
		return osReasonEscapes, osReasonEscapesTodo
	}
	for _, r := range osReasons {
		if errors.Is(err, r.err) {
			return r.what, r.todo
		}
	}
	return osReasonUnknown, osReasonUnknownTodo
}

// InvalidUTF8 is the position of the first byte of src that is not UTF-8: where the
// editor sees the first garbled letter.
func InvalidUTF8(name string, src []byte) Pos {
	line, start := 1, 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return Pos{File: name, Line: line, Col: utf8.RuneCount(src[start:i]) + 1}
		}
		if r == '\n' {
			line, start = line+1, i+1
		}
		i += size
	}
	return Pos{File: name}
}
