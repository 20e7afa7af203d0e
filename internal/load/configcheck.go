package load

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"chiso/internal/diag"
	"chiso/internal/vietnamese"
)

// basePathPattern is a path on the site's own host: "/" or "/chi-so/", segments of
// URL-safe letters. "//evil.example/" would make every script and style load from
// another host; a scheme, a query or a backslash has no place either.
// languagePattern is a language tag as HTML's lang wants it ("vi", "vi-VN"), not a name.
var languagePattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

var basePathPattern = regexp.MustCompile(`^/([A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*$`)

// siteAddress checks base_url and base_path, which reach every embed code, feed,
// sitemap, JSON-LD and og:url: base_url must be an absolute http(s) address of a host
// ("javascript:alert(1)//x" would run in the page of whoever pastes an embed code).
func (l *loader) siteAddress(t *table) {
	c := &l.site.Config
	if t.has("language") && !languagePattern.MatchString(c.Language) {
		l.probs.Errorf(t.PosOf("language"), diag.BadLanguage, c.Language)
		c.Language = "vi"
	}
	if t.has("jump_warning") && c.JumpWarning <= 0 {
		l.probs.Errorf(t.PosOf("jump_warning"), diag.BadJumpWarning, vietnamese.Rate(c.JumpWarning))
		c.JumpWarning = 20 // not a warning on every period besides
	}
	if c.BaseURL != "" && !validBaseURL(c.BaseURL) {
		l.probs.Errorf(t.PosOf("base_url"), diag.BadBaseURL, c.BaseURL)
		c.BaseURL = ""
	}
	if t.has("base_path") && c.BasePath != "/" && !basePathPattern.MatchString(c.BasePath) {
		l.probs.Errorf(t.PosOf("base_path"), diag.BadBasePath, c.BasePath)
		c.BasePath = "/"
	}
}

// serverRules reads server_rules: which of the redirect files to write. Without it, only
// the two that do nothing until a webmaster uses them (an nginx include, Netlify's list).
func (l *loader) serverRules(t *table) {
	c := &l.site.Config
	rules, ok := t.Strings("server_rules")
	if !ok {
		c.ServerRules = []string{"nginx", "netlify"}
		return
	}
	c.ServerRules = []string{}
	for _, r := range rules {
		switch r {
		case "apache", "nginx", "iis", "netlify":
			if !slices.Contains(c.ServerRules, r) {
				c.ServerRules = append(c.ServerRules, r)
			}
		default:
			l.probs.Errorf(t.PosOf("server_rules"), diag.BadServerRule, r)
		}
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

// publish reads [publish], what the site leaves out of its output; without it, nothing.
// An unknown choice is the editor's error, and the default stands.
func (l *loader) publish(t *table) {
	p := t.Table("publish")
	if p == nil {
		return
	}
	c := &l.site.Config.Publish
	choice := func(k string, choices ...string) string {
		v := p.String(k, false)
		if v != "" && !slices.Contains(choices, v) {
			l.probs.Errorf(p.PosOf(k), diag.BadPublish, k, v, "\""+strings.Join(choices, "\" hoặc \"")+"\"", choices[len(choices)-1])
			return ""
		}
		return v
	}
	c.EnglishArticles = choice("english", "all", "articles") == "articles"
	c.CardsArticles = choice("share_cards", "all", "articles") == "articles"
	c.NoEmbeds = p.has("embeds") && !p.Bool("embeds")
	p.Done()
}
