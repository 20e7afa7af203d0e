package shareimage

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"
)

var april = Card{
	Kicker:  "Chỉ số phục vụ người dân, doanh nghiệp – tỉnh Bình Định",
	Title:   "Kết quả thực hiện 07 chỉ tiêu liên quan đến “Chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công trực tuyến” trên địa bàn tỉnh trong tháng 4 năm 2024",
	Figures: []Figure{{Value: "3/7", Label: "chỉ tiêu đạt mục tiêu", Low: true}, {Value: "88,62", Label: "điểm Chỉ số"}, {Value: "2/63", Label: "xếp hạng cả nước"}},
	Footer:  "Tháng 4/2024 · binhdinh.gov.vn",
}

// A card is a PNG of the OpenGraph size, the same bytes every time, and it differs with
// the page: two titles, two cards.
func TestDraw(t *testing.T) {
	a, err := Draw(april)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Errorf("size %v", b)
	}
	again, _ := Draw(april)
	if !bytes.Equal(a, again) {
		t.Error("two drawings of one card differ")
	}
	other := april
	other.Title = "Tổng hợp quý III/2025"
	b, _ := Draw(other)
	if bytes.Equal(a, b) {
		t.Error("a card with another title has the same bytes")
	}
	// Text is drawn: the title's first line holds white pixels, the same band of a card
	// without a title none.
	white := func(c Card) int {
		data, err := Draw(c)
		if err != nil {
			t.Fatal(err)
		}
		im, _ := png.Decode(bytes.NewReader(data))
		n := 0
		for y := 110; y < 170; y++ {
			for x := margin; x < Width-margin; x++ {
				if r, g, b, _ := im.At(x, y).RGBA(); r == 0xffff && g == 0xffff && b == 0xffff {
					n++
				}
			}
		}
		return n
	}
	blank := april
	blank.Title = ""
	if n := white(april); n < 1000 {
		t.Errorf("%d white pixels where the title is", n)
	}
	if n := white(blank); n != 0 {
		t.Errorf("%d white pixels without a title", n)
	}
	if out := os.Getenv("CARD_OUT"); out != "" {
		os.WriteFile(out, a, 0o644)
	}
}

// Issue 9: the April 2024 card is a 16-colour PNG of at most 24 KB (it was 35,8 KB with
// 256 colours) that still decodes to the full size, with every colour in the palette.
func TestDrawSmall(t *testing.T) {
	a, err := Draw(april)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) > 24<<10 {
		t.Errorf("card is %d bytes, want at most %d", len(a), 24<<10)
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	p, ok := img.(*image.Paletted)
	if !ok {
		t.Fatalf("decoded as %T, want a paletted image", img)
	}
	if len(p.Palette) > paletteSize {
		t.Errorf("%d colours, want at most %d", len(p.Palette), paletteSize)
	}
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Errorf("size %v", b)
	}
}

// The English card of the same article: the same layout with English words and figures
// (88.62, "Apr 2024" style), the same bytes on every drawing, other bytes than the
// Vietnamese card's, and text drawn where the title is.
func TestDrawEnglish(t *testing.T) {
	en := Card{
		Kicker:  "Index of Service to Citizens and Businesses – Binh Dinh Province",
		Title:   "Binh Dinh Province, April 2024: results of 7 indicators of service to citizens and businesses",
		Figures: []Figure{{Value: "3/7", Label: "indicators met their targets", Low: true}, {Value: "88.62", Label: "index score"}, {Value: "2/63", Label: "national rank"}},
		Footer:  "April 2024 · binhdinh.gov.vn",
	}
	a, err := Draw(en)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Draw(en)
	if !bytes.Equal(a, again) {
		t.Error("two drawings of one English card differ")
	}
	vi, _ := Draw(april)
	if bytes.Equal(a, vi) {
		t.Error("the English card has the Vietnamese card's bytes")
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Errorf("size %v", b)
	}
	// A different figure value changes the picture: figures are drawn, not decoration.
	other := en
	other.Figures = append([]Figure{}, en.Figures...)
	other.Figures[1].Value = "88.63"
	if b, _ := Draw(other); bytes.Equal(a, b) {
		t.Error("a card with another score has the same bytes")
	}
	if out := os.Getenv("CARD_OUT_EN"); out != "" {
		os.WriteFile(out, a, 0o644)
	}
}

// A card is drawn per page (549 at a province's scale): what one costs.
func BenchmarkDraw(b *testing.B) {
	for range b.N {
		if _, err := Draw(april); err != nil {
			b.Fatal(err)
		}
	}
}

// encode4 writes what image/png reads back pixel for pixel, odd widths included.
func TestEncode4(t *testing.T) {
	pal := color.Palette{}
	for i := range 16 {
		pal = append(pal, color.RGBA{uint8(16 * i), uint8(255 - 16*i), uint8(7 * i), 0xff})
	}
	for _, w := range []int{1, 2, 7, 8} {
		img := image.NewPaletted(image.Rect(0, 0, w, 5), pal)
		for i := range img.Pix {
			img.Pix[i] = uint8((i*7 + i/3) % 16)
		}
		var b bytes.Buffer
		if err := encode4(&b, img); err != nil {
			t.Fatal(err)
		}
		back, err := png.Decode(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatalf("width %d: %v", w, err)
		}
		p, ok := back.(*image.Paletted)
		if !ok || p.Bounds() != img.Bounds() || !bytes.Equal(p.Pix, img.Pix) || len(p.Palette) != 16 {
			t.Errorf("width %d: read back %T %v, other pixels", w, back, back.Bounds())
			continue
		}
		for i := range pal {
			r1, g1, b1, _ := p.Palette[i].RGBA()
			r2, g2, b2, _ := pal[i].RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 {
				t.Errorf("width %d: colour %d is %v, want %v", w, i, p.Palette[i], pal[i])
			}
		}
	}
}
