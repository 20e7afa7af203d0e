package opendata

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"testing"
	"time"
)

// The JSON's bytes are those the old writer wrote, for every kind of cell.
func TestJSONAsBefore(t *testing.T) {
	m := Meta{Licence: "CC-BY-4.0", Created: "2024-05-20", Page: "https://x/", Unit: "%"}
	for _, tb := range []*Table{sampleTable(), hostileTable(), trickyTable(), benchTable()} {
		var got, want bytes.Buffer
		if err := tb.WriteJSON(&got, m); err != nil {
			t.Fatal(err)
		}
		if err := tb.refWriteJSON(&want, m); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: JSON differs", tb.Name)
		}
	}
}

// refWriteJSON is the old WriteJSON, a write a cell: the reference the new one's bytes
// are compared with.
func (t *Table) refWriteJSON(out io.Writer, m Meta) error {
	buf := bufio.NewWriterSize(out, 64<<10)
	buf.WriteString("{")
	kv := func(k string, v any) {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err) // strings and Fields always marshal
		}
		fmt.Fprintf(buf, "%q:%s,\n", k, b)
	}
	kv("name", t.Name)
	kv("title", t.Title)
	if t.Description != "" {
		kv("description", t.Description)
	}
	if m.Unit != "" {
		kv("unit", m.Unit)
	}
	if m.Page != "" {
		kv("page", m.Page)
	}
	if m.Licence != "" {
		kv("licence", m.Licence)
	}
	kv("created", m.Created)
	kv("fields", t.Fields)
	buf.WriteString(`"data":[`)
	// Rows repeat the same names and citations: escape each distinct string once.
	strs := map[string][]byte{}
	var scratch []byte
	i := 0
	t.Each(func(r []any) {
		if i > 0 {
			buf.WriteByte(',')
		}
		i++
		buf.WriteString("\n[")
		for j, v := range r {
			if j > 0 {
				buf.WriteByte(',')
			}
			switch x := v.(type) {
			case nil:
				buf.WriteString("null")
			case string:
				b, ok := strs[x]
				if !ok {
					b, _ = json.Marshal(x)
					strs[x] = b
				}
				buf.Write(b)
			case float64:
				buf.Write(strconv.AppendFloat(scratch[:0], x, 'f', -1, 64))
			case int:
				buf.Write(strconv.AppendInt(scratch[:0], int64(x), 10))
			case int64:
				buf.Write(strconv.AppendInt(scratch[:0], x, 10))
			case bool:
				buf.Write(strconv.AppendBool(scratch[:0], x))
			case time.Time:
				buf.WriteString(`"` + x.Format("2006-01-02") + `"`)
			default:
				val, err := json.Marshal(jsonValue(v))
				if err != nil {
					panic(fmt.Sprintf("opendata: %s.%s: %v", t.Name, t.Fields[j].Name, err))
				}
				buf.Write(val)
			}
		}
		buf.WriteByte(']')
	})
	buf.WriteString("\n]}\n")
	return buf.Flush()
}
