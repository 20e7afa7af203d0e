package corrections

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"strings"
	"time"

	"chiso/internal/load"
)

// periodsDir is the only part of the history read: the period files, as the loader sees them.
const periodsDir = "data/periods"

// gitTimeout bounds the whole conversation with git: a build never hangs on a history.
const gitTimeout = 60 * time.Second

// fileChange is one period file changed by one commit, with its blobs before and after.
type fileChange struct {
	file     string // "data/periods/2024-04.toml", relative to the source
	old, new string // blob ids; old is all zeros when the commit adds the file
}

// commit is one commit that touched the period files.
type commit struct {
	hash  string
	date  time.Time // committer date, with the committer's offset
	files []fileChange
}

// history asks git, in dir, for every commit that changed a period file, oldest first,
// and reads the blobs they name. Any trouble (no git, not a work tree, a shallow clone,
// an unexpected answer) gives no history: the log is then empty, never a failed build.
func history(dir string) ([]commit, map[string][]byte) {
	ctx, cancel := context.WithTimeout(context.Background(), gitTimeout)
	defer cancel()
	out, err := git(ctx, dir, nil, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository")
	if err != nil || string(out) != "true\nfalse\n" {
		return nil, nil
	}
	// --relative keeps paths relative to dir when the source is a sub-folder of the work
	// tree; --no-renames shows a renamed file as removed and added (a new publication).
	out, err = git(ctx, dir, nil, "log", "--reverse", "--raw", "--no-abbrev", "--no-renames",
		"--no-ext-diff", "--no-textconv", "--relative", "--format=commit %H %cI", "--", periodsDir)
	if err != nil {
		return nil, nil
	}
	commits, ok := parseLog(out)
	if !ok {
		return nil, nil
	}
	var want []string
	seen := map[string]bool{}
	for _, c := range commits {
		for _, f := range c.files {
			for _, id := range []string{f.new} {
				if !zero(id) && !seen[id] {
					seen[id] = true
					want = append(want, id)
				}
			}
		}
	}
	if len(want) == 0 {
		return commits, nil
	}
	blobs, ok := catBlobs(ctx, dir, want)
	if !ok {
		return nil, nil
	}
	return commits, blobs
}

// git runs git with fixed arguments in dir, without a shell, a pager or a prompt.
func git(ctx context.Context, dir string, stdin io.Reader, args ...string) ([]byte, error) {
	full := append([]string{"--no-pager", "-c", "core.quotePath=false", "-c", "log.showSignature=false"}, args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	cmd.Env = append(gitEnv(os.Environ()), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Run(); err != nil {
		return nil, err
	}
	return stdout.Bytes(), nil
}

// gitEnv drops the GIT_ variables a caller may have set (GIT_DIR in a hook, an external
// diff, a pager): the history read is the one of dir, read plainly. Only
// GIT_CEILING_DIRECTORIES, which can only narrow the search for a repository, is kept.
func gitEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		if strings.HasPrefix(kv, "GIT_") && !strings.HasPrefix(kv, "GIT_CEILING_DIRECTORIES=") {
			continue
		}
		out = append(out, kv)
	}
	return out
}

// parseLog reads `git log --raw --format="commit %H %cI"`. Only files directly in
// data/periods/ ending in .toml count, as for the loader; a name git had to quote (odd
// characters) cannot be a period file and is skipped.
func parseLog(out []byte) ([]commit, bool) {
	var commits []commit
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
		case strings.HasPrefix(line, "commit "):
			f := strings.Fields(line)
			if len(f) != 3 {
				return nil, false
			}
			t, err := time.Parse(time.RFC3339, f[2])
			if err != nil {
				return nil, false
			}
			commits = append(commits, commit{hash: f[1], date: t})
		case strings.HasPrefix(line, ":"):
			// :100644 100644 OLD NEW M<TAB>path
			meta, name, ok := strings.Cut(line, "\t")
			f := strings.Fields(meta)
			if !ok || len(f) != 5 || len(commits) == 0 {
				return nil, false
			}
			if path.Dir(name) != periodsDir || path.Ext(name) != ".toml" || strings.HasPrefix(name, "\"") {
				continue
			}
			c := &commits[len(commits)-1]
			c.files = append(c.files, fileChange{file: name, old: f[2], new: f[3]})
		default:
			return nil, false
		}
	}
	return commits, sc.Err() == nil
}

func zero(id string) bool { return strings.Trim(id, "0") == "" }

// catBlobs reads the blobs through one `git cat-file --batch`. A blob larger than the
// loader accepts is left out: that version cannot be compared.
func catBlobs(ctx context.Context, dir string, ids []string) (map[string][]byte, bool) {
	in := strings.Join(ids, "\n") + "\n"
	out, err := git(ctx, dir, strings.NewReader(in), "cat-file", "--batch")
	if err != nil {
		return nil, false
	}
	blobs := map[string][]byte{}
	for _, id := range ids {
		nl := bytes.IndexByte(out, '\n')
		if nl < 0 {
			return nil, false
		}
		var gotID, kind string
		var size int
		if n, err := fmt.Sscanf(string(out[:nl]), "%s %s %d", &gotID, &kind, &size); n != 3 || err != nil || gotID != id || kind != "blob" {
			return nil, false
		}
		out = out[nl+1:]
		if size+1 > len(out) || size < 0 {
			return nil, false
		}
		if size <= load.MaxFileSize {
			blobs[id] = out[:size:size]
		}
		out = out[size+1:] // the content and its newline
	}
	return blobs, true
}

// shortHash is the first seven hex digits, as git prints them.
func shortHash(h string) string {
	if len(h) > 7 {
		return h[:7]
	}
	return h
}
