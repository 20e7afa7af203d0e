package shareimage

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"image"
)

// encode4 is the plain statement of what encode writes, kept as the tests' reference: p,
// whose palette has at most 16 colours, as a PNG of 4 bits a pixel with no filter, as
// image/png would, packing whole rows at once and at compressLevel. encode writes the same
// bytes straight from the canvas (TestEncodeAsEncode4).
func encode4(w *bytes.Buffer, p *image.Paletted) error {
	width, height := p.Rect.Dx(), p.Rect.Dy()
	w.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 4, 3 // 4 bits a pixel, colour type 3: indexed; then deflate, no filter, no interlace
	writeChunk(w, "IHDR", ihdr[:])
	plte := make([]byte, 0, 3*len(p.Palette))
	for _, c := range p.Palette {
		r, g, b, _ := c.RGBA() // the card is opaque
		plte = append(plte, byte(r>>8), byte(g>>8), byte(b>>8))
	}
	writeChunk(w, "PLTE", plte)

	var data bytes.Buffer
	z := compressors.Get().(*zlib.Writer)
	defer compressors.Put(z)
	z.Reset(&data)
	row := make([]byte, 1+(width+1)/2) // filter type 0, then two pixels a byte, the first high
	for y := range height {
		pix := p.Pix[y*p.Stride:][:width]
		for i := 0; i < width/2; i++ {
			row[1+i] = pix[2*i]<<4 | pix[2*i+1]&0x0f
		}
		if width%2 == 1 {
			row[len(row)-1] = pix[width-1] << 4
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
