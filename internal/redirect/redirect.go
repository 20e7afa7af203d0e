// Package redirect writes the server rules that send old addresses on: the pages moved
// by data/redirects.toml and the downloads of earlier versions (per-period, per-indicator
// and per-unit copies, charts' JSON), which a static site cannot redirect itself. One rule
// list, four formats, each file ready to drop in: .htaccess (Apache), web.config (IIS),
// _redirects (Netlify and the like) and nginx-redirects.conf (to include in a server
// block). Every path is untrusted text and is escaped for the format it lands in.
package redirect

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Rule sends one old address, or a family of old files, on.
type Rule struct {
	From string // the old path under the site root ("tin-cu/thang-4/"); for a family, its folder
	To   string // the new path under the site root, maybe with #fragment
	// A family: every file directly in the folder From whose name ends in one of
	// Suffixes (the longer first) goes to To, or, with Rename, to To + the name without
	// the suffix + Rename ("x.echarts.json" → "x.csv").
	Suffixes []string
	Rename   string
	// Names are the family's names known today, for _redirects, which has no patterns.
	Names []string
}

// The files written, at the site root.
const (
	Apache  = ".htaccess"
	IIS     = "web.config"
	Netlify = "_redirects"
	Nginx   = "nginx-redirects.conf"
)

// Match is where rel (a path under the site root, as a server decodes it) goes, by the
// first rule that takes it, as the generated files answer it: the preview's server.
func Match(rules []Rule, rel string) (string, bool) {
	for _, r := range rules {
		if r.Suffixes == nil {
			if rel == r.From {
				return r.To, true
			}
			continue
		}
		name, ok := strings.CutPrefix(rel, r.From)
		if !ok || strings.Contains(name, "/") {
			continue
		}
		for _, suf := range r.Suffixes {
			if stem, ok := strings.CutSuffix(name, suf); ok && stem != "" {
				if r.Rename == "" {
					return r.To, true
				}
				return r.To + stem + r.Rename, true
			}
		}
	}
	return "", false
}

// File is one file to publish at the site root.
type File struct {
	Name string
	Data []byte
}

// Servers are the formats by the names config.toml's server_rules gives them.
var Servers = map[string]struct {
	File  string
	write func(base string, rules []Rule) []byte
}{
	"apache":  {Apache, htaccess},
	"iis":     {IIS, webConfig},
	"netlify": {Netlify, netlify},
	"nginx":   {Nginx, nginx},
}

// Files are the rules for a site served under base ("/chi-so/") in the formats of the
// servers named (keys of Servers), in the order given.
func Files(base string, rules []Rule, servers []string) []File {
	var out []File
	for _, name := range servers {
		if s, ok := Servers[name]; ok {
			out = append(out, File{s.File, s.write(base, rules)})
		}
	}
	return out
}

const header = "Written by chiso build from data/redirects.toml and the downloads of earlier versions: do not edit."

// htaccess: mod_alias's RedirectMatch, which matches the decoded URL path from the host's
// root. Apache's quoted arguments turn only \\ and \" into one character, and the
// patterns and targets hold neither.
func htaccess(base string, rules []Rule) []byte {
	var b strings.Builder
	b.WriteString("# " + header + "\n<IfModule mod_alias.c>\n")
	for _, r := range rules {
		re, to := pattern(pcre, base, r), Location(base, r.To)
		if r.Rename != "" {
			to += "$1" + escapePath(r.Rename)
		}
		fmt.Fprintf(&b, "RedirectMatch 301 \"%s\" \"%s\"\n", re, to)
	}
	b.WriteString("</IfModule>\n")
	return []byte(b.String())
}

// nginx: regex locations (PCRE on the decoded, normalised $uri), first match wins; nginx's
// quoted strings keep \. and \xHH as they are, and the targets hold no $ but the capture.
func nginx(base string, rules []Rule) []byte {
	var b strings.Builder
	b.WriteString("# " + header + "\n# include it in the server block, before other regex locations.\n")
	for _, r := range rules {
		to := Location(base, r.To)
		if r.Rename != "" {
			to += "$1" + escapePath(r.Rename)
		}
		fmt.Fprintf(&b, "location ~ \"%s\" { return 301 \"%s\"; }\n", pattern(pcre, base, r), to)
	}
	return []byte(b.String())
}

// webConfig: the URL Rewrite module's rules (ECMAScript patterns on the decoded path
// relative to the folder of web.config, the site root), written as XML attributes.
func webConfig(base string, rules []Rule) []byte {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- " + header + " Needs IIS's URL Rewrite module. -->\n")
	b.WriteString("<configuration>\n <system.webServer>\n  <rewrite>\n   <rules>\n")
	for i, r := range rules {
		to := Location(base, r.To)
		if r.Rename != "" {
			to += "{R:1}" + escapePath(r.Rename)
		}
		fmt.Fprintf(&b, "    <rule name=\"chiso-%d\" stopProcessing=\"true\">\n     <match url=\"%s\" />\n     <action type=\"Redirect\" url=\"%s\" redirectType=\"Permanent\" appendQueryString=\"false\" />\n    </rule>\n",
			i+1, xmlAttr(pattern(ecma, "", r)), xmlAttr(to))
	}
	b.WriteString("   </rules>\n  </rewrite>\n </system.webServer>\n</configuration>\n")
	return []byte(b.String())
}

// netlify: "from to status" lines of percent-encoded paths (so no space, "#", ":" or "*"
// of a path reads as syntax); a family is listed name by name. "301!" redirects even
// where a file stands: a moved page leaves its redirect page behind.
func netlify(base string, rules []Rule) []byte {
	var b strings.Builder
	b.WriteString("# " + header + "\n")
	line := func(from, to string) { fmt.Fprintf(&b, "%s %s 301!\n", Location(base, from), Location(base, to)) }
	for _, r := range rules {
		if r.Suffixes == nil {
			line(r.From, r.To)
			continue
		}
		for _, n := range r.Names {
			for _, suf := range r.Suffixes {
				if to, ok := Match([]Rule{r}, r.From+n+suf); ok && !strings.Contains(n, "/") && n != "" {
					line(r.From+n+suf, to)
				}
			}
		}
	}
	return []byte(b.String())
}

// pattern is the anchored regular expression of a rule's old path(s) under base, each
// literal through lit; a family captures the name as group 1.
func pattern(lit func(string) string, base string, r Rule) string {
	if r.Suffixes == nil {
		return "^" + lit(base+r.From) + "$"
	}
	sufs := slices.Clone(r.Suffixes)
	for i := range sufs {
		sufs[i] = lit(sufs[i])
	}
	return "^" + lit(base+r.From) + "([^/]+?)(?:" + strings.Join(sufs, "|") + ")$"
}

// plain are the characters a pattern keeps as they are; "." is escaped as \. and any other
// ASCII as \xHH, so no quote, space, newline, backslash, "$" or metacharacter is left.
var plain = regexp.MustCompile(`^[A-Za-z0-9/_-]$`)

// pcre writes s for PCRE (Apache, nginx), which both match the decoded path's bytes: UTF-8
// is written as it is (the same bytes whether or not the pattern is in UTF mode); a byte
// that is not UTF-8 as \xHH.
func pcre(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02X`, s[i])
		case r >= utf8.RuneSelf:
			b.WriteString(s[i : i+n])
		default:
			b.WriteString(asciiLit(byte(r)))
		}
		i += n
	}
	return b.String()
}

// ecma writes s for an ECMAScript pattern (IIS), which matches characters: others than
// ASCII as \uHHHH (UTF-16).
func ecma(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= utf8.RuneSelf && r > 0xFFFF:
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04X\u%04X`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
		case r >= utf8.RuneSelf:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteString(asciiLit(byte(r)))
		}
	}
	return b.String()
}

func asciiLit(c byte) string {
	switch {
	case c == '.':
		return `\.`
	case plain.MatchString(string(rune(c))):
		return string(rune(c))
	}
	return fmt.Sprintf(`\x%02X`, c)
}

// Location is a path under base as a URL path: percent-encoded but for the unreserved
// characters and "/", with its #fragment encoded the same way.
func Location(base, p string) string {
	p, frag, hasFrag := strings.Cut(base+p, "#")
	out := escapePath(p)
	if hasFrag {
		out += "#" + escapePath(frag)
	}
	return out
}

func escapePath(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf && (plain.MatchString(string(rune(c))) || c == '.' || c == '~') {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// xmlAttr escapes s for a double-quoted XML attribute.
func xmlAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;", "\n", "&#10;", "\r", "&#13;", "\t", "&#9;").Replace(s)
}
