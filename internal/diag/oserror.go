package diag

import (
	"errors"
	"strings"
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
