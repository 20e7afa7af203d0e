// Package vietnamese holds the Vietnamese writing conventions the site
// publishes with: number, date and count formatting, Unicode normalisation,
// slugs, search folding, collation and a small edit distance for catching
// misspelt names.
//
// Conventions and their sources:
//
//   - Numbers use a decimal comma and a thousands dot (88,62 điểm; 63,4%;
//     139.506 hồ sơ), as in Vietnamese administrative and press writing.
//     Rates show at most one decimal and scores at most two; trailing zeros
//     after the comma are dropped (95%, not 95,0%). Rounding is half away
//     from zero on the decimal value as written (44.75 → 44,8), not on its
//     binary approximation. RoundRate and RoundScore return the displayed
//     value so that "met / not met" verdicts agree with the printed figure.
//   - Counts in administrative headings are zero-padded below 10
//     ("07 chỉ tiêu").
//   - Dates are written d/m/yyyy with a leading zero only for days below 10
//     and for months 1 and 2 (05/01/2024, 20/5/2024, 23/6/2022), following
//     Nghị định 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn
//     thư, Phụ lục I.
//   - Text arrives in NFC or NFD depending on the machine that typed it;
//     every function here normalises its input to NFC first, so NFC and NFD
//     spellings of the same text give the same result.
//   - Sorting uses the Vietnamese collation of golang.org/x/text/collate
//     (a ă â b c d đ e ê … o ô ơ … u ư … y; tone marks rank after the base
//     letters as a secondary difference), not byte order, which puts "Đ"
//     and "Â" after "Z".
//   - Slugs and search keys remove tone and vowel marks after NFD and map
//     đ/Đ to d ("Cấp huyện" → cap-huyen, "Đăk Lăk" → dak-lak).
package vietnamese
