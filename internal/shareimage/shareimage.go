// Package shareimage draws the site's share card: the picture Facebook, Zalo and X show
// beside a shared link (og:image, twitter:image). Those services do not accept SVG, so
// it is a PNG, drawn here with image/draw from rectangles only — no font, no file, no
// randomness — and therefore the same bytes on every build.
package shareimage

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
)

// Size is the card's size in pixels: the 1.91:1 that OpenGraph consumers crop to.
const (
	Width  = 1200
	Height = 630
)

// Colours of the card: the site's dark blue, a red band as on the province's portal,
// bars in white and a dashed target line in yellow.
var (
	background = color.RGBA{0x0b, 0x3d, 0x6e, 0xff}
	band       = color.RGBA{0xc6, 0x28, 0x28, 0xff}
	bar        = color.RGBA{0xff, 0xff, 0xff, 0xff}
	barLow     = color.RGBA{0x9e, 0xc5, 0xe8, 0xff}
	target     = color.RGBA{0xff, 0xd5, 0x4f, 0xff}
	axis       = color.RGBA{0x6f, 0x9c, 0xc8, 0xff}
)

// PNG draws the card: a bar chart of seven indicators against a target line.
func PNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	fill := func(r image.Rectangle, c color.Color) {
		draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
	}
	fill(img.Bounds(), background)
	fill(image.Rect(0, 0, Width, 24), band)
	fill(image.Rect(0, Height-24, Width, Height), band)

	// The chart: baseline, seven bars (percent of the plot height), a dashed target.
	left, right, top, bottom := 140, 1060, 110, 520
	fill(image.Rect(left-10, bottom, right+10, bottom+6), axis)
	values := []int{95, 76, 99, 95, 45, 98, 70}
	const targetPct = 80
	n := len(values)
	slot := (right - left) / n
	for i, v := range values {
		x0 := left + i*slot + slot/5
		x1 := left + (i+1)*slot - slot/5
		y0 := bottom - (bottom-top)*v/100
		c := bar
		if v < targetPct {
			c = barLow
		}
		fill(image.Rect(x0, y0, x1, bottom), c)
	}
	ty := bottom - (bottom-top)*targetPct/100
	for x := left - 10; x < right+10; x += 36 {
		fill(image.Rect(x, ty-3, min(x+22, right+10), ty+3), target)
	}

	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		panic(err) // writing to memory cannot fail
	}
	return buf.Bytes()
}
