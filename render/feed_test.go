package render

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// validate checks v against the subset of JSON Schema (2020-12) that the
// JSON Feed schema uses: type, const, required, properties,
// patternProperties, additionalProperties, items, anyOf, minLength,
// pattern, format (uri-reference, date-time) and local $ref.
func validate(root, s map[string]any, v any, at string) []string {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	if ref, ok := s["$ref"].(string); ok {
		def := strings.TrimPrefix(ref, "#/$defs/")
		return validate(root, root["$defs"].(map[string]any)[def].(map[string]any), v, at)
	}
	if c, ok := s["const"]; ok && c != v {
		fail("want %v, got %v", c, v)
	}
	if typ, ok := s["type"].(string); ok {
		okType := map[string]bool{
			"object": isA[map[string]any](v), "array": isA[[]any](v), "string": isA[string](v),
			"number": isA[float64](v), "boolean": isA[bool](v),
		}[typ]
		if !okType {
			fail("want %s, got %T", typ, v)
			return errs
		}
	}
	if str, ok := v.(string); ok {
		if n, ok := s["minLength"].(float64); ok && len(str) < int(n) {
			fail("shorter than %v", n)
		}
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
		switch s["format"] {
		case "date-time":
			if _, err := time.Parse(time.RFC3339, str); err != nil {
				fail("not a date-time: %v", err)
			}
		case "uri-reference":
			if _, err := url.Parse(str); err != nil || strings.ContainsAny(str, " <>\"") {
				fail("not a URI reference: %q", str)
			}
		}
	}
	if arr, ok := v.([]any); ok {
		if items, ok := s["items"].(map[string]any); ok {
			for i, it := range arr {
				errs = append(errs, validate(root, items, it, fmt.Sprintf("%s[%d]", at, i))...)
			}
		}
	}
	if obj, ok := v.(map[string]any); ok {
		if req, ok := s["required"].([]any); ok {
			for _, k := range req {
				if _, ok := obj[k.(string)]; !ok {
					fail("missing %s", k)
				}
			}
		}
		props, _ := s["properties"].(map[string]any)
		patterns, _ := s["patternProperties"].(map[string]any)
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			matched := false
			if ps, ok := props[k].(map[string]any); ok {
				matched = true
				errs = append(errs, validate(root, ps, obj[k], at+"."+k)...)
			}
			for p, ps := range patterns {
				if regexp.MustCompile(p).MatchString(k) {
					matched = true
					errs = append(errs, validate(root, ps.(map[string]any), obj[k], at+"."+k)...)
				}
			}
			if !matched && s["additionalProperties"] == false {
				fail("unknown key %q", k)
			}
		}
	}
	if alts, ok := s["anyOf"].([]any); ok {
		okAny := false
		for _, sub := range alts {
			if len(validate(root, sub.(map[string]any), v, at)) == 0 {
				okAny = true
			}
		}
		if !okAny {
			fail("matches none of anyOf")
		}
	}
	return errs
}

func isA[T any](v any) bool { _, ok := v.(T); return ok }

func loadSchema(t *testing.T) map[string]any {
	data, err := os.ReadFile(filepath.Join("testdata", "jsonfeed-1.1.schema.json"))
	require.NoError(t, err)
	var schema map[string]any
	require.NoError(t, json.Unmarshal(data, &schema))
	return schema
}

func TestFeedSchemaCatchesMistakes(t *testing.T) {
	schema := loadSchema(t)
	for name, doc := range map[string]string{
		"no items":       `{"version":"https://jsonfeed.org/version/1.1","title":"t"}`,
		"old version":    `{"version":"https://jsonfeed.org/version/1","title":"t","items":[]}`,
		"no content":     `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1"}]}`,
		"bad date":       `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","content_text":"x","date_published":"2024-01-01"}]}`,
		"typo key":       `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","content_text":"x","autor":{}}]}`,
		"empty author":   `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","content_text":"x","authors":[{}]}]}`,
		"numeric id":     `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":1,"content_text":"x"}]}`,
		"ext not object": `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","content_text":"x","_verbatim":3}]}`,
	} {
		var v any
		require.NoError(t, json.Unmarshal([]byte(doc), &v), name)
		assert.NotEmpty(t, validate(schema, schema, v, "$"), name)
	}
}

func TestFeedsMatchSchema(t *testing.T) {
	schema := loadSchema(t)
	out := filepath.Join(t.TempDir(), "public")
	buildSample(t, out, func(o *Options) {})
	files := readTree(t, out)
	n := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".json") || !strings.Contains(filepath.Base(name), "feed") {
			continue
		}
		n++
		var v any
		require.NoError(t, json.Unmarshal([]byte(data), &v), name)
		assert.Empty(t, validate(schema, schema, v, name), name)
	}
	assert.Greater(t, n, 10)

	var feed struct {
		Items []struct {
			ID, URL     string
			ExternalURL string `json:"external_url"`
			ContentText string `json:"content_text"`
			Authors     []struct{ Name string }
			Verbatim    struct {
				Start, End int
				Cue        string
				Article    struct{ Title string }
			} `json:"_verbatim"`
		}
	}
	require.NoError(t, json.Unmarshal([]byte(files["speakers/claire-delaunay-ibarra/feed.json"]), &feed))
	require.Len(t, feed.Items, 2)
	it := feed.Items[0]
	assert.Equal(t, "Je ne suis pas venue vous apporter des slogans, je suis venue vous apporter des moyens", it.ContentText)
	assert.Equal(t, "Claire Delaunay-Ibarra", it.Authors[0].Name)
	assert.Equal(t, "https://quotes.example.org/sample/quotes/"+it.ID+"/", it.URL)
	assert.True(t, strings.HasPrefix(it.ExternalURL, "https://www.example.org/sante/2024/04/02/hopitaux-de-proximite#:~:text="), it.ExternalURL)
	assert.Equal(t, "a déclaré", it.Verbatim.Cue)
	assert.Greater(t, it.Verbatim.End, it.Verbatim.Start)
}
