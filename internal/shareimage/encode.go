package shareimage

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"image"
	"image/color"
)

// encode writes img, in the colours pal (16 at most) with index giving each canvas
// colour's entry, as the PNG encode4 writes for the image.Paletted of those indices: the
// same bytes (TestEncodeAsEncode4), without that image. Rows are packed straight from
// the canvas, two pixels a byte, 8 bytes compared at once where both are the colour of
// the run, as most of a card is: one index lookup per run of a colour. Of d's rows, only
// the drawn pixels are read: the others are the blank colour's byte.
func encode(w *bytes.Buffer, img *image.RGBA, pal color.Palette, index func(uint32) uint8, d *drawn) error {
	width, height := img.Rect.Dx(), img.Rect.Dy()
	w.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 4, 3 // as encode4
	writeChunk(w, "IHDR", ihdr[:])
	plte := make([]byte, 0, 3*len(pal))
	for _, c := range pal {
		r, g, b, _ := c.RGBA() // the card is opaque
		plte = append(plte, byte(r>>8), byte(g>>8), byte(b>>8))
	}
	writeChunk(w, "PLTE", plte)

	var data bytes.Buffer
	z := compressors.Get().(*zlib.Writer)
	defer compressors.Put(z)
	z.Reset(&data)
	row := make([]byte, 1+(width+1)/2)
	restC, restB := uint32(0), byte(0)
	for y := range height {
		lo, hi, rest := d.span(y, width)
		if lo > 0 || hi < width {
			if rest != restC || y == 0 {
				restC, restB = rest, index(rest)*0x11
			}
			// The undrawn pixels, lo and hi even or the width: whole bytes.
			for i := 1 + lo/2; i > 1; i-- {
				row[i-1] = restB
			}
			for i := 1 + hi/2; i < len(row); i++ {
				row[i] = restB
			}
		}
		row[0] = 0 // filter type 0
		switch {
		case lo == hi:
		case d != nil && d.first != nil:
			packRuns(row[1+lo/2:], d.runs[d.first[y]:d.first[y+1]], index)
		default:
			pack(row[1+lo/2:], img.Pix[y*img.Stride+4*lo:][:4*(hi-lo)], index)
		}
		if _, err := z.Write(row); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	writeChunk(w, "IDAT", data.Bytes())
	writeChunk(w, "IEND", nil)
	return nil
}

// pack writes pix's pixels as indices into row, two a byte (an odd last one in the high
// half).
func pack(row []byte, pix []byte, index func(uint32) uint8) {
	row = row[:0]
	last := binary.LittleEndian.Uint32(pix)
	idx := index(last)
	pair, both := uint64(last)|uint64(last)<<32, idx<<4|idx
	for ; len(pix) >= 8; pix = pix[8:] {
		if binary.LittleEndian.Uint64(pix) == pair {
			row = append(row, both)
			continue
		}
		p0, p1 := binary.LittleEndian.Uint32(pix), binary.LittleEndian.Uint32(pix[4:])
		if p0 != last {
			last, idx = p0, index(p0)
		}
		hi := idx
		if p1 != last {
			last, idx = p1, index(p1)
		}
		row = append(row, hi<<4|idx&0x0f)
		pair, both = uint64(last)|uint64(last)<<32, idx<<4|idx
	}
	if len(pix) >= 4 { // an odd width: the last pixel in the high half
		if p := binary.LittleEndian.Uint32(pix); p != last {
			idx = index(p)
		}
		row = append(row, idx<<4)
	}
}

// packRuns writes runs of pixels as indices into row, two a byte (an odd last one in the
// high half): a run of one colour is whole bytes but for its ends.
func packRuns(row []byte, runs []colourRun, index func(uint32) uint8) {
	x := 0 // in pixels
	lastC, b := runs[0].c, index(runs[0].c)
	for _, r := range runs {
		if r.c != lastC {
			lastC, b = r.c, index(r.c)
		}
		n := r.n
		if x&1 == 1 {
			row[x/2] |= b
			x++
			n--
		}
		bb := b * 0x11
		full := row[x/2 : x/2+n/2]
		for i := range full {
			full[i] = bb
		}
		x += n &^ 1
		if n&1 == 1 {
			row[x/2] = b << 4
			x++
		}
	}
}
