#!/usr/bin/env bash
# fuzz.sh: nightly-style fuzzing of what takes outside input, outside CI's
# time budget. Each target runs FUZZTIME (default 60s); a failure stops the
# script, and the input that found it is saved under the package's
# testdata/fuzz/<target>/ (commit it: it becomes a regression test, and the
# search targets' inputs also run through search.js in TestJSMatchesGo).
#
#   bash scripts/fuzz.sh              # every target, 60 s each
#   FUZZTIME=10m bash scripts/fuzz.sh
#
# Add a target: one "fuzz <package> <target>" line below.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-60s}

fuzz() {
  echo "== $1 $2 ($FUZZTIME)"
  go test -run '^$' -fuzz "^$2\$" -fuzztime "$FUZZTIME" "$1"
}

# Search: the tokenizer (page text, queries) and query evaluation (?q=).
fuzz ./generator/search/ FuzzTokenize
fuzz ./generator/search/ FuzzQuery
