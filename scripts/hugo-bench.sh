#!/usr/bin/env bash
# Compare `verbatim build` with Hugo on the same machine, in the same run, on
# the same generated corpus: N news-sized Markdown articles (3-6 KB, French
# and English, with quotes). Hugo gets the same articles plus one page per
# quote and a speakers taxonomy, so both build a comparable number of pages.
#
# Prints wall time, CPU time (user + system) and peak memory (GNU time) of:
# verbatim's full build (extraction included, empty cache), verbatim's
# rebuild after one article changed, its rebuild after a second change
# (the usual case: from then on a build finds beside the site the one
# before it, and brings it up to date instead of linking every file into
# a new folder), Hugo's full build, and Hugo's build after the same
# change; then the ratios the targets are stated in:
# verbatim's full build over Hugo's (also per file written, since the two
# sites do not have the same number of pages), and each tool's rebuild over
# its full build. On a machine shared with other work, wall times swing
# from run to run; CPU time is steadier, and the ratios of one run compare
# builds that ran side by side.
#
# Needs: go, hugo (apt-get install hugo), GNU time (apt-get install time).
# Usage: scripts/hugo-bench.sh [N]    (default 2500; KEEP=1 keeps the work folder;
#        VERBATIM=path/to/binary measures that build of verbatim instead of this tree's)
set -euo pipefail

n=${1:-2500}
root=$(cd "$(dirname "$0")/.." && pwd)
for tool in go hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "hugo-bench: $tool is missing (apt-get install hugo time)" >&2; exit 1; }
done

work=$(mktemp -d)
if [ "${KEEP:-}" = 1 ]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi

echo "Building verbatim and generating $n articles..."
if [ -n "${VERBATIM:-}" ]; then cp "$VERBATIM" "$work/verbatim"; else (cd "$root" && go build -o "$work/verbatim" .); fi
(cd "$root" && go run ./render/internal/sitegen/cmd/sitegen -n "$n" -out "$work/site/content" -hugo "$work/hugo")
printf 'title: bench\nbase_url: https://example.org/\n' > "$work/site/verbatim.yaml"

# measure KEY LABEL DIR CMD...: run CMD in DIR under GNU time, print one
# row and keep its wall and CPU seconds in wall[KEY] and cpu[KEY].
declare -A wall cpu
measure() {
  local key=$1 label=$2 dir=$3; shift 3
  if ! (cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o "$work/time.log" "$@" >"$work/out.log" 2>&1); then
    cat "$work/out.log" "$work/time.log" >&2
    echo "hugo-bench: $label failed" >&2
    exit 1
  fi
  local e u s rss
  read -r e u s rss < <(tail -n 1 "$work/time.log")
  wall[$key]=$e
  cpu[$key]=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
  printf '%-30s %8.2f s %8.2f s %7d MB\n' "$label" "$e" "${cpu[$key]}" $((rss / 1024))
}

touch_article() { # append a quote to the first article of a content folder
  local f
  f=$(find "$1" -name '00000-article.md' | head -n 1)
  printf '\n« Une phrase ajoutée %s », a déclaré Hélène Marchetti-Roux.\n' "$RANDOM" >> "$f"
}

printf '\n%-30s %10s %10s %10s\n' "build" "wall" "CPU" "peak RSS"
measure vfull "verbatim full (empty cache)" "$work/site" "$work/verbatim" build --cache "$work/cache"
touch_article "$work/site/content"
measure vone "verbatim after one article" "$work/site" "$work/verbatim" build --cache "$work/cache"
touch_article "$work/site/content"
measure vtwo "verbatim after another one" "$work/site" "$work/verbatim" build --cache "$work/cache"
measure hfull "hugo full" "$work/hugo" hugo --quiet --destination public
touch_article "$work/hugo/content/articles"
measure hone "hugo after one article" "$work/hugo" hugo --quiet --destination public

pages() { find "$1" -name '*.html' | wc -l; }
files() { find "$1" -type f | wc -l; }
vfiles=$(files "$work/site/public")
hfiles=$(files "$work/hugo/public")
printf '\nHTML pages: verbatim %d, hugo %d; all files: verbatim %d, hugo %d\n' \
  "$(pages "$work/site/public")" "$(pages "$work/hugo/public")" "$vfiles" "$hfiles"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
perfile() { ratio "$(awk -v a="$1" -v n="$vfiles" 'BEGIN { print a / n }')" "$(awk -v a="$2" -v n="$hfiles" 'BEGIN { print a / n }')"; }
printf 'verbatim full / hugo full: wall %s, CPU %s; per file written: wall %s, CPU %s\n' \
  "$(ratio "${wall[vfull]}" "${wall[hfull]}")" "$(ratio "${cpu[vfull]}" "${cpu[hfull]}")" \
  "$(perfile "${wall[vfull]}" "${wall[hfull]}")" "$(perfile "${cpu[vfull]}" "${cpu[hfull]}")"
printf 'rebuild after one article / full: verbatim wall %s, CPU %s; hugo wall %s, CPU %s\n' \
  "$(ratio "${wall[vone]}" "${wall[vfull]}")" "$(ratio "${cpu[vone]}" "${cpu[vfull]}")" \
  "$(ratio "${wall[hone]}" "${wall[hfull]}")" "$(ratio "${cpu[hone]}" "${cpu[hfull]}")"
printf 'rebuild after another article / full: verbatim wall %s, CPU %s\n' \
  "$(ratio "${wall[vtwo]}" "${wall[vfull]}")" "$(ratio "${cpu[vtwo]}" "${cpu[vfull]}")"
