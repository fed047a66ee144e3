// Package pipeline is verbatim's extraction and speaker linking as an Apache
// Beam pipeline, built from portable transforms only (ParDo, GroupByKey,
// CoGroupByKey, Flatten, Reshuffle), so that one job runs unchanged on
// Prism, Flink, Spark and Dataflow.
//
// The stages, for documents read from JSON Lines files:
//
//  1. read.go: the files matched by the input glob, in name order, are read
//     line by line; each line carries its place in the corpus (file index,
//     line number), because speaker ids depend on corpus order exactly as
//     in `verbatim extract --jsonl` given the same files in the same order.
//  2. extract.go: after a Reshuffle, each line is parsed and extracted with
//     the extract package. A document gives its output line (speaker ids
//     still null) and its speakers' mentions (speakers.Mention: names,
//     aliases, roles, gender, which quote each said), sent to the first
//     link stage's groups. A malformed line is counted and reported with
//     its file and line.
//  3. link.go: the speakers package's keyed stages (speakers.Linker.Stages,
//     the very functions `verbatim extract --jsonl` runs in memory), a
//     GroupByKey each: names by surname or acronym, slips by given names,
//     context by document, statistics by cluster, organisation names,
//     surnames alone by surname, speakers.yaml, describing and assigning by
//     speaker, numbering by id root. No group holds the corpus: each holds
//     one key's mentions. The last gives every quote its speaker id, the
//     numbering the speakers list. See README.md.
//  4. join.go: the ids are joined back to the output lines on the document's
//     place (CoGroupByKey), and the lines are written in shards
//     (write.go): PREFIX-SSSSS-of-NNNNN.jsonl, PREFIX-speakers.jsonl, and
//     PREFIX-errors.jsonl for the lines that failed.
package pipeline
