// Package score is a faithful Go port of the reference scorer
// ../shared/eval/score.py: given gold and predicted quotes it prints, byte
// for byte, what the Python script prints.
//
// The pipeline:
//
//  1. Load or Parse reads JSON Lines the way Python's json module does:
//     object keys keep their order, a repeated id replaces the earlier
//     document in its first position, numbers keep their int/float nature.
//  2. Evaluate matches predictions to gold quotes per document (greedy,
//     largest overlap first, ties broken like Python's reverse tuple sort),
//     checks speakers (fold = NFKD, no combining marks, casefold; aliases,
//     lenient surnames, unnamed descriptions) and tallies per language.
//  3. Report.WriteText / WriteJSON print the result with Python's reprs:
//     round(x, 4) with ties to even on the exact binary value, shortest
//     float repr, dict and list reprs, json.dumps(ensure_ascii=False).
//
// Where score.py would crash (a missing key, a value of the wrong type) the
// port returns an error at the same point instead.
package score
