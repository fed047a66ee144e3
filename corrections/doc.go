// Package corrections applies the editors' corrections (corrections.yaml in
// the site folder) to the quotes of a build, so that a correction survives
// every rebuild.
//
// The file is a list of entries:
//
//	# corrections.yaml
//	- quote: q-3f9a0c1d2e4b5a69    # the quote id (extract.QuoteID: article id + span)
//	  action: reject                # reject | speaker | verify
//	  note: Not a quotation, the title of a report.
//	  by: Ann Editor
//	  date: 2024-05-02
//	- quote: q-77aa0b1c2d3e4f50
//	  action: speaker
//	  speaker: Mara Quellen         # the speaker the quote moves to (a name or a speaker id)
//	  note: The article misplaces the attribution; see the video.
//	  by: Ann Editor
//	  date: 2024-05-03
//	- quote: q-0123456789abcdef
//	  action: verify                # checked against the recording
//	  by: Joe Checker
//	  date: 2024-05-04
//
// The pipeline: Load (or Parse) validates the file, naming file:line on any
// error (an unknown key, an unknown action, a date that is not YYYY-MM-DD, a
// speaker missing for action speaker or given for another, an entry after
// the quote's rejection). Apply then takes the linked records of the whole
// site, in display order, and returns the records to publish:
//
//   - reject: the quote is left out of every page, feed and quotes.json;
//   - speaker: the quote goes to the speaker the name resolves to (an
//     existing speaker, by name or alias, or a new one);
//   - verify: the record carries verified, verified_by, verified_on.
//
// The Report lists every correction applied, with the record before and
// after, for the public corrections page, and every stale entry: a quote id
// no article yields any more. Stale entries are warnings, never errors, and
// the file is never rewritten: an entry is only ever removed by an editor.
// Quote ids depend only on the article's id and the quote's span, so
// editing, adding or removing other articles never makes an entry stale.
package corrections
