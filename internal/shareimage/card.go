package shareimage

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math/bits"
	"sort"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// notoSansBold is Noto Sans Bold, which has every Vietnamese letter precomposed; its
// licence, the SIL Open Font License 1.1, is font/OFL.txt beside it.
//
//go:embed font/NotoSans-Bold.ttf
var notoSansBold []byte

var parsed = sync.OnceValues(func() (*opentype.Font, error) { return opentype.Parse(notoSansBold) })

// Card is what one page's share card says: the site above, the page's own title, up to
// three figures, and a line below (the period, the source).
type Card struct {
	Kicker  string // the site, above the title: "Chỉ số phục vụ người dân, doanh nghiệp – tỉnh Gia Lai"
	Title   string
	Figures []Figure
	Footer  string // "tháng 4/2024 · binhdinh.gov.vn"
}

// Figure is a figure as printed ("88,62") with what it is ("điểm chỉ số").
type Figure struct {
	Value string
	Label string
	Low   bool // drawn in the "not met" colour
}

var (
	text      = color.RGBA{0xff, 0xff, 0xff, 0xff}
	soft      = color.RGBA{0xc9, 0xdc, 0xf0, 0xff}
	highlight = color.RGBA{0xff, 0xd5, 0x4f, 0xff}
	low       = color.RGBA{0xff, 0xb0, 0xa0, 0xff}
	panel     = color.RGBA{0x12, 0x4e, 0x88, 0xff}
)

const margin = 64

// Draw makes c's PNG. The same card gives the same bytes: no time, no randomness, one
// embedded font.
func Draw(c Card) ([]byte, error) {
	f, err := parsed()
	if err != nil {
		return nil, err
	}
	img := canvases.Get().(*image.RGBA)
	defer canvases.Put(img)
	copy(img.Pix, blank().Pix)
	fill := func(r image.Rectangle, c color.Color) {
		draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
	}

	face := func(size float64) (font.Face, error) {
		return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	}
	write := func(fc font.Face, col color.Color, x, y int, s string) {
		d := font.Drawer{Dst: img, Src: image.NewUniform(col), Face: fc, Dot: fixed.P(x, y)}
		d.DrawString(s)
	}
	width := Width - 2*margin

	kicker, err := face(26)
	if err != nil {
		return nil, err
	}
	write(kicker, soft, margin, 72, fit(kicker, c.Kicker, width))

	// The title: the largest size at which it fits in three lines, down to 40 px, then cut.
	y := 92
	var lines []string
	var tf font.Face
	size := 60.0
	for ; size >= 40; size -= 4 {
		if tf, err = face(size); err != nil {
			return nil, err
		}
		if lines = wrap(tf, c.Title, width); len(lines) <= 3 {
			break
		}
	}
	if len(lines) > 3 {
		lines = lines[:3]
		lines[2] = fit(tf, lines[2]+" …", width)
	}
	lineH := int(size * 1.25)
	for _, l := range lines {
		y += lineH
		write(tf, text, margin, y, l)
	}

	// Figures in panels along the bottom.
	if n := len(c.Figures); n > 0 {
		n = min(n, 3)
		valueFace, err := face(64)
		if err != nil {
			return nil, err
		}
		labelFace, err := face(24)
		if err != nil {
			return nil, err
		}
		gap := 24
		w := (width - (n-1)*gap) / n
		top, bottom := 380, 540
		for i, fg := range c.Figures[:n] {
			x := margin + i*(w+gap)
			fill(image.Rect(x, top, x+w, bottom), panel)
			col := highlight
			if fg.Low {
				col = low
			}
			write(valueFace, col, x+24, top+84, fit(valueFace, fg.Value, w-48))
			for j, l := range wrap(labelFace, fg.Label, w-48) {
				if j == 2 {
					break
				}
				write(labelFace, soft, x+24, top+120+j*28, l)
			}
		}
	}
	foot, err := face(24)
	if err != nil {
		return nil, err
	}
	write(foot, soft, margin, Height-36, fit(foot, c.Footer, width))

	buf := bytes.NewBuffer(make([]byte, 0, 32<<10))
	// A card is flat colours and anti-aliased text (~900 colours): as a 16-colour PNG (4 bits
	// a pixel) it is 1,8× smaller than as 256 colours, and looks the same at the size it is
	// shown.
	pal, index := palette(img)
	if err := encode(buf, img, pal, index); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// A card is drawn per page: the 3 MB canvas and the encoder's compressor (png.go) are reused
// instead of allocated and cleared each time, and the canvas starts as a copy of the
// blank card (background and bands).
var (
	canvases = sync.Pool{New: func() any { return image.NewRGBA(image.Rect(0, 0, Width, Height)) }}
	blank    = sync.OnceValue(func() *image.RGBA {
		img := image.NewRGBA(image.Rect(0, 0, Width, Height))
		fill := func(r image.Rectangle, c color.Color) {
			draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
		}
		fill(img.Bounds(), background)
		fill(image.Rect(0, 0, Width, 16), band)
		fill(image.Rect(0, Height-16, Width, Height), band)
		return img
	})
)

// wrap breaks s into lines no wider than w, at spaces.
func wrap(f font.Face, s string, w int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && font.MeasureString(f, try).Ceil() > w {
			lines = append(lines, line)
			line = word
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// fit cuts s with "…" until it is no wider than w.
func fit(f font.Face, s string, w int) string {
	if font.MeasureString(f, s).Ceil() <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && font.MeasureString(f, string(r)+"…").Ceil() > w {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ") + "…"
}

// paletteSize is the number of colours of a card: the seven flat ones and the commonest
// shades of their anti-aliased edges. 16 is what PNG stores in 4 bits a pixel; the April 2024
// card went from 35,8 KB (256 colours) to 20,7 KB, its text edges a little coarser.
const paletteSize = 16

// palette is img's paletteSize most used colours (ties by value, so the same bytes every
// time) and, for each colour of img as read by pix, its entry: a rarer colour (a text edge)
// takes the nearest of them. Runs of one colour, most of a card, skip the lookups.
func palette(img *image.RGBA) (color.Palette, func(uint32) uint8) {
	// Pixels are read as one uint32 each (R in the low byte): a run is one comparison and
	// a colour one map key, which hashes much faster than a color.RGBA.
	rgba := func(p uint32) color.RGBA { return color.RGBA{uint8(p), uint8(p >> 8), uint8(p >> 16), uint8(p >> 24)} }
	count := map[uint32]int{}
	last, run := binary.LittleEndian.Uint32(img.Pix), 0
	pix := img.Pix
	// Two pixels at a time while both are the run's colour (most of a card), then one.
	for len(pix) >= 8 {
		if binary.LittleEndian.Uint64(pix) == uint64(last)|uint64(last)<<32 {
			run += 2
			pix = pix[8:]
			continue
		}
		if c := binary.LittleEndian.Uint32(pix); c != last {
			count[last] += run
			last, run = c, 0
		}
		run++
		pix = pix[4:]
	}
	for ; len(pix) >= 4; pix = pix[4:] {
		if c := binary.LittleEndian.Uint32(pix); c != last {
			count[last] += run
			last, run = c, 0
		}
		run++
	}
	count[last] += run
	// Sorted with their counts beside them: looking the counts up while sorting was a
	// tenth of a card's time.
	type counted struct {
		c uint32
		n int
	}
	byCount := make([]counted, 0, len(count))
	for c, n := range count {
		byCount = append(byCount, counted{c, n})
	}
	key := func(p uint32) uint32 { return bits.ReverseBytes32(p) } // R, G, B, A from the top
	sort.Slice(byCount, func(i, j int) bool {
		if byCount[i].n != byCount[j].n {
			return byCount[i].n > byCount[j].n
		}
		return key(byCount[i].c) < key(byCount[j].c)
	})
	cs := make([]uint32, len(byCount))
	for i, x := range byCount {
		cs[i] = x.c
	}
	pal := make(color.Palette, 0, paletteSize)
	for _, c := range cs[:min(len(cs), paletteSize)] {
		pal = append(pal, rgba(c))
	}
	index := make(map[uint32]uint8, len(cs))
	for _, c := range cs {
		index[c] = uint8(pal.Index(rgba(c)))
	}
	return pal, func(c uint32) uint8 { return index[c] }
}
