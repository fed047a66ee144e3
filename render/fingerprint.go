package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
	"strconv"
)

// Fingerprints let a rebuild skip rendering the pages whose inputs did not
// change. A page's fingerprint hashes everything its bytes are made from:
// the templates and configuration (the renderer's), then the digests of the
// quotes, articles and speakers it shows. The manifest of the previous build
// records each page's fingerprint beside the hash of its bytes; a page with
// the same fingerprint keeps its file without being rendered again.

type digest [16]byte

func (d digest) String() string { return hex.EncodeToString(d[:]) }

type hasher struct{ h hash.Hash }

func newHasher(kind string) *hasher {
	h := &hasher{sha256.New()}
	h.str(kind)
	return h
}

func (h *hasher) str(s string) *hasher {
	h.h.Write([]byte(strconv.Itoa(len(s))))
	h.h.Write([]byte{':'})
	h.h.Write([]byte(s))
	return h
}

func (h *hasher) json(v any) *hasher {
	data, err := json.Marshal(v)
	if err != nil {
		data = []byte(err.Error())
	}
	return h.str(string(data))
}

func (h *hasher) digest(d digest) *hasher { h.h.Write(d[:]); return h }

func (h *hasher) sum() digest {
	var d digest
	copy(d[:], h.h.Sum(nil))
	return d
}

// digests holds the fingerprints of the site's objects.
type digests struct {
	env      digest // templates, configuration, version of verbatim
	quote    map[*Quote]digest
	articleM map[*Article]digest // the article's metadata, as quotes show it
	article  map[*Article]digest // metadata, text and quotes
	speaker  map[*Speaker]digest
}

// newDigests fingerprints the site. A quote's digest covers what any page
// shows of it: its record (speaker id and verification included), its
// article's metadata, its speaker as linked (name, aliases, description,
// Wikidata item), the other sources of its words and its corrections.
// Linking is corpus-wide, so a change in one article can rename a speaker
// quoted elsewhere: the pages showing that speaker change their
// fingerprint, and only they.
func newDigests(s *Site, env digest) *digests {
	d := &digests{env: env, quote: map[*Quote]digest{}, articleM: map[*Article]digest{},
		article: map[*Article]digest{}, speaker: map[*Speaker]digest{}}
	for _, a := range s.Articles {
		doc := a.Doc
		d.articleM[a] = newHasher("article-meta").json([]any{doc.ID, doc.Title, doc.Date, doc.Outlet, doc.Authors,
			doc.Format, a.Slug, a.Lang, a.Source, a.URL}).sum()
	}
	for _, sp := range s.Speakers {
		// The speaker's own fields; its quotes are added below.
		d.speaker[sp] = newHasher("speaker-meta").json([]any{sp.ID, sp.Name, sp.Aliases, sp.Slug, sp.Description,
			sp.QID, sp.Wikidata, sp.Org, sp.Unnamed, sp.Unattributed, sp.URL}).sum()
	}
	own := make(map[*Quote]digest, len(s.Quotes))
	for _, q := range s.Quotes {
		own[q] = newHasher("quote-own").json(q.Record).str(q.URL).str(q.SourceLink).digest(d.articleM[q.Article]).sum()
	}
	for _, q := range s.Quotes {
		h := newHasher("quote").digest(own[q]).digest(d.speaker[q.Speaker])
		for _, o := range q.Also {
			h.digest(own[o])
		}
		h.str(strconv.Itoa(q.More))
		for _, c := range q.Corrections {
			h.json(c.Entry)
		}
		d.quote[q] = h.sum()
	}
	for _, a := range s.Articles {
		h := newHasher("article").digest(d.articleM[a]).str(a.Doc.Text)
		for _, q := range a.Quotes {
			h.digest(d.quote[q])
		}
		d.article[a] = h.sum()
	}
	for _, sp := range s.Speakers {
		h := newHasher("speaker").digest(d.speaker[sp]).str(strconv.Itoa(sp.Articles))
		for _, q := range sp.Quotes {
			h.digest(d.quote[q])
		}
		d.speaker[sp] = h.sum()
	}
	return d
}

// key is the fingerprint of one page of a kind made from the given parts.
func (d *digests) key(kind string, parts ...digest) string {
	h := newHasher(kind).digest(d.env)
	for _, p := range parts {
		h.digest(p)
	}
	return h.sum().String()
}

// quotesKey fingerprints a list of quotes (a feed page).
func (d *digests) quotesKey(kind string, qs []*Quote, extra ...string) string {
	h := newHasher(kind).digest(d.env)
	for _, e := range extra {
		h.str(e)
	}
	for _, q := range qs {
		h.digest(d.quote[q])
	}
	return h.sum().String()
}

// envDigest fingerprints what every page depends on.
func envDigest(version string, cfg Config, tmpl map[string][]byte) digest {
	h := newHasher("env").str(version).json(cfg)
	for _, name := range append(append([]string{"base.html"}, pageTemplates...), staticFiles...) {
		h.str(name).str(string(tmpl[name]))
	}
	return h.sum()
}
