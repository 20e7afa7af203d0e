package model

import "chiso/internal/diag"

// Redirect keeps an old address working: the page that lived at From now lives at To.
// Both are paths under the site root ("tin-cu/thang-4/", "bai-viet/2024-04/"), read from
// data/redirects.toml.
type Redirect struct {
	From, To string
	Pos      diag.Pos // where from is written
	ToPos    diag.Pos // where to is written
}
