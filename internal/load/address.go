package load

import (
	"net/url"
	"regexp"
	"strings"

	"chiso/internal/diag"
)

// basePathPattern is a path on the site's own host: "/" or "/chi-so/", segments of
// URL-safe letters. "//evil.example/" would make every script and style load from
// another host; a scheme, a query or a backslash has no place either.
var basePathPattern = regexp.MustCompile(`^/([A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*$`)

// siteAddress checks base_url and base_path, which reach every embed code, feed,
// sitemap, JSON-LD and og:url: base_url must be an absolute http(s) address of a host
// ("javascript:alert(1)//x" would run in the page of whoever pastes an embed code).
func (l *loader) siteAddress(t *table) {
	c := &l.site.Config
	if c.BaseURL != "" && !validBaseURL(c.BaseURL) {
		l.probs.Errorf(t.PosOf("base_url"), diag.BadBaseURL, c.BaseURL)
		c.BaseURL = ""
	}
	if t.has("base_path") && c.BasePath != "/" && !basePathPattern.MatchString(c.BasePath) {
		l.probs.Errorf(t.PosOf("base_path"), diag.BadBasePath, c.BasePath)
		c.BasePath = "/"
	}
}

func validBaseURL(s string) bool {
	if strings.ContainsAny(s, " \t\r\n\"'<>\\`{}|^") {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return false
	}
	if u.Scheme != "https" && u.Scheme != "http" || u.Hostname() == "" {
		return false
	}
	return u.Path == "" || u.Path == "/"
}
