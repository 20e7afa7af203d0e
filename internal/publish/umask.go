package publish

import (
	"os"
	"strconv"
	"strings"
)

// currentUmask is the process's umask as Linux shows it in /proc/self/status (reading it
// with the umask call means setting it, a race with any file made meanwhile); 0o777,
// "give every file its mode", where it cannot be read.
func currentUmask() int {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0o777
	}
	for line := range strings.Lines(string(status)) {
		if v, ok := strings.CutPrefix(line, "Umask:"); ok {
			if m, err := strconv.ParseInt(strings.TrimSpace(v), 8, 32); err == nil {
				return int(m)
			}
		}
	}
	return 0o777
}
