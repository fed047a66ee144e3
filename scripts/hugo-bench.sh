#!/usr/bin/env bash
# Compare `verbatim build` with Hugo on the same machine, in the same run, on
# the same generated corpus: N news-sized Markdown articles (3-6 KB, French
# and English, with quotes). Hugo gets the same articles plus one page per
# quote and a speakers taxonomy, so both build a comparable number of pages.
#
# Prints wall time and peak memory (GNU time -v) of: verbatim's full build
# (extraction included, empty cache), verbatim's rebuild after one article
# changed, Hugo's full build, and Hugo's build after the same change.
#
# Needs: go, hugo (apt-get install hugo), GNU time (apt-get install time).
# Usage: scripts/hugo-bench.sh [N]    (default 2500; KEEP=1 keeps the work folder)
set -euo pipefail

n=${1:-2500}
root=$(cd "$(dirname "$0")/.." && pwd)
for tool in go hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "hugo-bench: $tool is missing (apt-get install hugo time)" >&2; exit 1; }
done

work=$(mktemp -d)
if [ "${KEEP:-}" = 1 ]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi

echo "Building verbatim and generating $n articles..."
(cd "$root" && go build -o "$work/verbatim" . && go run ./render/internal/sitegen/cmd/sitegen -n "$n" -out "$work/site/content" -hugo "$work/hugo")
printf 'title: bench\nbase_url: https://example.org/\n' > "$work/site/verbatim.yaml"

# measure LABEL DIR CMD...: run CMD in DIR under GNU time, print one row.
measure() {
  local label=$1 dir=$2; shift 2
  if ! (cd "$dir" && /usr/bin/time -v "$@" >"$work/out.log" 2>"$work/time.log"); then
    cat "$work/out.log" "$work/time.log" >&2
    echo "hugo-bench: $label failed" >&2
    exit 1
  fi
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.log")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.log")
  printf '%-34s %10s %10d MB\n' "$label" "$wall" $((rss / 1024))
}

touch_article() { # append a quote to the first article of a content folder
  local f
  f=$(find "$1" -name '00000-article.md' | head -n 1)
  printf '\n« Une phrase ajoutée %s », a déclaré Hélène Marchetti-Roux.\n' "$RANDOM" >> "$f"
}

printf '\n%-34s %10s %13s\n' "build" "wall" "peak RSS"
measure "verbatim full (empty cache)" "$work/site" "$work/verbatim" build --cache "$work/cache"
touch_article "$work/site/content"
measure "verbatim after one article" "$work/site" "$work/verbatim" build --cache "$work/cache"
measure "hugo full" "$work/hugo" hugo --quiet --destination public
touch_article "$work/hugo/content/articles"
measure "hugo after one article" "$work/hugo" hugo --quiet --destination public

pages() { find "$1" -name '*.html' | wc -l; }
printf '\nHTML pages: verbatim %d, hugo %d (verbatim also writes %d other files)\n' \
  "$(pages "$work/site/public")" "$(pages "$work/hugo/public")" \
  "$(find "$work/site/public" -type f ! -name '*.html' | wc -l)"
