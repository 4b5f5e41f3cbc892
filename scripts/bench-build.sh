#!/usr/bin/env bash
# Times a full build of a synthetic 10,000-clause site with our generator
# and, when Hugo is installed (apt-get install hugo), with Hugo on the same
# pages. Prints wall time, files written and peak memory of each.
#   bash scripts/bench-build.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/generator" ./generator
go run ./scripts/benchbuild -n "$n" -out "$work/site" >/dev/null

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; return 1; }
  read -r secs kb < "$work/time"
  printf '%-28s %8.2f s  %7d MiB peak RSS\n' "$label" "$secs" $((kb / 1024))
}
count() { find "$1" -type f | wc -l; }

echo "synthetic site: $n clauses plus the real content"
measure "generator build (cold)" "$work/generator" build --content "$work/site/content" --out "$work/public"
measure "generator build (again)" "$work/generator" build --content "$work/site/content" --out "$work/public"
echo "  files written: $(count "$work/public") (of which search index: $(count "$work/public/search"))"
if command -v hugo >/dev/null; then
  measure "hugo (cold)" hugo --quiet -s "$work/site/hugo" -d "$work/hugo-public"
  measure "hugo (again)" hugo --quiet -s "$work/site/hugo" -d "$work/hugo-public"
  echo "  files written: $(count "$work/hugo-public") ($(hugo version | cut -d' ' -f1-2))"
else
  echo "hugo not installed: apt-get install -y hugo to compare"
fi
