#!/usr/bin/env bash
# Nightly-style fuzzing of everything that takes outside input; not part of
# CI's time. Each target runs for FUZZTIME (default 60s); the last progress
# line (execs, time) and the result of each are printed, and a summary at
# the end. A failing input is kept under the package's testdata/fuzz/ and
# then replays in plain `go test` runs.
#
#   bash scripts/fuzz.sh               # every target
#   bash scripts/fuzz.sh Loader        # targets whose name matches
#   FUZZTIME=10m bash scripts/fuzz.sh
#
# To add a target, append a line `fuzz <package> <FuzzName>` at the end.
set -uo pipefail
cd "$(dirname "$0")/.."

FUZZTIME=${FUZZTIME:-60s}
FILTER=${1:-}
# Minimising each new interesting input may otherwise take up to 60 s and
# leave little of FUZZTIME for fuzzing.
MINIMIZE=${FUZZMINIMIZETIME:-2s}
declare -a RESULTS=()
FAILED=0

fuzz() {
	local pkg=$1 name=$2 log status last
	[[ -n $FILTER && $name != *$FILTER* ]] && return 0
	log=$(mktemp)
	echo "== $name ($pkg, $FUZZTIME)"
	go test -run='^$' -fuzz="^${name}\$" -fuzztime="$FUZZTIME" -fuzzminimizetime="$MINIMIZE" "$pkg" >"$log" 2>&1
	status=$?
	last=$(grep '^fuzz: elapsed' "$log" | tail -n 1)
	if [[ $status -eq 0 ]]; then
		RESULTS+=("ok    $name: $last")
	else
		FAILED=1
		RESULTS+=("FAIL  $name: $last")
		grep -v '^fuzz: elapsed' "$log" | tail -n 20
	fi
	echo "$last"
	rm -f "$log"
}

summary() {
	echo
	echo "== fuzz summary (FUZZTIME=$FUZZTIME)"
	printf '%s\n' "${RESULTS[@]}"
	exit $FAILED
}
trap summary EXIT

fuzz ./generator/model FuzzLoadClause
fuzz ./generator/model FuzzLocator
fuzz ./generator/preview FuzzHandler
# Search: the tokenizer (page text, queries) and query evaluation (?q=);
# their saved inputs also run through search.js in TestJSMatchesGo.
fuzz ./generator/search FuzzTokenize
fuzz ./generator/search FuzzQuery
# Calculator: a household's JSON answered (no panic, same as Evaluate),
# the standards' JSON parameters, and the batch readers (spreadsheet
# bytes in any encoding, streamed JSON arrays with their limits).
fuzz ./calc FuzzRun
fuzz ./calc/rules FuzzParseStandards
fuzz ./calc/batch FuzzSheet
fuzz ./calc/batch/jsonstream FuzzReader
