package pipeline

import "chiso/internal/write"

// upperFirst capitalises a name that starts a heading, a chart label or a card title.
func upperFirst(s string) string { return write.UpperFirst(s) }
