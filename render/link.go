package render

import (
	"github.com/verbatim-news/verbatim/corrections"
	"github.com/verbatim-news/verbatim/speakers"
)

// corpus is the site's quotes once speakers are linked across articles and
// the editors' corrections applied: what the model is built from.
type corpus struct {
	speakers *speakers.Result
	// records are the quotes to publish, by article (the index in the
	// articles given to linkCorpus), rejected ones left out.
	records [][]speakers.Record
	fixes   corrections.Report
	// warnings are for the editors: speakers.yaml rules that matched
	// nothing, corrections whose quote is gone. The build goes on.
	warnings []string
}

// linkCorpus links the speakers of every article, in the order given (the
// corpus order, which fixes the speaker ids), applies speakers.yaml (cfg)
// and corrections.yaml (fixes) and recounts the speakers as published.
func linkCorpus(arts []article, cfg *speakers.Config, fixes *corrections.File) (*corpus, error) {
	// A speaker id is a folder under speakers/: the site's own pages
	// there must not be handed out.
	lk, err := speakers.New(cfg, speakers.Options{Reserved: []string{unattributedSlug}})
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		lk.Add(a.doc.ID, a.result)
	}
	res := lk.Link()
	c := &corpus{speakers: res, warnings: append([]string(nil), res.Warnings...)}

	var all []speakers.Record
	for i, a := range arts {
		all = append(all, res.Records(i, a.result.Quotes)...)
	}
	if fixes == nil {
		fixes = &corrections.File{}
	}
	published, rep := fixes.Apply(all, res)
	c.fixes = rep
	c.warnings = append(c.warnings, rep.Warnings()...)
	res.Recount(published)

	// Apply keeps the order of its input, which is article by article.
	at := make(map[string]int, len(arts))
	for i, a := range arts {
		at[a.doc.ID] = i
	}
	c.records = make([][]speakers.Record, len(arts))
	for _, r := range published {
		i := at[r.DocID]
		c.records[i] = append(c.records[i], r)
	}
	return c, nil
}
