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
//     still null) and a small summary of its speakers (names, aliases,
//     roles, gender, which quote each said): what speakers.Linker.Add needs.
//     A malformed line is counted and reported with its file and line.
//  3. link.go: the summaries are grouped and linked with the speakers
//     package, the very code `verbatim extract --jsonl` runs, which gives
//     every quote its speaker id and the corpus its speakers list. See
//     README.md for how this stage is keyed and what crosses keys.
//  4. join.go: the ids are joined back to the output lines on the document's
//     place (CoGroupByKey), and the lines are written in shards
//     (write.go): PREFIX-SSSSS-of-NNNNN.jsonl, PREFIX-speakers.jsonl, and
//     PREFIX-errors.jsonl for the lines that failed.
package pipeline
