package shareimage

import (
	"bytes"
	"image/png"
	"testing"
)

func TestPNG(t *testing.T) {
	a, b := PNG(), PNG()
	if !bytes.Equal(a, b) {
		t.Fatal("two cards differ")
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if r := img.Bounds(); r.Dx() != 1200 || r.Dy() != 630 {
		t.Errorf("size %v", r)
	}
	if len(a) > 100<<10 {
		t.Errorf("%d bytes: too heavy for a preview", len(a))
	}
	t.Logf("share.png: %d bytes", len(a))
}
