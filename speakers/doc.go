// Package speakers links the speakers of many articles into corpus-wide
// speakers, each with a stable, readable id ("antony-brellick"), and applies
// what editors know about them (speakers.yaml).
//
// The pipeline, for one corpus (a site, or one JSON Lines run):
//
//  1. Add takes each article's extract.Result in corpus order: the speakers
//     the extractor found in that article (canonical name, other forms,
//     organisation flag, gender, roles) and which quote each said.
//  2. Link sorts them into people, organisations and described speakers
//     ("a witness": lowercase), then links them as below.
//  3. speakers.yaml is applied over the automatic links.
//  4. Every speaker gets its canonical name (the most frequent full form),
//     its aliases, counts, the merges made or suggested, and an id: the slug
//     of its name, the first in corpus order keeping the bare slug and the
//     next ones "-2", "-3"; an id from speakers.yaml wins.
//
// Organisations are linked on the same folded name (case, accents,
// punctuation, a leading article) or on an acronym that an article pairs
// with the name or that only one organisation of the corpus spells out
// (HRW, Human Rights Watch); never with people.
//
// Full names are indexed by surname and first letter of the given name.
// Two names are one person when their given names agree: the same once
// accents and hyphens are folded, an initial (D. for Donald), a middle name
// on one side only, or a one-letter slip (Antony, Anthony) between names of
// four letters or more that are not both known given names (Mark and Mary
// are two people). Two people with the same given names whose surnames of
// seven letters or more differ by one slip (Marianne Kowalczyk, Marianne
// Kowalczik) are one when no article quotes both. Inside a surname the linkage is complete: a name joins a
// group only if it agrees with every name in it, so a plain "George Pellam"
// never makes one person of George W. and George H. W. Pellam. Two speakers
// of one article are never joined: Donald and Eric Quarrey quoted together
// are two people everywhere.
//
// A surname alone ("Quarrey", "Mr. Quarrey" when the article gives no
// fuller name) joins the person of that surname when the corpus has only
// one, or when the article's role words or co-quoted speakers pick one, or
// when one has Options.Dominance times more articles than the next, and
// never when the article also quotes someone else with that surname or the
// genders differ. Otherwise it stays a speaker of its own, with the
// candidates listed as suggested merges, for editors to settle in
// speakers.yaml. Surnames alone that no one bears in full are one speaker
// across articles that share a role or a co-quoted speaker. An article's
// co-quoted speakers are fixed before any surname alone is linked: its
// people named in full and organisations, and each surname alone as
// itself ("Berthe" beside "Julien" in two articles: one Berthe, one
// Julien).
//
// A speaker opening with an article or an indefinite one ("a witness", "A
// spokesperson for the police department" at a sentence start, "Un
// porte-parole") is described, not named. Described speakers are never
// linked across articles: each is one
// article's, with an id that carries the article ("a-witness-3f9a0c"),
// because two articles' witnesses are two people while two quotes of one
// article's witness are one.
//
// Everything depends only on the documents and their order. The work is
// linear in the number of speakers apart from comparisons inside one
// surname and first letter.
//
// # Keyed stages
//
// Linking is a list of keyed stages (Linker.Stages): every item (a
// Mention, or a summary one stage gives the next) goes to the groups its
// key names, and each group is a plain function of its items, whatever
// their order: full names by surname and organisations by acronym, slips
// by given names, co-quoted context by document, statistics by cluster,
// single names by organisation name, surnames alone by surname,
// speakers.yaml and the speaker's description by cluster, ids by the id's
// root (the id less trailing "-digits": the speakers first quoted earlier
// keep the bare slug). Link runs them in memory (Run); a pipeline runs one
// GroupByKey per stage, and no group holds more than one key's mentions.
//
// Most stages combine (Stage.Combine): the mentions of one group that are
// alike in all the stage reads (their form: all but their place and
// quotes) reach it as one, the first in corpus order standing for all of
// them (W), and what the group decides for it goes to each. What a
// decision needs of each article is fixed beforehand by stages keyed by
// document (mates, context, leads) and carried in the mention, so a group
// grows with the distinct forms under its key, not with how often they
// occur.
//
// # speakers.yaml
//
// A list of speakers, in the site folder beside the content folder:
//
//	# speakers.yaml
//	- name: Antony Brellick          # canonical name (required)
//	  id: brellick                   # optional: lowercase, digits, hyphens
//	  aliases: [Tony Brellick]       # articles writing the name so mean this speaker
//	  description: Port minister of Valbrune
//	  qid: Q4242                     # Wikidata item: linked, and sameAs in JSON-LD
//	  merge: [Brellick]              # detected speakers (as `verbatim speakers` prints them) to fold in
//	- name: Harrow Port Authority
//	  org: true                      # an organisation: never merged with people
//	  aliases: [HPA]
//	- name: Republican
//	  not_a_person: true             # not a speaker: its quotes get none
//	- name: Boris Halvorsen
//	  split:                         # some of the quotes are someone else's
//	    - name: Dustin Halvorsen     # the speaker they go to
//	      match:                     # every field given must hold
//	        docs: ["sport/*"]        # article ids or path.Match patterns
//	        mentions: [Halvorsen]    # the article writes the speaker so
//	        roles: [golfer]          # role words the article gives
//	        quotes: [q-3f9a0c1d2e4b5a69]
//
// name and aliases take every article's speaker written that way; merge
// takes whole detected speakers. A name, alias or merge belongs to one entry
// only. Split rules run last, on the quotes the entry ended up with, in
// order; the first rule that matches a quote moves it. Entries and rules
// that match nothing are reported as warnings.
package speakers
