package render

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
	"runtime"
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

type hasher struct {
	h   hash.Hash
	buf []byte // reused: hash.Hash takes bytes, the inputs are strings
}

func newHasher(kind string) *hasher {
	h := &hasher{h: sha256.New()}
	h.str(kind)
	return h
}

func (h *hasher) str(s string) *hasher {
	h.buf = strconv.AppendInt(h.buf[:0], int64(len(s)), 10)
	h.buf = append(append(h.buf, ':'), s...)
	h.h.Write(h.buf)
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
//
// Every rebuild fingerprints the whole site, tens of thousands of quotes
// encoded and hashed: each step hashes its objects on all cores, each
// object's digest in its own slot, so the digests do not depend on the
// order the workers take them.
func newDigests(ctx context.Context, s *Site, env digest) (*digests, error) {
	d := &digests{env: env, quote: make(map[*Quote]digest, len(s.Quotes)), articleM: make(map[*Article]digest, len(s.Articles)),
		article: make(map[*Article]digest, len(s.Articles)), speaker: make(map[*Speaker]digest, len(s.Speakers))}
	if err := digestAll(ctx, s.Articles, d.articleM, func(a *Article) digest {
		doc := a.Doc
		return newHasher("article-meta").json([]any{doc.ID, doc.Title, doc.Date, doc.Outlet, doc.Authors,
			doc.Format, a.Slug, a.Lang, a.Source, a.URL}).sum()
	}); err != nil {
		return nil, err
	}
	// The speaker's own fields; its quotes are added below.
	if err := digestAll(ctx, s.Speakers, d.speaker, func(sp *Speaker) digest {
		return newHasher("speaker-meta").json([]any{sp.ID, sp.Name, sp.Aliases, sp.Slug, sp.Description,
			sp.QID, sp.Wikidata, sp.Org, sp.Unnamed, sp.Unattributed, sp.URL}).sum()
	}); err != nil {
		return nil, err
	}
	own := make(map[*Quote]digest, len(s.Quotes))
	if err := digestAll(ctx, s.Quotes, own, func(q *Quote) digest {
		return newHasher("quote-own").json(q.Record).str(q.URL).str(q.SourceLink).digest(d.articleM[q.Article]).sum()
	}); err != nil {
		return nil, err
	}
	if err := digestAll(ctx, s.Quotes, d.quote, func(q *Quote) digest {
		h := newHasher("quote").digest(own[q]).digest(d.speaker[q.Speaker])
		for _, o := range q.Also {
			h.digest(own[o])
		}
		h.str(strconv.Itoa(q.More))
		for _, c := range q.Corrections {
			h.json(c.Entry)
		}
		return h.sum()
	}); err != nil {
		return nil, err
	}
	if err := digestAll(ctx, s.Articles, d.article, func(a *Article) digest {
		h := newHasher("article").digest(d.articleM[a]).str(a.Doc.Text)
		for _, q := range a.Quotes {
			h.digest(d.quote[q])
		}
		return h.sum()
	}); err != nil {
		return nil, err
	}
	// The speaker's digest grows from its own fields to its quotes: fn
	// reads the map digestAll writes only once every digest is made.
	if err := digestAll(ctx, s.Speakers, d.speaker, func(sp *Speaker) digest {
		h := newHasher("speaker").digest(d.speaker[sp]).str(strconv.Itoa(sp.Articles))
		for _, q := range sp.Quotes {
			h.digest(d.quote[q])
		}
		return h.sum()
	}); err != nil {
		return nil, err
	}
	return d, nil
}

// digestAll computes fn of every key on all cores, each digest in its own
// slot, then stores them in m: fn may read m, which no worker writes.
func digestAll[K comparable](ctx context.Context, keys []K, m map[K]digest, fn func(K) digest) error {
	out := make([]digest, len(keys))
	if err := parallelN(ctx, len(keys), runtime.GOMAXPROCS(0), func(i int) error {
		out[i] = fn(keys[i])
		return nil
	}); err != nil {
		return err
	}
	for i, k := range keys {
		m[k] = out[i]
	}
	return nil
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
