package corrections

import (
	"reflect"
	"testing"
	"time"
)

// TestParseLog: period files directly in data/periods/ are kept with their blobs; other
// files, names git quoted and sub-folders are not; an answer of another shape is refused.
func TestParseLog(t *testing.T) {
	const a, b, z = "1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222", "0000000000000000000000000000000000000000"
	out := "commit " + a + " 2024-06-03T10:30:00+07:00\n\n" +
		":000000 100644 " + z + " " + b + " A\tdata/periods/2024-04.toml\n" +
		":100644 100644 " + a + " " + b + " M\tdata/periods/2024-04.xlsx\n" +
		":100644 100644 " + a + " " + b + " M\tdata/periods/old/2024-04.toml\n" +
		":100644 100644 " + a + " " + b + " M\t\"data/periods/t\\303\\242.toml\"\n"
	got, ok := parseLog([]byte(out))
	want := []commit{{hash: a, date: time.Date(2024, 6, 3, 10, 30, 0, 0, time.FixedZone("", 7*3600)),
		files: []fileChange{{file: "data/periods/2024-04.toml", old: z, new: b}}}}
	if !ok || len(got) != 1 || got[0].hash != a || !got[0].date.Equal(want[0].date) || !reflect.DeepEqual(got[0].files, want[0].files) {
		t.Errorf("parseLog = %+v, %v; want %+v", got, ok, want)
	}
	for _, bad := range []string{
		"commit " + a + "\n",
		"commit " + a + " yesterday\n",
		":100644 100644 " + a + " " + b + " M\tdata/periods/2024-04.toml\n", // a file before any commit
		"warning: something\n",
	} {
		if _, ok := parseLog([]byte(bad)); ok {
			t.Errorf("parseLog accepted %q", bad)
		}
	}
}

// TestGitEnv: a GIT_DIR from the caller's environment cannot point the history elsewhere.
func TestGitEnv(t *testing.T) {
	got := gitEnv([]string{"HOME=/h", "GIT_DIR=/elsewhere/.git", "GIT_EXTERNAL_DIFF=x", "GIT_CEILING_DIRECTORIES=/tmp", "PATH=/bin"})
	want := []string{"HOME=/h", "GIT_CEILING_DIRECTORIES=/tmp", "PATH=/bin"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gitEnv = %q, want %q", got, want)
	}
}

// TestUniqueShorts: two commits that share seven digits get longer short hashes.
func TestUniqueShorts(t *testing.T) {
	x := &Correction{}
	cs := []*Commit{
		{Hash: "abcdef0123", Short: "abcdef0", Corrections: []*Correction{x}},
		{Hash: "abcdef0456", Short: "abcdef0"},
		{Hash: "1234567890", Short: "1234567"},
	}
	uniqueShorts(cs)
	if cs[0].Short != "abcdef01" || cs[1].Short != "abcdef04" || cs[2].Short != "1234567" || x.Short != "abcdef01" {
		t.Errorf("shorts %s %s %s, correction %s", cs[0].Short, cs[1].Short, cs[2].Short, x.Short)
	}
}
