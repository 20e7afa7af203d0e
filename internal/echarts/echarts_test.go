package echarts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"
)

func TestEmbeddedFileIsThePinnedOne(t *testing.T) {
	sum := sha256.Sum256(Library)
	if got := hex.EncodeToString(sum[:]); got != SHA256 {
		t.Fatalf("embedded echarts.common.min.js has sha256 %s, want %s (copy the file again or update SHA256)", got, SHA256)
	}
	// The lock file is committed: the version pinned there is the one embedded.
	var lock struct {
		Packages map[string]struct{ Version string } `json:"packages"`
	}
	data, err := os.ReadFile("../../package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &lock); err != nil {
		t.Fatal(err)
	}
	if v := lock.Packages["node_modules/echarts"].Version; v != Version {
		t.Fatalf("package-lock.json pins echarts %s, the embedded file is %s: copy node_modules/echarts/dist/echarts.common.min.js here", v, Version)
	}
	// With node_modules installed (make test), the installed file is compared byte for byte.
	installed, err := os.ReadFile("../../node_modules/echarts/dist/echarts.common.min.js")
	if err != nil {
		t.Skip("node_modules not installed; compared by sha256 only")
	}
	if !bytes.Equal(installed, Library) {
		t.Fatal("node_modules/echarts/dist/echarts.common.min.js differs from the embedded copy")
	}
}

func TestLicenceTravelsWithTheFile(t *testing.T) {
	for _, want := range []string{"Apache License", "The Apache Software Foundation", "Baidu", "d3"} {
		if !bytes.Contains([]byte(Licence), []byte(want)) {
			t.Errorf("licence text lacks %q", want)
		}
	}
}
