#!/usr/bin/env bash
# Prints B-cubed precision, recall and F1 of speaker ids on each evaluation
# corpus in ../shared/eval (every file is one corpus: all its articles are
# extracted, then linked together), over all matched quotes and over the
# quotes the extractor attributed right inside their article (the linking
# alone). The gold identity rules are in speakers/bcubed_test.go.
#
#   scripts/bcubed.sh            the figures
#   DUMP=1 scripts/bcubed.sh     also every impure cluster, both ways
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -n "${DUMP:-}" ]]; then
	export BCUBED_DUMP=1
fi
go test ./speakers -run 'TestBCubed' -count=1 -v | grep -E 'jsonl|PRED|GOLD|FAIL|^ok' | sed 's/^ *bcubed_test.go:[0-9]*: //'
