package score

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Corpus is a JSON Lines file of documents keyed by str(id), in the order a
// Python dict keeps them.
type Corpus struct {
	Path string
	ids  []string
	docs map[string]*object
}

// Load reads a gold or prediction file.
func Load(path string) (*Corpus, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path)
}

// Parse reads JSON Lines as score.py's load() does: lines end at \n, \r\n
// or \r (Python's universal newlines), are stripped of whitespace, blank
// ones skipped; a later document with the same id replaces the earlier one
// but keeps its place.
func Parse(data []byte, path string) (*Corpus, error) {
	c := &Corpus{Path: path, docs: map[string]*object{}}
	for n := 1; len(data) > 0; n++ {
		i := bytes.IndexAny(data, "\r\n")
		var line []byte
		if i < 0 {
			line, data = data, nil
		} else {
			line = data[:i]
			if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			data = data[i+1:]
		}
		if !utf8.Valid(line) {
			return nil, fmt.Errorf("%s:%d: invalid UTF-8", path, n)
		}
		line = pyStrip(line)
		if len(line) == 0 {
			continue
		}
		v, err := decodeJSON(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not JSON: %w", path, n, err)
		}
		d, ok := v.(*object)
		if !ok {
			return nil, fmt.Errorf("%s:%d: %s indices must be integers or slices, not str", path, n, typeName(v))
		}
		if !d.has("id") {
			return nil, fmt.Errorf("%s:%d: KeyError: 'id'", path, n)
		}
		id := pyStr(d.get("id"))
		if _, seen := c.docs[id]; !seen {
			c.ids = append(c.ids, id)
		}
		c.docs[id] = d
	}
	return c, nil
}

// Len is the number of distinct documents.
func (c *Corpus) Len() int { return len(c.ids) }

// Doc is a document as the extractor needs it.
type Doc struct {
	ID, Lang, Text string
}

// Docs lists the documents in order. Lang is empty unless the file gives a
// string.
func (c *Corpus) Docs() ([]Doc, error) {
	out := make([]Doc, 0, len(c.ids))
	for _, id := range c.ids {
		d := c.docs[id]
		text, ok := d.get("text").(string)
		if !ok {
			return nil, fmt.Errorf("%s: document %s: \"text\" must be a string", c.Path, id)
		}
		lang, _ := d.get("lang").(string)
		out = append(out, Doc{ID: id, Lang: lang, Text: text})
	}
	return out, nil
}

// Options are score.py's flags.
type Options struct {
	ByLang bool // --by-lang
	Errors int  // --errors N
}

// Row is one tally line of the report.
type Row struct {
	Key                                   string // "all" or a language, as str() prints it
	Gold, Pred, Matched                   int
	Precision, Recall, F1, ExactSpanShare float64
	SpeakerStrict, SpeakerLenient         float64
	EndToEndF1                            float64
}

// Report is the result of Evaluate, printed by WriteText or WriteJSON.
type Report struct {
	Rows               []Row
	InvalidPredictions int
	MissingDocuments   int
	Errors             []string

	entries []entry // the result dict, in Python's order
}

type entry struct {
	key dictKey
	row *Row // nil for the integer entries
	n   int
}

type tally struct {
	key                                         dictKey
	gold, pred, matched, exact, strict, lenient int
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	// float64() conversions keep the compiler from fusing operations, so the
	// result is Python's to the last bit.
	return float64(float64(2*p)*r) / float64(p+r)
}

func (t *tally) row() Row {
	p, r := ratio(t.matched, t.pred), ratio(t.matched, t.gold)
	ep, er := ratio(t.strict, t.pred), ratio(t.strict, t.gold)
	return Row{
		Key: pyStr(t.key.value), Gold: t.gold, Pred: t.pred, Matched: t.matched,
		Precision: round4(p), Recall: round4(r), F1: round4(f1(p, r)),
		ExactSpanShare: round4(ratio(t.exact, t.matched)),
		SpeakerStrict:  round4(ratio(t.strict, t.matched)),
		SpeakerLenient: round4(ratio(t.lenient, t.matched)),
		EndToEndF1:     round4(f1(ep, er)),
	}
}

// quoteList is `x.get("quotes") or []`.
func quoteList(v any) ([]any, error) {
	if !truthy(v) {
		return nil, nil
	}
	l, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("\"quotes\" must be a list, not %s", typeName(v))
	}
	return l, nil
}

// goldSpan reads q["start"] and q["end"] of a gold quote.
func goldSpan(q any) (start, end int64, err error) {
	o, ok := q.(*object)
	if !ok {
		return 0, 0, fmt.Errorf("gold quote is a %s, not a dict", typeName(q))
	}
	for i, k := range []string{"start", "end"} {
		if !o.has(k) {
			return 0, 0, fmt.Errorf("gold quote: KeyError: '%s'", k)
		}
		n, big, ok := pyInt(o.get(k))
		if !ok || big {
			return 0, 0, fmt.Errorf("gold quote %s: want an integer, got %s", k, pyRepr(o.get(k)))
		}
		if i == 0 {
			start = n
		} else {
			end = n
		}
	}
	return start, end, nil
}

type predQuote struct {
	q          *object
	start, end int64
}

type pair struct{ ov, i, j int64 }

// match is score.py's greedy one-to-one matching: largest overlap first; a
// pair needs an overlap of at least half the longer span.
func match(gold []any, pred []predQuote) ([][2]int, error) {
	var pairs []pair
	for i, g := range gold {
		for j, p := range pred {
			gs, ge, err := goldSpan(g)
			if err != nil {
				return nil, err
			}
			ov := max(0, min(ge, p.end)-max(gs, p.start))
			longer := max(ge-gs, p.end-p.start, 1)
			if ov*2 >= longer && ov > 0 {
				pairs = append(pairs, pair{ov, int64(i), int64(j)})
			}
		}
	}
	// pairs.sort(reverse=True) on (ov, i, j) tuples.
	slices.SortFunc(pairs, func(a, b pair) int {
		switch {
		case a.ov != b.ov:
			return cmpDesc(a.ov, b.ov)
		case a.i != b.i:
			return cmpDesc(a.i, b.i)
		}
		return cmpDesc(a.j, b.j)
	})
	usedG, usedP := map[int64]bool{}, map[int64]bool{}
	var out [][2]int
	for _, p := range pairs {
		if usedG[p.i] || usedP[p.j] {
			continue
		}
		usedG[p.i], usedP[p.j] = true, true
		out = append(out, [2]int{int(p.i), int(p.j)})
	}
	return out, nil
}

func cmpDesc(a, b int64) int {
	if a > b {
		return -1
	}
	return 1
}

// Evaluate scores pred against gold as score.py does.
func Evaluate(gold, pred *Corpus, opts Options) (*Report, error) {
	var tallies []*tally
	index := map[string]int{}
	tallyFor := func(v any) (*tally, error) {
		k, err := newDictKey(v)
		if err != nil {
			return nil, err
		}
		if i, ok := index[k.identity]; ok {
			return tallies[i], nil
		}
		index[k.identity] = len(tallies)
		tallies = append(tallies, &tally{key: k})
		return tallies[len(tallies)-1], nil
	}
	if _, err := tallyFor("all"); err != nil {
		return nil, err
	}
	var errs []string
	bad := 0
	for _, id := range gold.ids {
		g := gold.docs[id]
		fail := func(err error) (*Report, error) {
			return nil, fmt.Errorf("%s: document %s: %w", gold.Path, id, err)
		}
		if !g.has("text") {
			return fail(fmt.Errorf("KeyError: 'text'"))
		}
		text, ok := g.get("text").(string)
		if !ok {
			return fail(fmt.Errorf("\"text\" must be a string, not %s", typeName(g.get("text"))))
		}
		var runes []rune // made when needed: most documents never slice
		slice := func(s, e int64, limit int) string {
			if runes == nil {
				runes = []rune(text)
			}
			lo, hi := pySlice(int64(len(runes)), s, e)
			return string(runes[lo:min(hi, lo+int64(limit))])
		}
		n := int64(utf8.RuneCountInString(text))
		gq, err := quoteList(g.get("quotes"))
		if err != nil {
			return fail(err)
		}
		var pq []predQuote
		var pqv []any
		if pd, ok := pred.docs[id]; ok {
			if pqv, err = quoteList(pd.get("quotes")); err != nil {
				return fail(fmt.Errorf("prediction: %w", err))
			}
		}
		for _, v := range pqv {
			q, ok := v.(*object)
			if !ok {
				return fail(fmt.Errorf("prediction: '%s' object has no attribute 'get'", typeName(v)))
			}
			s, sBig, sOK := pyInt(q.get("start"))
			e, eBig, eOK := pyInt(q.get("end"))
			if !sOK || !eOK || sBig || eBig || !(0 <= s && s < e && e <= n) {
				bad++
				continue
			}
			if q.has("text") {
				if t, ok := q.get("text").(string); !ok || t != slice(s, e, int(e-s)) {
					bad++
				}
			}
			pq = append(pq, predQuote{q, s, e})
		}
		keys := []any{"all"}
		if opts.ByLang {
			if g.has("lang") {
				keys = append(keys, g.get("lang"))
			} else {
				keys = append(keys, "?")
			}
		}
		pairs, err := match(gq, pq)
		if err != nil {
			return fail(err)
		}
		for _, k := range keys {
			t, err := tallyFor(k)
			if err != nil {
				return fail(err)
			}
			t.gold += len(gq)
			t.pred += len(pq)
			t.matched += len(pairs)
			for _, p := range pairs {
				gs, ge, err := goldSpan(gq[p[0]])
				if err != nil {
					return fail(err)
				}
				pr := pq[p[1]]
				if gs == pr.start && ge == pr.end {
					t.exact++
				}
				gobj := gq[p[0]].(*object)
				for _, lenient := range []bool{false, true} {
					ok, err := speakerOK(pr.q.get("speaker"), gobj, lenient)
					if err != nil {
						return fail(err)
					}
					if ok && lenient {
						t.lenient++
					} else if ok {
						t.strict++
					}
				}
			}
		}
		if opts.Errors != 0 && len(errs) < opts.Errors {
			mg, mp := map[int]bool{}, map[int]bool{}
			for _, p := range pairs {
				mg[p[0]], mp[p[1]] = true, true
			}
			for i, q := range gq {
				if mg[i] {
					continue
				}
				s, e, err := goldSpan(q)
				if err != nil {
					return fail(err)
				}
				errs = append(errs, fmt.Sprintf("MISSED  %s: «%s» (%s)", id, slice(s, e, 80), pyStr(q.(*object).get("speaker"))))
			}
			for j, q := range pq {
				if !mp[j] {
					errs = append(errs, fmt.Sprintf("SPURIOUS %s: «%s» (%s)", id, slice(q.start, q.end, 80), pyStr(q.q.get("speaker"))))
				}
			}
			for _, p := range pairs {
				gobj := gq[p[0]].(*object)
				ok, err := speakerOK(pq[p[1]].q.get("speaker"), gobj, false)
				if err != nil {
					return fail(err)
				}
				if !ok {
					s, e, _ := goldSpan(gobj)
					errs = append(errs, fmt.Sprintf("SPEAKER %s: «%s» gold=%s pred=%s", id, slice(s, e, 60),
						pyStr(gobj.get("speaker")), pyStr(pq[p[1]].q.get("speaker"))))
				}
			}
		}
	}
	r := &Report{InvalidPredictions: bad}
	for _, t := range tallies {
		row := t.row()
		r.Rows = append(r.Rows, row)
		r.entries = append(r.entries, entry{key: t.key, row: &row})
	}
	for _, id := range gold.ids {
		if _, ok := pred.docs[id]; !ok {
			r.MissingDocuments++
		}
	}
	r.setInt("invalid_predictions", bad)
	r.setInt("documents_missing_from_pred", r.MissingDocuments)
	if opts.Errors > 0 && len(errs) > opts.Errors {
		errs = errs[:opts.Errors]
	}
	if opts.Errors > 0 {
		r.Errors = errs
	}
	return r, nil
}

// setInt is result[name] = n on the Python dict: an existing key (a
// language spelled the same) keeps its place and takes the value.
func (r *Report) setInt(name string, n int) {
	k, _ := newDictKey(name)
	for i := range r.entries {
		if r.entries[i].key.identity == k.identity {
			r.entries[i].row, r.entries[i].n = nil, n
			return
		}
	}
	r.entries = append(r.entries, entry{key: k, n: n})
}

type field struct {
	name  string
	value string
}

func (row *Row) fields() []field {
	f := pyFloatRepr
	return []field{
		{"gold", strconv.Itoa(row.Gold)}, {"pred", strconv.Itoa(row.Pred)}, {"matched", strconv.Itoa(row.Matched)},
		{"precision", f(row.Precision)}, {"recall", f(row.Recall)}, {"f1", f(row.F1)},
		{"exact_span_share", f(row.ExactSpanShare)}, {"speaker_strict", f(row.SpeakerStrict)},
		{"speaker_lenient", f(row.SpeakerLenient)}, {"end_to_end_f1", f(row.EndToEndF1)},
	}
}

// WriteText prints what score.py prints without --json: one "key: value"
// line per result entry (dict reprs), then the error lines.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, e := range r.entries {
		b.WriteString(pyStr(e.key.value))
		b.WriteString(": ")
		if e.row == nil {
			b.WriteString(strconv.Itoa(e.n))
		} else {
			b.WriteByte('{')
			for i, f := range e.row.fields() {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("'" + f.name + "': " + f.value)
			}
			b.WriteByte('}')
		}
		b.WriteByte('\n')
	}
	for _, e := range r.Errors {
		b.WriteString(e)
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON prints what score.py --json prints: json.dumps(result,
// ensure_ascii=False) on one line.
func (r *Report) WriteJSON(w io.Writer) error {
	var b strings.Builder
	b.WriteByte('{')
	for i, e := range r.entries {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(e.key.jsonKey())
		b.WriteString(": ")
		if e.row == nil {
			b.WriteString(strconv.Itoa(e.n))
			continue
		}
		b.WriteByte('{')
		for i, f := range e.row.fields() {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`"` + f.name + `": ` + f.value)
		}
		b.WriteByte('}')
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// SieveRow is the precision of one attribution sieve: of the predicted
// quotes that match a gold quote and carry this sieve, the share whose
// speaker is right (score.py's strict rule).
type SieveRow struct {
	Sieve     string
	Predicted int // quotes the sieve attributed
	Matched   int // of them, quotes that match a gold quote
	Right     int // of those, with the gold speaker
}

// Precision is Right / Matched, 0 when nothing matched.
func (r SieveRow) Precision() float64 { return ratio(r.Right, r.Matched) }

// BySieve tallies each prediction's "sieve" field: it tells which rule of
// the extractor to work on. It is verbatim's own report, not score.py's.
func BySieve(gold, pred *Corpus) ([]SieveRow, error) {
	rows := map[string]*SieveRow{}
	row := func(q *object) *SieveRow {
		name, _ := q.get("sieve").(string)
		if name == "" {
			name = "(none)"
		}
		r, ok := rows[name]
		if !ok {
			r = &SieveRow{Sieve: name}
			rows[name] = r
		}
		return r
	}
	for _, id := range gold.ids {
		g := gold.docs[id]
		pd, ok := pred.docs[id]
		if !ok {
			continue
		}
		gq, err := quoteList(g.get("quotes"))
		if err != nil {
			return nil, fmt.Errorf("%s: document %s: %w", gold.Path, id, err)
		}
		pqv, err := quoteList(pd.get("quotes"))
		if err != nil {
			return nil, fmt.Errorf("%s: document %s: prediction: %w", pred.Path, id, err)
		}
		var pq []predQuote
		for _, v := range pqv {
			q, ok := v.(*object)
			if !ok {
				continue
			}
			s, _, sOK := pyInt(q.get("start"))
			e, _, eOK := pyInt(q.get("end"))
			if !sOK || !eOK || s >= e {
				continue
			}
			row(q).Predicted++
			pq = append(pq, predQuote{q, s, e})
		}
		pairs, err := match(gq, pq)
		if err != nil {
			return nil, fmt.Errorf("%s: document %s: %w", gold.Path, id, err)
		}
		for _, p := range pairs {
			r := row(pq[p[1]].q)
			r.Matched++
			ok, err := speakerOK(pq[p[1]].q.get("speaker"), gq[p[0]].(*object), false)
			if err != nil {
				return nil, fmt.Errorf("%s: document %s: %w", gold.Path, id, err)
			}
			if ok {
				r.Right++
			}
		}
	}
	out := make([]SieveRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Predicted != out[j].Predicted {
			return out[i].Predicted > out[j].Predicted
		}
		return out[i].Sieve < out[j].Sieve
	})
	return out, nil
}

// WriteSieves prints BySieve's rows as an aligned table.
func WriteSieves(w io.Writer, rows []SieveRow) error {
	if _, err := fmt.Fprintf(w, "%-20s %9s %8s %6s %9s\n", "sieve", "predicted", "matched", "right", "precision"); err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := fmt.Fprintf(w, "%-20s %9d %8d %6d %9.4f\n", r.Sieve, r.Predicted, r.Matched, r.Right, r.Precision()); err != nil {
			return err
		}
	}
	return nil
}
