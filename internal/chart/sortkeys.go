package chart

import (
	"bytes"
	"slices"
)

// sortKeys appends src, compact JSON as encoding/json writes it, to dst with the members of
// every object in the order of their keys' bytes, as encoding/json writes a map. It copies
// every value as written: strings keep their escapes, numbers their text. Keys are compared
// as written, which is their order as strings since ours are plain ASCII names (struct tags
// and map keys of this package, never escaped).
//
// It is one pass over bytes and no decoding: decoding the option to maps and encoding it
// again took a third of Render.
func sortKeys(dst, src []byte) []byte {
	s := sorter{src: src, out: dst}
	s.value()
	return s.out
}

type sorter struct {
	src     []byte
	i       int // next byte of src
	out     []byte
	members []member // of the objects being written, innermost last
	scratch []byte
}

// member is an object's "key":value in out: key from start+1 to keyEnd, the whole up to end.
type member struct{ start, keyEnd, end int }

func (s *sorter) value() {
	switch s.src[s.i] {
	case '{':
		s.object()
	case '[':
		s.out = append(s.out, '[')
		s.i++
		for s.src[s.i] != ']' {
			if s.src[s.i] == ',' {
				s.out = append(s.out, ',')
				s.i++
			}
			s.value()
		}
		s.out = append(s.out, ']')
		s.i++
	case '"':
		s.str()
	default: // a number, true, false or null
		j := s.i
		for j < len(s.src) && s.src[j] != ',' && s.src[j] != ']' && s.src[j] != '}' {
			j++
		}
		s.out = append(s.out, s.src[s.i:j]...)
		s.i = j
	}
}

// str copies a string, its escapes included.
func (s *sorter) str() {
	j := s.i + 1
	for {
		k := bytes.IndexAny(s.src[j:], `"\`)
		j += k
		if s.src[j] == '"' {
			break
		}
		j += 2 // a backslash and the byte it escapes (the rest of \uXXXX is plain)
	}
	s.out = append(s.out, s.src[s.i:j+1]...)
	s.i = j + 1
}

func (s *sorter) object() {
	start := len(s.out)
	base := len(s.members)
	s.out = append(s.out, '{')
	s.i++
	for s.src[s.i] != '}' {
		if s.src[s.i] == ',' {
			s.out = append(s.out, ',')
			s.i++
		}
		m := member{start: len(s.out)}
		s.str()
		m.keyEnd = len(s.out) - 1
		s.out = append(s.out, ':')
		s.i++
		s.value()
		m.end = len(s.out)
		s.members = append(s.members, m)
	}
	s.out = append(s.out, '}')
	s.i++

	ms := s.members[base:]
	key := func(b []byte, m member, off int) []byte { return b[m.start+1-off : m.keyEnd-off] }
	sorted := slices.IsSortedFunc(ms, func(a, b member) int { return bytes.Compare(key(s.out, a, 0), key(s.out, b, 0)) })
	if !sorted {
		// Written again in place from a copy: the object keeps its length.
		s.scratch = append(s.scratch[:0], s.out[start:]...)
		slices.SortFunc(ms, func(a, b member) int {
			return bytes.Compare(key(s.scratch, a, start), key(s.scratch, b, start))
		})
		w := start + 1
		for k, m := range ms {
			if k > 0 {
				s.out[w] = ','
				w++
			}
			w += copy(s.out[w:], s.scratch[m.start-start:m.end-start])
		}
	}
	s.members = s.members[:base]
}
