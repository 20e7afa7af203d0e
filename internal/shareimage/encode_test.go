package shareimage

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"testing"
)

// encode writes the bytes encode4 writes for the same paletted image: for a card (16
// colours) and for small images of 2, 4 and 9 colours, of an odd and an even width.
func TestEncodeAsEncode4(t *testing.T) {
	imgs := map[string]*image.RGBA{}
	card := image.NewRGBA(image.Rect(0, 0, Width, Height))
	copy(card.Pix, blank().Pix)
	draw.Draw(card, image.Rect(100, 100, 300, 200), &image.Uniform{highlight}, image.Point{}, draw.Src)
	for i := range 40 {
		draw.Draw(card, image.Rect(400+i*3, 300, 401+i*3, 320+i), &image.Uniform{color.RGBA{uint8(i * 6), 0x40, 0x80, 0xff}}, image.Point{}, draw.Src)
	}
	imgs["card"] = card
	for _, n := range []int{2, 4, 9} {
		for _, w := range []int{13, 14} {
			img := image.NewRGBA(image.Rect(0, 0, w, 5))
			for y := range 5 {
				for x := range w {
					k := uint8((x*7 + y*3) % n)
					img.SetRGBA(x, y, color.RGBA{k * 20, 0xff - k*10, k, 0xff})
				}
			}
			imgs[string(rune('0'+n))+"×"+string(rune('a'+w-13))] = img
		}
	}
	for name, img := range imgs {
		pal, index := palette(img, nil)
		var got bytes.Buffer
		if err := encode(&got, img, pal, index, nil); err != nil {
			t.Fatal(err)
		}
		p := image.NewPaletted(img.Rect, pal)
		for i := range p.Pix {
			p.Pix[i] = index(binary.LittleEndian.Uint32(img.Pix[4*i:]))
		}
		var want bytes.Buffer
		if err := encode4(&want, p); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: %d bytes, encode4 %d, not the same", name, got.Len(), want.Len())
		}
	}
}
