package webpage

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// dropTags are elements that never hold article text.
var dropTags = []string{
	"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
	"video", "audio", "map", "nav", "aside", "footer", "dialog", "menu", "button", "input", "select",
	"textarea", "option", "figcaption", "link", "meta",
}

// dropRoles are ARIA landmarks of page furniture.
var dropRoles = []string{
	"navigation", "complementary", "contentinfo", "search", "dialog", "alertdialog", "menu", "menubar",
	"toolbar", "tablist", "banner",
}

// furnitureSubstrings mark a class or id as page furniture wherever they
// appear in it ("relatedArticles", "social-links", "js-newsletter-box").
var furnitureSubstrings = []string{
	"related", "advert", "newsletter", "taboola", "outbrain", "readmore", "read-more", "read_more",
	"morestories", "more-stories", "sharing", "sharebar", "share-bar", "social", "sponsor", "breadcrumb",
	"cookie", "disqus", "recirc", "pullquote", "pull-quote", "mostread", "most-read", "mostpopular",
	"most-popular", "trending", "lire-aussi", "also-read", "see-also", "further-reading",
}

// furniturePrefixes mark a class or id when one of its words (split at
// "-" and "_") starts with them: "share-buttons", "comments", "promo_box".
var furniturePrefixes = []string{
	"share", "comment", "promo", "recommend", "signup", "subscribe", "popup", "modal", "sidebar",
}

// furnitureWords mark a class or id when one of its words is exactly one
// of them: "ad" matches "ad-slot" and "top-ad" but not "header" or "load".
var furnitureWords = []string{
	"ad", "ads", "adv", "adslot", "adunit", "adbox", "adwrap", "adwrapper", "adcontainer", "dfp", "pub",
	"publicite", "werbung", "anzeige",
}

// notFurniture are words that a prefix would wrongly take for furniture.
var notFurniture = []string{"commentary", "commentaries", "subscriber", "subscribers", "shareholder", "shareholders", "promotion"}

// statePrefixes mark class tokens that describe a page state ("has-comments",
// "with-sidebar") and are found on the containers of the article itself.
var statePrefixes = []string{"has-", "has_", "with-", "is-", "no-", "show-", "enable-", "hide-"}

// isFurnitureName tells whether a class token, id or itemprop names page
// furniture.
func isFurnitureName(token string) bool {
	t := strings.ToLower(token)
	for _, p := range statePrefixes {
		if strings.HasPrefix(t, p) {
			return false
		}
	}
	for _, s := range furnitureSubstrings {
		if strings.Contains(t, s) {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return r == '-' || r == '_' || r == ':' || r == '.' }) {
		if slices.Contains(furnitureWords, w) {
			return true
		}
		if slices.Contains(notFurniture, w) {
			continue
		}
		for _, p := range furniturePrefixes {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

// clean removes page furniture from the page before the readability
// library scores it, so that nothing it keeps by mistake can come from a
// comment thread, a share bar or a list of related articles. The article's
// own containers are never removed for their class names: <main>,
// itemprop=articleBody, role=main, the <article> with the most text (pages
// also wrap each comment or related teaser in an <article>), and their
// ancestors. Nor is an element that holds most of the page's text: a body
// with class "has-comments" or a wrapper named "content-with-sidebar" must
// not take the article with it.
func clean(doc *html.Node) {
	protected := map[*html.Node]bool{}
	protect := func(n *html.Node) {
		for a := n; a != nil && !protected[a]; a = a.Parent {
			protected[a] = true
		}
	}
	named := map[*html.Node]bool{}
	var articles []*html.Node // in document order, so ties go to the first
	st := measure(doc, func(n *html.Node) bool {
		if n.Data == "main" || strings.EqualFold(attr(n, "itemprop"), "articleBody") || strings.EqualFold(attr(n, "role"), "main") {
			protect(n)
		}
		if n.Data == "article" {
			articles = append(articles, n)
		}
		if furnitureNamed(n) {
			named[n] = true
		}
		return named[n] || n.Data == "article"
	})
	var primary *html.Node
	for _, n := range articles {
		if primary == nil || st[n].text > st[primary].text {
			primary = n
		}
	}
	if primary != nil {
		protect(primary)
	}
	total := st[doc].text
	var drop []*html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.CommentNode {
			drop = append(drop, n)
			return false
		}
		if n.Type != html.ElementNode || n.Data == "html" || n.Data == "body" || n.Data == "head" {
			return true
		}
		if isDropped(n, protected, named[n], st[n].text, total) {
			drop = append(drop, n)
			return false
		}
		return true
	})
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
}

func isDropped(n *html.Node, protected map[*html.Node]bool, named bool, text, total int) bool {
	if slices.Contains(dropTags, n.Data) {
		return !protected[n]
	}
	if protected[n] {
		return false
	}
	if n.Data == "header" && !inside(n, "article", "main") {
		return true // the site's masthead; an article's own header stays
	}
	if role := strings.ToLower(strings.TrimSpace(attr(n, "role"))); slices.Contains(dropRoles, role) {
		return true
	}
	if hidden(n) {
		return true
	}
	// An element holding most of the page's text is the article's
	// container, whatever its name says.
	return named && (total == 0 || 2*text <= total)
}

// furnitureNamed tells whether an element's class, id, itemprop or
// data-component names page furniture.
func furnitureNamed(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			for _, c := range strings.Fields(a.Val) {
				if isFurnitureName(c) {
					return true
				}
			}
		case "id", "itemprop", "data-component":
			if v := strings.TrimSpace(a.Val); v != "" && isFurnitureName(v) {
				return true
			}
		}
	}
	return false
}

// hidden tells whether the author hid the element from readers.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func inside(n *html.Node, tags ...string) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && slices.Contains(tags, a.Data) {
			return true
		}
	}
	return false
}

// readMorePhrases start the "read also" lines that sites put between the
// paragraphs of an article, in the languages verbatim reads.
var readMorePhrases = []string{
	"read more", "read also", "also read", "read next", "see also", "related", "more:", "more on",
	"lire aussi", "à lire aussi", "a lire aussi", "lire également", "à lire également", "voir aussi",
	"à voir aussi", "sur le même sujet", "lesen sie auch", "lesen sie mehr", "mehr zum thema",
	"auch interessant", "weiterlesen", "das könnte sie auch interessieren",
}

// dropLinkLists removes, from the content readability kept, the blocks that
// are links to other pages rather than text: lists made of links (related
// articles) and short paragraphs that are a link or a "Read also: …" line.
// Their titles often hold quotation marks that are not quotes.
func dropLinkLists(content *html.Node) {
	st := measure(content, func(n *html.Node) bool { return linkCandidates[n.Data] })
	var drop []*html.Node
	walk(content, func(n *html.Node) bool {
		s, ok := st[n]
		if n.Type != html.ElementNode || n == content || !ok {
			return true
		}
		switch n.Data {
		case "ul", "ol", "dl":
			if s.text > 0 && s.links*10 >= s.text*8 {
				drop = append(drop, n)
				return false
			}
		default:
			if s.blocks > 0 || s.text == 0 || s.text > 300 || s.links == 0 {
				return true
			}
			if s.links*10 >= s.text*9 || startsWithReadMore(textContent(n)) {
				drop = append(drop, n)
				return false
			}
		}
		return true
	})
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

var linkCandidates = map[string]bool{
	"ul": true, "ol": true, "dl": true, "p": true, "li": true, "div": true, "section": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
}

// stats measure the subtree of an element: letters and digits, those
// inside links, and block elements below it (line breaks aside).
type stats struct{ text, links, blocks int }

// measure computes the stats of the root and of the elements that keep
// selects, in one pass: the counts run in document order, so an element's
// own are the difference between its exit and its entry.
func measure(root *html.Node, keep func(*html.Node) bool) map[*html.Node]stats {
	var cur stats
	inLink := 0
	start := map[*html.Node]stats{root: {}}
	out := map[*html.Node]stats{}
	traverse(root, func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			k := textLen(n.Data)
			cur.text += k
			if inLink > 0 {
				cur.links += k
			}
		case html.ElementNode:
			if n.Data == "a" {
				inLink++
			}
			if blockTags[n.Data] && n.Data != "br" && n.Data != "hr" && n != root {
				cur.blocks++
			}
			if n != root && keep(n) {
				start[n] = cur
			}
		}
		return true
	}, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			inLink--
		}
		if s, ok := start[n]; ok {
			out[n] = stats{cur.text - s.text, cur.links - s.links, cur.blocks - s.blocks}
			delete(start, n)
		}
	})
	return out
}

func startsWithReadMore(s string) bool {
	s = strings.ToLower(cleanLine(s))
	for _, p := range readMorePhrases {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// textLen counts letters and digits, the part of a text that does not
// depend on markup and spacing.
func textLen(s string) int {
	k := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			k++
		}
		s = s[size:]
	}
	return k
}
