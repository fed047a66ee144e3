package render

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// speakerMarkdown is a speaker's page in Markdown with YAML front matter,
// for Hugo or Jekyll sites. Every piece of text is escaped so that it stays
// text: no raw HTML, links or emphasis can come from an article.
func speakerMarkdown(s *Site, sp *Speaker) ([]byte, error) {
	lang := s.Config.Language
	fm := struct {
		Title       string   `yaml:"title"`
		Speaker     string   `yaml:"speaker"`
		ID          string   `yaml:"id,omitempty"`
		Description string   `yaml:"description,omitempty"`
		Wikidata    string   `yaml:"wikidata,omitempty"`
		Org         bool     `yaml:"org,omitempty"`
		Aliases     []string `yaml:"aliases"`
		Count       int      `yaml:"count"`
	}{Title: sp.Name, Speaker: sp.Name, ID: sp.ID, Description: sp.Description, Wikidata: sp.Wikidata, Org: sp.Org,
		Aliases: sp.Aliases, Count: len(sp.Quotes)}
	if sp.Unattributed {
		fm.Speaker = ""
	}
	if fm.Aliases == nil {
		fm.Aliases = []string{}
	}
	head, err := yaml.Marshal(fm)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString("---\n")
	b.Write(head)
	b.WriteString("---\n\n")
	if sp.Description != "" {
		b.WriteString(mdEscape(sp.Description) + "\n\n")
	}
	for _, g := range sp.Groups {
		a := g.Article
		b.WriteString("## [" + mdEscape(a.Doc.Title) + "](" + mdURL(s.base.url("articles/"+a.Slug+"/")) + ")\n\n")
		meta := []string{formatDate(lang, a.Doc.Date)}
		if a.Doc.Outlet != "" {
			meta = append(meta, mdEscape(a.Doc.Outlet))
		}
		b.WriteString(strings.Join(meta, " · ") + "\n\n")
		for _, q := range g.Quotes {
			b.WriteString("> " + mdEscape(q.Text) + "\n\n")
			if q.Sentence != "" {
				b.WriteString(mdEscape(q.Sentence) + "\n\n")
			}
			var links []string
			if q.Cue != "" {
				links = append(links, "*"+mdEscape(q.Cue)+"*")
			}
			if q.SourceLink != "" {
				links = append(links, "["+translate(lang, "source")+"]("+mdURL(q.SourceLink)+")")
			}
			links = append(links, "["+translate(lang, "permalink")+"]("+mdURL(s.base.url("quotes/"+q.ID+"/"))+")")
			b.WriteString(strings.Join(links, " · ") + "\n\n")
			if q.Verified {
				b.WriteString(mdEscape(translate(lang, "verified-by", q.VerifiedBy, formatDate(lang, q.VerifiedDate))) + "\n\n")
			}
			if len(q.Also) > 0 {
				var also []string
				for _, o := range q.Also {
					also = append(also, "["+mdEscape(o.Article.Doc.Title)+"]("+mdURL(s.base.url("articles/"+o.Article.Slug+"/"))+") ("+
						formatDate(lang, o.Article.Doc.Date)+")")
				}
				if q.More > 0 {
					also = append(also, "["+translate(lang, "more-sources", q.More)+"]("+mdURL(s.base.url("quotes/"+q.Sources[0].ID+"/"))+")")
				}
				b.WriteString(translate(lang, "also-in") + " " + strings.Join(also, ", ") + "\n\n")
			}
		}
	}
	return []byte(b.String()), nil
}

// mdEscape backslash-escapes every ASCII punctuation character CommonMark
// could read as markup, and folds line breaks so a text stays one line.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x80 && strings.ContainsRune("\\`*_{}[]()<>#+-.!|~&\"'=:", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdURL makes a URL safe as a Markdown link destination.
func mdURL(u string) string { return mdURLReplacer.Replace(u) }

// mdURLReplacer is built once: building it cost more than replacing. A
// Replacer is safe for the pages rendered in parallel.
var mdURLReplacer = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "\n", "", "\r", "")
