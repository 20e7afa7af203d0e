package shareimage

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"sync"
)

// encode writes img, in the colours pal with index giving each canvas colour's entry, as
// the PNG that image/png's Encoder (DefaultCompression) writes for the image.Paletted of
// those indices: the same chunks, the same bytes. image/png reads an image of 16 colours
// or fewer one pixel at a time through an interface, which was a third of a card's time;
// here a row is packed straight from the canvas, one index lookup per run of a colour.
// TestEncodeAsImagePNG holds the two to the same bytes.
func encode(buf *bytes.Buffer, img *image.RGBA, pal color.Palette, index func(uint32) uint8) error {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	// image/png's choice of bit depth for a palette of this size.
	depth := 8
	switch {
	case len(pal) <= 2:
		depth = 1
	case len(pal) <= 4:
		depth = 2
	case len(pal) <= 16:
		depth = 4
	}
	buf.WriteString("\x89PNG\r\n\x1a\n")
	var hdr [13]byte
	binary.BigEndian.PutUint32(hdr[0:], uint32(w))
	binary.BigEndian.PutUint32(hdr[4:], uint32(h))
	hdr[8], hdr[9] = byte(depth), 3 // paletted; compression, filter and interlace 0
	chunk(buf, "IHDR", hdr[:])
	var plte [3 * 256]byte
	var trns [256]byte
	last := -1
	for i, c := range pal {
		n := color.NRGBAModel.Convert(c).(color.NRGBA)
		plte[3*i], plte[3*i+1], plte[3*i+2], trns[i] = n.R, n.G, n.B, n.A
		if n.A != 0xff {
			last = i
		}
	}
	chunk(buf, "PLTE", plte[:3*len(pal)])
	if last != -1 {
		chunk(buf, "tRNS", trns[:last+1])
	}

	// As image/png: rows with filter type 0 (none, as for every paletted image) through
	// zlib into a 32 KiB buffer whose every flush is one IDAT chunk.
	z := zlibs.Get().(*zlibState)
	defer zlibs.Put(z)
	z.idat.buf = buf
	z.bw.Reset(&z.idat)
	z.zw.Reset(z.bw)
	row := z.row[:0]
	perByte := 8 / depth
	for y := range h {
		row = append(row[:0], 0)
		pix := img.Pix[y*img.Stride : y*img.Stride+4*w]
		lastC := binary.LittleEndian.Uint32(pix)
		idx := index(lastC)
		if depth == 4 {
			// Two pixels a byte, read 8 bytes at a time: where both are the run's colour,
			// as in most of a card, the byte is the one written last.
			pair := uint64(lastC) | uint64(lastC)<<32
			both := idx<<4 | idx
			for ; len(pix) >= 8; pix = pix[8:] {
				if binary.LittleEndian.Uint64(pix) == pair {
					row = append(row, both)
					continue
				}
				p0, p1 := binary.LittleEndian.Uint32(pix), binary.LittleEndian.Uint32(pix[4:])
				if p0 != lastC {
					lastC, idx = p0, index(p0)
				}
				hi := idx
				if p1 != lastC {
					lastC, idx = p1, index(p1)
				}
				row = append(row, hi<<4|idx)
				pair, both = uint64(lastC)|uint64(lastC)<<32, idx<<4|idx
			}
		}
		var a uint8
		c := 0
		for ; len(pix) >= 4; pix = pix[4:] {
			if p := binary.LittleEndian.Uint32(pix); p != lastC {
				lastC, idx = p, index(p)
			}
			a = a<<depth | idx
			if c++; c == perByte {
				row = append(row, a)
				a, c = 0, 0
			}
		}
		if c != 0 {
			row = append(row, a<<(depth*(perByte-c)))
		}
		if _, err := z.zw.Write(row); err != nil {
			return err
		}
	}
	z.row = row
	if err := z.zw.Close(); err != nil {
		return err
	}
	if err := z.bw.Flush(); err != nil {
		return err
	}
	chunk(buf, "IEND", nil)
	return nil
}

// chunk writes one PNG chunk: length, name, data, CRC of name and data.
func chunk(buf *bytes.Buffer, name string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	buf.Write(n[:])
	buf.WriteString(name)
	buf.Write(data)
	crc := crc32.Update(crc32.ChecksumIEEE([]byte(name)), crc32.IEEETable, data)
	binary.BigEndian.PutUint32(n[:], crc)
	buf.Write(n[:])
}

// idatWriter makes each write one IDAT chunk, as image/png's encoder does.
type idatWriter struct{ buf *bytes.Buffer }

func (i *idatWriter) Write(b []byte) (int, error) {
	chunk(i.buf, "IDAT", b)
	return len(b), nil
}

// zlibState is a card's compressor and buffers, reused from card to card: a zlib writer
// is ~1 MB to set up.
type zlibState struct {
	idat idatWriter
	bw   *bufio.Writer
	zw   *zlib.Writer
	row  []byte
}

var zlibs = sync.Pool{New: func() any {
	z := &zlibState{}
	z.bw = bufio.NewWriterSize(&z.idat, 1<<15)
	z.zw, _ = zlib.NewWriterLevel(z.bw, zlib.DefaultCompression)
	return z
}}
