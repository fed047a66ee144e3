package render

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Config is the site configuration read from verbatim.yaml.
type Config struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	// BaseURL is where the site is published, e.g. https://example.org/quotes/.
	// A path alone (/quotes/) gives root-relative links and relative feeds.
	BaseURL string `yaml:"base_url"`
	// Language of the interface: "en" or "fr".
	Language string `yaml:"language"`
	// Latest is the number of quotes on the home page.
	Latest int `yaml:"latest"`
	// FeedPageSize is the number of items per JSON Feed page.
	FeedPageSize int `yaml:"feed_page_size"`
}

func defaultConfig() Config {
	return Config{Title: "Verbatim", Language: "en", BaseURL: "/", Latest: 30, FeedPageSize: 300}
}

// LoadConfig reads a YAML configuration file over the defaults. A missing
// file is not an error when optional is true.
func LoadConfig(path string, optional bool) (Config, error) {
	cfg := defaultConfig()
	data, err := os.ReadFile(path)
	if err != nil {
		if optional && errors.Is(err, os.ErrNotExist) {
			return cfg, nil
		}
		return cfg, fmt.Errorf("read config: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true) // a misspelt key is a mistake worth reporting
	if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
		return cfg, fmt.Errorf("%s: %w", path, err)
	}
	if err := cfg.check(); err != nil {
		return cfg, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

func (c *Config) check() error {
	c.Language = strings.ToLower(strings.TrimSpace(c.Language))
	if c.Language == "" {
		c.Language = "en"
	}
	if _, ok := messages[c.Language]; !ok {
		return fmt.Errorf("language %q: the interface speaks %s", c.Language, strings.Join(languages(), ", "))
	}
	if c.Latest <= 0 {
		c.Latest = 30
	}
	if c.FeedPageSize <= 0 {
		c.FeedPageSize = 300
	}
	if c.Title == "" {
		c.Title = "Verbatim"
	}
	_, err := parseBase(c.BaseURL)
	return err
}

// base splits the base URL into the path prefix of in-site links and the
// absolute prefix of feeds, sitemaps and JSON-LD.
type base struct {
	path string // always starts and ends with "/"
	abs  string // "" when the base URL has no scheme and host
}

func parseBase(raw string) (base, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		raw = "/"
	}
	u, err := url.Parse(raw)
	if err != nil {
		return base{}, fmt.Errorf("base_url %q: %w", raw, err)
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" || u.Scheme != "" && u.Host == "" {
		return base{}, fmt.Errorf("base_url %q: want http(s)://host/path/ or a path", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return base{}, fmt.Errorf("base_url %q: no query or fragment allowed", raw)
	}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	b := base{path: p}
	if u.Scheme != "" {
		b.abs = u.Scheme + "://" + u.Host + p
	}
	return b, nil
}

// rel is the in-site link to a path relative to the site root.
func (b base) rel(p string) string { return b.path + p }

// url is the absolute URL of a path when the base is absolute, else rel.
func (b base) url(p string) string {
	if b.abs == "" {
		return b.rel(p)
	}
	return b.abs + p
}

// relativeBaseWarning is the build's one warning about a base URL with no
// scheme and host: the sitemap protocol, JSON Feed and schema.org all want
// absolute URLs, which only the editors can know. The site still works
// (in-site links are root-relative), so it is a warning, not an error.
func relativeBaseWarning(cfg Config) string {
	b, err := parseBase(cfg.BaseURL)
	if err != nil || b.abs != "" {
		return ""
	}
	return fmt.Sprintf("base_url %q is not an absolute URL: sitemap.xml, the JSON Feeds and the JSON-LD need one "+
		"(https://host/path/) and get root-relative URLs instead; set base_url in verbatim.yaml or pass --base-url", cmp.Or(cfg.BaseURL, "/"))
}
