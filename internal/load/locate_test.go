package load

import "testing"

// TestLocate places keys where an editor wrote them, including inside the third of
// several [[result]] rows — the case BurntSushi/toml reports at the last row.
func TestLocate(t *testing.T) {
	src := `# chú thích [[result]] không phải bảng
period = "2024-04"   # "trong chú thích"
title = "có [ngoặc] và { ngoặc nhọn } trong chuỗi"
"khóa có dấu" = 1

[[indicator]]
key = "a"
  [[indicator.target]]
  value = 50
  [[indicator.target]]
  value = 60

[[indicator]]
key = "b"
  [[indicator.target]]
  value = 70

[[result]]
whole = 95

[[result]]
whole = 96

[[result]]
whole = "97%"
levels = { tinh = 95, "huyen" = 97, xa = 93 }
units = [
  { unit = "u1", numerator = 1, denominator = 2 },
  { unit = "u2", numerator = 3, denominator = 4 },
]
note = """nhiều dòng
whole = 0
"""
after = 1
`
	pos := locate(src)
	for path, want := range map[string][2]int{
		"period":                         {2, 1},
		"title":                          {3, 1},
		"khóa có dấu":                    {4, 1},
		"indicator[0].key":               {7, 1},
		"indicator[0].target[1].value":   {11, 3},
		"indicator[1].target[0].value":   {16, 3},
		"result[2]":                      {24, 1},
		"result[2].whole":                {25, 1},
		"result[2].levels.huyen":         {26, 23},
		"result[2].levels.xa":            {26, 37},
		"result[2].units[1].denominator": {29, 33},
		"result[2].after":                {34, 1},
	} {
		if got, ok := pos[path]; !ok || got != want {
			t.Errorf("%s at %v (found %v), want line %d col %d", path, got, ok, want[0], want[1])
		}
	}
	for _, never := range []string{"result", "result[3]", "result[2].note.whole", "result[2].whole = 0"} {
		if p, ok := pos[never]; ok {
			t.Errorf("%s located at %v, but it is not a key", never, p)
		}
	}
}
