#!/usr/bin/env bash
# Measures `generator calc` on a register of 1,000,000 households (or
# ROWS): wall time and peak RSS (/usr/bin/time -f %M) for a CSV register
# to CSV, to .xlsx, an .xlsx register to .xlsx, and a JSON array to JSON;
# and the ratio of the CSV run to parsing the same CSV alone
# (encoding/csv). The goals: peak RSS ≤ 200 MB whatever the size
# (streaming), CSV ≤ 5 × parse once calc is fast. Takes minutes: not
# part of CI.
#
#   bash scripts/bench-batch.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

go build -o "$dir/generator" ./generator
go build -o "$dir/genregister" ./calc/batch/internal/cmd/genregister
echo "writing registers of $rows households…" >&2
"$dir/genregister" -rows "$rows" -out "$dir/r.csv"
"$dir/genregister" -rows "$rows" -out "$dir/r.json"
"$dir/genregister" -rows "$rows" -out "$dir/r.xlsx"
read -r parse_ms records < <("$dir/genregister" -parse "$dir/r.csv")
csv_mb=$(( $(stat -c %s "$dir/r.csv") / 1000000 ))
printf 'register: %d households, CSV %d MB; parsing it alone (encoding/csv): %d ms\n\n' "$((records - 1))" "$csv_mb" "$parse_ms"

# measure NAME ARGS…: runs generator calc, prints seconds, peak RSS, ratio to parse.
measure() {
	local name=$1
	shift
	local code=0
	/usr/bin/time -f '%e %M' -o "$dir/time" "$dir/generator" calc --date 2016-06-01 "$@" >"$dir/stdout" 2>"$dir/stderr" || code=$?
	local secs kb
	read -r secs kb < <(tail -1 "$dir/time")
	local ms
	ms=$(awk -v s="$secs" 'BEGIN { printf "%d", s * 1000 }')
	printf '%-24s %8.1f s %8d MB peak RSS %8.1f × parse  exit %d\n' "$name" "$secs" "$((kb / 1024))" \
		"$(awk -v a="$ms" -v b="$parse_ms" 'BEGIN { printf "%.1f", a / b }')" "$code"
	if [ "$code" != 0 ]; then head -3 "$dir/stderr" >&2; fi
}

measure "CSV → CSV (stdout)" --csv "$dir/r.csv"
measure "CSV → .xlsx" --csv --out "$dir/a.xlsx" "$dir/r.csv"
measure ".xlsx → .xlsx" --out "$dir/b.xlsx" "$dir/r.xlsx"
measure "JSON array → JSON" "$dir/r.json"
measure "/dev/zero (JSON)" /dev/zero
measure "/dev/zero (CSV)" --csv /dev/zero
