#!/usr/bin/env bash
# Measures how fast `verbatim extract` runs and how much memory it takes.
#
#  1. go test -bench: BenchmarkExtract and BenchmarkBaseline on each dev corpus
#     (one worker), and their ratio: the extractor's own cost over the floor of
#     decoding JSON Lines, indexing text by code point and writing a line.
#  2. The CLI (`verbatim extract --jsonl -j 1` and `-j 2`) on the dev corpora
#     concatenated, then on a ~1 GB JSON Lines file made by repeating them
#     (also with --no-speaker-ids), with wall time, MB/s and peak RSS from
#     /usr/bin/time -v.
#
# Environment: EVAL (default ../shared/eval), SIZE_MB (size of the big file,
# default 1024; 0 skips it), BENCHTIME (go test -benchtime, default 3x),
# JOBS (worker counts, default "1 2").
set -euo pipefail
cd "$(dirname "$0")/.."

EVAL=${EVAL:-../shared/eval}
SIZE_MB=${SIZE_MB:-1024}
BENCHTIME=${BENCHTIME:-3x}
JOBS=${JOBS:-1 2}

shopt -s nullglob
corpora=("$EVAL"/*.jsonl)
if [ ${#corpora[@]} -eq 0 ]; then
	echo "bench.sh: no corpora in $EVAL" >&2
	exit 1
fi
if [ ! -x /usr/bin/time ]; then
	echo "bench.sh: installing GNU time (for peak RSS)" >&2
	apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== go test -bench, one worker (MB/s of document text) =="
go test -run '^$' -bench '^Benchmark(Extract|Baseline)$' -benchtime "$BENCHTIME" ./extract/ | tee "$tmp/bench.txt"
echo
echo "corpus                 extract MB/s  baseline MB/s   extract/baseline time"
awk '
	/^Benchmark(Extract|Baseline)\// {
		split($1, p, "/"); kind = p[1]; sub(/^Benchmark/, "", kind)
		name = p[2]; sub(/-[0-9]+$/, "", name)
		for (i = 2; i <= NF; i++) if ($(i+1) == "MB/s") speed[kind, name] = $i
		names[name] = 1
	}
	END {
		for (n in names) if (speed["Extract", n] > 0)
			printf "%-22s %12.2f %14.2f %20.1fx\n", n, speed["Extract", n], speed["Baseline", n], speed["Baseline", n] / speed["Extract", n]
	}' "$tmp/bench.txt" | sort

go build -o "$tmp/verbatim" .
cat "${corpora[@]}" >"$tmp/dev.jsonl"

# measure LABEL FILE ARGS...: run the CLI, print size, time, MB/s and peak RSS.
measure() {
	local label=$1 file=$2
	shift 2
	/usr/bin/time -v "$tmp/verbatim" extract --jsonl "$file" "$@" >/dev/null 2>"$tmp/time.txt" || {
		cat "$tmp/time.txt" >&2
		return 1
	}
	awk -v label="$label" -v bytes="$(stat -c %s "$file")" '
		/Elapsed \(wall clock\)/ {
			n = split($NF, t, ":"); secs = 0
			for (i = 1; i <= n; i++) secs = secs * 60 + t[i]
		}
		/Maximum resident set size/ { rss = $NF / 1024 }
		END { printf "%-22s %9.1f MB %9.1f s %9.2f MB/s %9.1f MB peak RSS\n", label, bytes / 1e6, secs, bytes / 1e6 / secs, rss }
	' "$tmp/time.txt"
}

echo
echo "== verbatim extract --jsonl =="
for j in $JOBS; do
	measure "dev corpora, -j $j" "$tmp/dev.jsonl" -j "$j"
done

if [ "$SIZE_MB" -gt 0 ]; then
	size=$(stat -c %s "$tmp/dev.jsonl")
	repeats=$(((SIZE_MB * 1024 * 1024 + size - 1) / size))
	# Each repeat prefixes its ids ("r3-…"): a document id used twice is
	# an error, and every line must be extracted, not skipped.
	for ((i = 0; i < repeats; i++)); do sed "s/\"id\": *\"/&r$i-/" "$tmp/dev.jsonl"; done >"$tmp/big.jsonl"
	for j in $JOBS; do
		measure "${SIZE_MB} MB file, -j $j" "$tmp/big.jsonl" -j "$j"
	done
	# Streaming without linking: memory bounded by the largest document.
	measure "${SIZE_MB} MB, no ids, -j 1" "$tmp/big.jsonl" -j 1 --no-speaker-ids
fi
