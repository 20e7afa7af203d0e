package shareimage

import (
	"image"
	"image/draw"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// A glyph's mask depends only on the face's size, the rune and where the dot falls
// within a pixel: rasterised once per build and shared by every card and core (it was a
// quarter of a card's drawing). The integer part of the dot only moves the rectangle.
type glyphKey struct {
	size   float64
	r      rune
	fx, fy fixed.Int26_6 // the dot's sub-pixel part
}

type glyph struct {
	dr      image.Rectangle // for a dot at the pixel's top-left corner
	mask    *image.Alpha    // origin (0, 0), read only once stored
	advance fixed.Int26_6
	ok      bool
}

var glyphs sync.Map // glyphKey → glyph

// cachedFace is a card's own face of one size (opentype faces are not safe for
// concurrent use) whose glyphs come from the shared cache; every glyph it hands out
// marks its rectangle on the canvas as drawn on.
type cachedFace struct {
	font.Face
	size float64
	c    *canvas
}

func (f cachedFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	k := glyphKey{f.size, r, dot.X & 63, dot.Y & 63}
	v, found := glyphs.Load(k)
	if !found {
		dr, mask, mp, adv, ok := f.Face.Glyph(fixed.Point26_6{X: k.fx, Y: k.fy}, r)
		g := glyph{dr: dr, advance: adv, ok: ok}
		if !dr.Empty() {
			g.mask = image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
			draw.Draw(g.mask, g.mask.Rect, mask, mp, draw.Src)
		}
		v, _ = glyphs.LoadOrStore(k, g)
	}
	g := v.(glyph)
	dr := g.dr.Add(image.Pt(int(dot.X>>6), int(dot.Y>>6)))
	if g.mask == nil {
		return dr, nil, image.Point{}, g.advance, g.ok
	}
	f.c.mark(dr)
	return dr, g.mask, image.Point{}, g.advance, g.ok
}

// Advances and kerning, looked up for every rune measured to wrap and fit text, are
// cached the same way: the font's kerning tables are searched each time (a tenth of a card).
type pairKey struct {
	size float64
	a, b rune
}

type advance struct {
	a  fixed.Int26_6
	ok bool
}

var advances, kerns sync.Map // pairKey → advance, fixed.Int26_6

func (f cachedFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	k := pairKey{f.size, r, -1}
	v, found := advances.Load(k)
	if !found {
		a, ok := f.Face.GlyphAdvance(r)
		v, _ = advances.LoadOrStore(k, advance{a, ok})
	}
	a := v.(advance)
	return a.a, a.ok
}

func (f cachedFace) Kern(r0, r1 rune) fixed.Int26_6 {
	k := pairKey{f.size, r0, r1}
	v, found := kerns.Load(k)
	if !found {
		v, _ = kerns.LoadOrStore(k, f.Face.Kern(r0, r1))
	}
	return v.(fixed.Int26_6)
}
