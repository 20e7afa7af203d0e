package redirect

import (
	"bufio"
	"encoding/xml"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// moved are the downloads of earlier versions, as the build lists them.
var moved = []Rule{
	{From: "du-lieu/ky/", To: "du-lieu/", Suffixes: []string{".csv", ".json"}, Names: []string{"2024-04"}},
	{From: "du-lieu/bieu-do/", To: "du-lieu/bieu-do/", Suffixes: []string{".echarts.json", ".json"}, Rename: ".csv", Names: []string{"bai-2024-04-muc-tieu"}},
}

func TestMatch(t *testing.T) {
	rules := append([]Rule{{From: "tin-cu/thang-4/", To: "bai-viet/2024-04/#y"}}, moved...)
	for in, want := range map[string]string{
		"tin-cu/thang-4/":                                   "bai-viet/2024-04/#y",
		"du-lieu/ky/2024-04.csv":                            "du-lieu/",
		"du-lieu/ky/2024-04.json":                           "du-lieu/",
		"du-lieu/bieu-do/x.json":                            "du-lieu/bieu-do/x.csv",
		"du-lieu/bieu-do/bai-2024-04-muc-tieu.echarts.json": "du-lieu/bieu-do/bai-2024-04-muc-tieu.csv",
		"du-lieu/bieu-do/x.csv":                             "",
		"du-lieu/ky.csv":                                    "",
		"du-lieu/ky/a/b.csv":                                "",
		"du-lieu/ky/.csv":                                   "",
		"tin-cu/thang-4":                                    "",
	} {
		got, ok := Match(rules, in)
		if got != want || ok != (want != "") {
			t.Errorf("%s → %q %v, want %q", in, got, ok, want)
		}
	}
}

// hostile are old and new paths no valid redirects.toml holds, but which the writers must
// escape all the same: quotes, spaces, newlines, regex and config metacharacters,
// percent signs, non-ASCII, a byte that is not UTF-8.
var hostile = []Rule{
	{From: `a "b" c/`, To: `x y/#"q"`},
	{From: "line\nbreak\r/RedirectMatch 301 ^ /evil", To: "ok/\n}location / {"},
	{From: `re.*+?()[]{}|^$\/x`, To: `$1 & {R:1} \\ %41 %/`},
	{From: "đăng-ký/hồ sơ/", To: "bài-viết/2024-04/#mục-tiêu"},
	{From: "emoji-😀/'single'<x>&amp;;#c", To: "t<&>'/"},
	{From: "bad-\xff-byte/", To: "ok/"},
	{From: "du-lieu/(ky)/", To: "du-lieu/a b/", Suffixes: []string{".c$v", ".j son"}, Rename: ".c\"sv", Names: []string{"2024 04", "n\"q"}},
}

const hbase = "/chi so/\"x\"/"

// requests are the decoded paths (under the site root) each rule must take, and a few
// it must not.
func requests(r Rule) (take, leave []string) {
	if r.Suffixes == nil {
		return []string{r.From}, []string{r.From + "x", "x" + r.From, strings.ToUpper(r.From) + "Z"}
	}
	for _, s := range r.Suffixes {
		take = append(take, r.From+"name"+s, r.From+"n.m"+s)
	}
	return take, []string{r.From + r.Suffixes[len(r.Suffixes)-1], r.From + "a/b" + r.Suffixes[0], r.From + "name.txt", "x" + r.From + "n" + r.Suffixes[0]}
}

// TestHostileRedirects: in every format, each rule is one line (nothing a path holds
// starts another), its pattern — read back as the server reads the file — takes the old
// path and no other, and its target decodes to the new one.
func TestHostileRedirects(t *testing.T) {
	rules := append(append([]Rule{}, hostile...), moved...)
	files := map[string]string{}
	for _, f := range Files(hbase, rules, []string{"apache", "iis", "netlify", "nginx"}) {
		files[f.Name] = string(f.Data)
	}

	check := func(format string, i int, re *regexp.Regexp, to string, prefix string, sub func(string, string) string) {
		t.Helper()
		r := rules[i]
		take, leave := requests(r)
		for _, p := range take {
			m := re.FindStringSubmatch(prefix + p)
			if m == nil {
				t.Errorf("%s rule %d: %q does not take %q", format, i, re, prefix+p)
				continue
			}
			want, _ := Match([]Rule{r}, p)
			got := to
			if len(m) > 1 {
				got = sub(to, m[1])
			}
			if dec := decode(t, got); dec != hbase+want {
				t.Errorf("%s rule %d: %q goes to %q, want %q", format, i, p, dec, hbase+want)
			}
		}
		for _, p := range leave {
			if re.MatchString(prefix + p) {
				t.Errorf("%s rule %d: %q takes %q", format, i, re, prefix+p)
			}
		}
	}

	// Apache and nginx: one directive a line, arguments as their parsers split them.
	for _, format := range []string{Apache, Nginx} {
		var got [][]string
		sc := bufio.NewScanner(strings.NewReader(files[format]))
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "<") {
				continue
			}
			got = append(got, confArgs(t, line, format == Nginx))
		}
		if len(got) != len(rules) {
			t.Fatalf("%s: %d directives for %d rules:\n%s", format, len(got), len(rules), files[format])
		}
		for i, args := range got {
			var reText, to string
			if format == Apache {
				if len(args) != 4 || args[0] != "RedirectMatch" || args[1] != "301" {
					t.Fatalf("%s: %q", format, args)
				}
				reText, to = args[2], args[3]
			} else {
				if len(args) != 9 || args[0] != "location" || args[1] != "~" || args[3] != "{" || args[4] != "return" || args[5] != "301" || args[7] != ";" || args[8] != "}" {
					t.Fatalf("%s: %q", format, args)
				}
				reText, to = args[2], args[6]
			}
			if strings.Contains(to, "$") && (len(strings.Split(to, "$")) != 2 || !strings.Contains(to, "$1")) {
				t.Errorf("%s: target %q has a $ that is not the capture", format, to)
			}
			check(format, i, pcreRE(t, reText), to, hbase, func(to, name string) string { return strings.Replace(to, "$1", name, 1) })
		}
	}

	// IIS: the XML read back; the pattern is relative to the site root.
	var cfg struct {
		Rules []struct {
			Match struct {
				URL string `xml:"url,attr"`
			} `xml:"match"`
			Action struct {
				URL string `xml:"url,attr"`
			} `xml:"action"`
		} `xml:"system.webServer>rewrite>rules>rule"`
	}
	if err := xml.Unmarshal([]byte(files[IIS]), &cfg); err != nil {
		t.Fatalf("web.config: %v\n%s", err, files[IIS])
	}
	if len(cfg.Rules) != len(rules) {
		t.Fatalf("web.config: %d rules for %d", len(cfg.Rules), len(rules))
	}
	for i, r := range cfg.Rules {
		// ECMAScript's \uHHHH (surrogate pairs joined) as RE2's \x{HHHH}.
		text := regexp.MustCompile(`\\uD([89AB][0-9A-F]{2})\\uD([C-F][0-9A-F]{2})`).ReplaceAllStringFunc(r.Match.URL, func(s string) string {
			hi, _ := strconv.ParseUint(s[2:6], 16, 32)
			lo, _ := strconv.ParseUint(s[8:12], 16, 32)
			return `\x{` + strconv.FormatUint(0x10000+(hi-0xD800)<<10+(lo-0xDC00), 16) + `}`
		})
		text = regexp.MustCompile(`\\u([0-9A-F]{4})`).ReplaceAllString(text, `\x{$1}`)
		re, err := regexp.Compile(text)
		if err != nil {
			t.Fatalf("web.config rule %d: %v", i, err)
		}
		// IIS decodes the path to characters: a byte that is not UTF-8 is U+FFFD.
		check(IIS, i, re, r.Action.URL, "", func(to, name string) string { return strings.Replace(to, "{R:1}", name, 1) })
	}

	// _redirects: three fields a line, the paths percent-encoded; a family name by name.
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(files[Netlify], "\n"), "\n") {
		if !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	want := 0
	for _, r := range rules {
		if r.Suffixes == nil {
			want++
		} else {
			want += len(r.Names) * len(r.Suffixes)
		}
	}
	if len(lines) != want {
		t.Fatalf("_redirects: %d lines, want %d:\n%s", len(lines), want, files[Netlify])
	}
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) != 3 || f[2] != "301!" || strings.ContainsAny(f[0], ":*") {
			t.Fatalf("_redirects: %q", l)
		}
		from, ok := strings.CutPrefix(decode(t, f[0]), hbase)
		to, _ := Match(rules, from)
		if !ok || decode(t, f[1]) != hbase+to {
			t.Errorf("_redirects: %q: %q → %q, the rules say %q", l, from, decode(t, f[1]), to)
		}
	}
}

// decode is a target as the browser follows it: the path and fragment unescaped.
func decode(t *testing.T, s string) string {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.ContainsAny(s, " \"'<>\\\n") {
		t.Fatalf("target %q: %v", s, err)
	}
	if u.Fragment != "" || strings.Contains(s, "#") {
		return u.Path + "#" + u.Fragment
	}
	return u.Path
}

// confArgs splits a line as Apache's and nginx's parsers do: double-quoted arguments
// with \" and \\ (nginx also \n, \t, \r) read as one character.
func confArgs(t *testing.T, line string, nginx bool) []string {
	t.Helper()
	var args []string
	for i := 0; i < len(line); {
		switch {
		case line[i] == ' ':
			i++
		case line[i] == '"':
			var b strings.Builder
			i++
			for ; i < len(line) && line[i] != '"'; i++ {
				if line[i] == '\\' && i+1 < len(line) && (line[i+1] == '"' || line[i+1] == '\\' || nginx && strings.IndexByte("'ntr", line[i+1]) >= 0) {
					t.Fatalf("a path's escape left in %q", line)
				}
				b.WriteByte(line[i])
			}
			if i == len(line) {
				t.Fatalf("unterminated quote in %q", line)
			}
			i++
			args = append(args, b.String())
		default:
			j := strings.IndexByte(line[i:], ' ')
			if j < 0 {
				j = len(line) - i
			}
			args = append(args, line[i:i+j])
			i += j
		}
	}
	return args
}

// pcreRE reads a PCRE pattern of ours with RE2, on bytes: \xHH is a byte there, as in
// PCRE without UTF mode.
func pcreRE(t *testing.T, s string) *regexp.Regexp {
	t.Helper()
	s = regexp.MustCompile(`\\x([0-9A-F]{2})`).ReplaceAllStringFunc(s, func(m string) string {
		if m[2] >= '8' { // a byte that is not UTF-8: RE2 reads \xFF as U+00FF
			return `\x{FFFD}`
		}
		return m
	})
	re, err := regexp.Compile(s)
	if err != nil {
		t.Fatalf("pattern %q: %v", s, err)
	}
	return re
}
