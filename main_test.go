package main

import (
	"io"
	"os"
	"strings"
	"testing"

	"chiso/internal/cardcache"
)

// TestMain keeps the builds of these tests out of the user's own cache folder: the share
// cards go to a temporary folder, removed at the end.
func TestMain(m *testing.M) {
	if args := os.Getenv(runEnv); args != "" { // a build that TestKilledBuild kills
		os.Exit(run(strings.Split(args, "\n"), io.Discard, io.Discard))
	}
	dir, err := os.MkdirTemp("", "chiso-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv(cardcache.Env, dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
