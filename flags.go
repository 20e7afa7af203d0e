package main

// Flag parsing with errors an editor can read: the standard flag package words its
// errors in English ("flag provided but not defined"); these say the same in Vietnamese,
// name the closest flag and the command's flags.

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"chiso/internal/vietnamese"
)

// flags makes the flag set of a command; errors are printed to stderr by parse.
func flags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	return fs
}

// parse is fs.Parse with the error worded for editors.
func parse(fs *flag.FlagSet, args []string) error {
	out := fs.Output()
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(out)
	if err != nil {
		fmt.Fprintln(out, flagError(fs, err))
	}
	return err
}

// parseAll parses flags written before or after the positional arguments
// (`import FILE.csv --period 2024-06` as well as `import --period 2024-06 FILE.csv`).
func parseAll(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// parseNone parses a command that takes flags only.
func parseNone(fs *flag.FlagSet, args []string) error {
	rest, err := parseAll(fs, args)
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("extra argument")
		fmt.Fprintf(fs.Output(), "chiso %s: thừa “%s” — lệnh này chỉ nhận tùy chọn dạng --tên giá-trị, ví dụ --source %s; xem: chiso help\n",
			fs.Name(), rest[0], rest[0])
	}
	return err
}

func flagError(fs *flag.FlagSet, err error) string {
	cmd := "chiso " + fs.Name() + ": "
	msg := err.Error()
	name := func(prefix string) string {
		s := strings.TrimPrefix(msg, prefix)
		if i := strings.IndexAny(s, " :"); i >= 0 {
			s = s[:i]
		}
		return strings.TrimLeft(s, "-")
	}
	switch {
	case errors.Is(err, flag.ErrHelp):
		return cmd + "các tùy chọn: " + known(fs) + "; xem hướng dẫn đầy đủ: chiso help"
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		n := name("flag provided but not defined: ")
		near := ""
		best := 3
		fs.VisitAll(func(f *flag.Flag) {
			if d := vietnamese.Distance(n, f.Name); d < best {
				best, near = d, f.Name
			}
		})
		s := cmd + "không có tùy chọn “--" + n + "”"
		if near != "" {
			s += " (có phải “--" + near + "”?)"
		}
		return s + " — các tùy chọn của lệnh " + fs.Name() + ": " + known(fs)
	case strings.HasPrefix(msg, "flag needs an argument: "):
		n := name("flag needs an argument: ")
		s := cmd + "tùy chọn --" + n + " cần một giá trị viết ngay sau nó"
		if f := fs.Lookup(n); f != nil {
			s += ": " + f.Usage
		}
		return s
	case badValue.MatchString(msg):
		m := badValue.FindStringSubmatch(msg)
		return cmd + "giá trị “" + m[1] + "” của --" + m[2] + " không hợp lệ — tùy chọn bật/tắt viết --" + m[2] + " (bật) hoặc --" + m[2] + "=false (tắt)"
	}
	return cmd + msg + " — xem: chiso help"
}

var badValue = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-(\S+?):`)

// known lists a command's flags: "--source, --out, --echarts".
func known(fs *flag.FlagSet) string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, "--"+f.Name) })
	return strings.Join(names, ", ")
}

// nearCommand is " (có phải “check”?)" when name is a slip for a command, else "".
func nearCommand(name string) string {
	best, near := 3, ""
	for _, c := range []string{"new", "import", "new-year", "check", "build", "serve", "help"} {
		if d := vietnamese.Distance(strings.TrimLeft(name, "-"), c); d < best {
			best, near = d, c
		}
	}
	if near == "" {
		return ""
	}
	return " (có phải “" + near + "”?)"
}
