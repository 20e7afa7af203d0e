package shareimage

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

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
	cv := canvases.Get().(*canvas)
	defer canvases.Put(cv)
	cv.reset()
	img := cv.img
	fill := func(r image.Rectangle, c color.Color) {
		draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
		cv.mark(r)
	}

	face := func(size float64) (font.Face, error) {
		fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
		return cachedFace{fc, size, cv}, err
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
	rows := cv.rows()
	pal, index := palette(img, rows)
	if err := encode(buf, img, pal, index, rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// A card is drawn per page: the 3 MB canvas and the encoder's compressor (png.go) are reused
// instead of allocated each time. A canvas knows which pixels of each row were drawn on:
// only those are put back to the blank card's (background and bands) for the next card,
// and only those are read to count colours and pack rows; the rest of a row is its blank
// colour (of a card, 60 % or so of the pixels).
var (
	canvases = sync.Pool{New: func() any {
		c := &canvas{img: image.NewRGBA(image.Rect(0, 0, Width, Height))}
		copy(c.img.Pix, blank().Pix)
		for y := range Height {
			c.lo[y], c.hi[y] = Width, 0
		}
		return c
	}}
	blank = sync.OnceValue(func() *image.RGBA {
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

// canvas is a card being drawn: pixels [lo[y], hi[y]) of row y may differ from the blank
// card's, the others are as blank.
type canvas struct {
	img    *image.RGBA
	lo, hi [Height]int
	drawn  drawn // its runs reused from card to card
}

// mark notes r as drawn on.
func (c *canvas) mark(r image.Rectangle) {
	r = r.Intersect(c.img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		c.lo[y] = min(c.lo[y], r.Min.X)
		c.hi[y] = max(c.hi[y], r.Max.X)
	}
}

// reset makes c the blank card again.
func (c *canvas) reset() {
	b := blank()
	for y := range Height {
		if c.lo[y] < c.hi[y] {
			o := y * c.img.Stride
			copy(c.img.Pix[o+4*c.lo[y]:o+4*c.hi[y]], b.Pix[o+4*c.lo[y]:])
		}
		c.lo[y], c.hi[y] = Width, 0
	}
}

// rows is c's drawn spans for palette and encode.
func (c *canvas) rows() *drawn {
	b := blank()
	c.drawn = drawn{lo: c.lo[:], hi: c.hi[:], blank: b.Pix, stride: b.Stride, runs: c.drawn.runs, first: c.drawn.first}
	return &c.drawn
}

// drawn says which pixels of an image to read: in row y, [lo[y], hi[y]); the others are
// the colour that starts row y of blank. A nil *drawn: every pixel.
type drawn struct {
	lo, hi []int
	blank  []byte // an image whose row y starts with that row's colour
	stride int

	// Filled by palette: row y's drawn pixels are the runs runs[first[y]:first[y+1]], so
	// that encode packs them without reading the canvas again.
	runs  []colourRun
	first []int
}

type colourRun struct {
	c uint32
	n int
}

// span is row y's pixels to read, [lo, hi), lo even and hi-lo even unless hi is the
// width (so that rows pack whole bytes around it), and the colour of the others.
func (d *drawn) span(y, width int) (lo, hi int, rest uint32) {
	if d == nil {
		return 0, width, 0
	}
	lo, hi, rest = d.lo[y]&^1, d.hi[y], binary.LittleEndian.Uint32(d.blank[y*d.stride:])
	if lo >= hi {
		return 0, 0, rest
	}
	if (hi-lo)%2 == 1 && hi < width {
		hi++
	}
	return lo, hi, rest
}

// wrap breaks s into lines no wider than w, at spaces. A line's width grows by the word's
// and what joins them (kerning, the space) rather than being measured again from its
// start: the same sums as measuring the whole line, in linear time.
func wrap(f font.Face, s string, w int) []string {
	var lines []string
	line := ""
	var lineW fixed.Int26_6
	var last rune // line's
	space := font.MeasureString(f, " ")
	for _, word := range strings.Fields(s) {
		wordW := font.MeasureString(f, word)
		first, _ := utf8.DecodeRuneInString(word)
		end, _ := utf8.DecodeLastRuneInString(word)
		if line == "" {
			line, lineW, last = word, wordW, end
			continue
		}
		try := lineW + f.Kern(last, ' ') + space + f.Kern(' ', first) + wordW
		if try.Ceil() > w {
			lines = append(lines, line)
			line, lineW, last = word, wordW, end
			continue
		}
		line, lineW, last = line+" "+word, try, end
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
// takes the nearest of them. Only the drawn pixels of d are read; runs of one colour, most
// of a card, skip the lookups.
func palette(img *image.RGBA, d *drawn) (color.Palette, func(uint32) uint8) {
	// Pixels are read as one uint32 each (R in the low byte): a run is one comparison and
	// a colour one key of a table of their own (a Go map was a sixth of a card's time).
	rgba := func(p uint32) color.RGBA { return color.RGBA{uint8(p), uint8(p >> 8), uint8(p >> 16), uint8(p >> 24)} }
	count := newColours()
	width := img.Rect.Dx()
	var last uint32
	run := 0
	if d != nil {
		d.runs, d.first = d.runs[:0], append(d.first[:0], 0)
	}
	for y := range img.Rect.Dy() {
		lo, hi, rest := d.span(y, width)
		if n := width - (hi - lo); n > 0 {
			*count.at(rest) += n
		}
		if lo == hi {
			if d != nil {
				d.first = append(d.first, len(d.runs))
			}
			continue
		}
		pix := img.Pix[y*img.Stride+4*lo : y*img.Stride+4*hi]
		if run == 0 {
			last = binary.LittleEndian.Uint32(pix)
		}
		// Two pixels at a time while both are the run's colour (most of a card), then one.
		for len(pix) >= 8 {
			if binary.LittleEndian.Uint64(pix) == uint64(last)|uint64(last)<<32 {
				run += 2
				pix = pix[8:]
				continue
			}
			if c := binary.LittleEndian.Uint32(pix); c != last {
				*count.at(last) += run
				if d != nil {
					d.runs = append(d.runs, colourRun{last, run})
				}
				last, run = c, 0
			}
			run++
			pix = pix[4:]
		}
		for ; len(pix) >= 4; pix = pix[4:] {
			if c := binary.LittleEndian.Uint32(pix); c != last {
				*count.at(last) += run
				if d != nil {
					d.runs = append(d.runs, colourRun{last, run})
				}
				last, run = c, 0
			}
			run++
		}
		if d != nil { // the row's runs, for encode
			*count.at(last) += run
			d.runs = append(d.runs, colourRun{last, run})
			d.first = append(d.first, len(d.runs))
			run = 0
		}
	}
	if run > 0 {
		*count.at(last) += run
	}
	// Sorted with their counts beside them: looking the counts up while sorting was a
	// tenth of a card's time.
	type counted struct {
		c uint32
		n int
	}
	byCount := make([]counted, 0, count.len)
	count.each(func(c uint32, n *int) { byCount = append(byCount, counted{c, *n}) })
	// slices.SortFunc, not sort.Slice and its reflection: a twentieth of a card. The order
	// is total (no two colours are equal), so the palette is the same.
	key := func(p uint32) uint32 { return bits.ReverseBytes32(p) } // R, G, B, A from the top
	slices.SortFunc(byCount, func(a, b counted) int {
		if a.n != b.n {
			return cmp.Compare(b.n, a.n)
		}
		return cmp.Compare(key(a.c), key(b.c))
	})
	pal := make(color.Palette, 0, paletteSize)
	for _, x := range byCount[:min(len(byCount), paletteSize)] {
		pal = append(pal, rgba(x.c))
	}
	// The table now holds entries instead of counts.
	count.each(func(c uint32, n *int) { *n = pal.Index(rgba(c)) })
	return pal, func(c uint32) uint8 { return uint8(*count.at(c)) }
}

// colours is a hash table from a colour (uint32) to an int, open addressing: a card has
// ~900 colours, a few thousand runs.
type colours struct {
	keys []uint32
	vals []int
	used []bool
	len  int
}

func newColours() *colours {
	const n = 4096
	return &colours{keys: make([]uint32, n), vals: make([]int, n), used: make([]bool, n)}
}

// at is c's value, added as 0 if c is new.
func (t *colours) at(c uint32) *int {
	mask := uint32(len(t.keys) - 1)
	for i := (c * 0x9e3779b1) >> 7 & mask; ; i = (i + 1) & mask {
		if !t.used[i] {
			if 2*(t.len+1) > len(t.keys) {
				t.grow()
				return t.at(c)
			}
			t.used[i], t.keys[i] = true, c
			t.len++
			return &t.vals[i]
		}
		if t.keys[i] == c {
			return &t.vals[i]
		}
	}
}

func (t *colours) grow() {
	old := *t
	n := 2 * len(old.keys)
	*t = colours{keys: make([]uint32, n), vals: make([]int, n), used: make([]bool, n)}
	old.each(func(c uint32, v *int) { *t.at(c) = *v })
}

// each calls f for every colour, in no particular order.
func (t *colours) each(f func(c uint32, v *int)) {
	for i, u := range t.used {
		if u {
			f(t.keys[i], &t.vals[i])
		}
	}
}
