#!/usr/bin/env bash
# Build benchmark (not part of CI): synthetic sites of 1,000, 10,000 and
# 50,000 clauses (scripts/benchbuild), built by our generator and, on the
# same pages, by Hugo (apt-get install hugo) and Hugo + Pagefind 1.6 (npm
# pagefind@1.6.0, installed here into a temporary directory).
#
#   bash scripts/bench-build.sh [--profile] [SIZES] [PAIRS]   # default "1000 10000 50000" 3
#
# For each size: one untimed build fills the caches (the calculator's
# WebAssembly, the compressed forms); then PAIRS pairs alternate our full
# build into a fresh --out with Hugo's into a fresh directory (and
# Pagefind on Hugo's output), and print wall time, peak RSS, time and RSS
# per clause, the files written (ours: site files, .gz/.br forms beside
# them, of which the search index), and the median ratio of the pairs.
# Last, incremental builds: the same --out built once more (so both of
# its trees are filled), then PAIRS times one clause's title edited and
# the site built again (publish included); their median is printed next
# to the full build's, with time and RSS per clause.
#
# With --profile, a CPU profile of one full build and of one incremental
# build per size, and the top 8 functions of each (go tool pprof -top,
# by cumulative time of the generator's own functions, then by flat time).
#
# Every run writes into a directory of its own and nothing is deleted
# until the end: ext4 makes file creation slow for a while after many
# deletions (its inode allocator skips recently deleted inodes), which
# would penalise whichever builder runs after a cleanup.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=false
if [ "${1:-}" = --profile ]; then profile=true; shift; fi
sizes=${1:-"1000 10000 50000"}
pairs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GYPORTAL_CACHE=$work/cache
go build -o "$work/generator" ./generator

have_hugo=false
if command -v hugo >/dev/null; then have_hugo=true; fi
pagefind=""
if $have_hugo && command -v npm >/dev/null; then
  if (cd "$work" && npm install --silent --no-audit --no-fund pagefind@1.6.0 >/dev/null 2>&1); then
    pagefind="$work/node_modules/.bin/pagefind"
  else
    echo "pagefind@1.6.0 could not be installed from npm: no Hugo + Pagefind figures"
  fi
fi

# measure OUTFILE command...: runs the command, writes "seconds kib" to OUTFILE.
measure() {
  local out=$1; shift
  /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
files() { find -L "$1" -type f ! -name '*.gz' ! -name '*.br' ! -name .gyportal-build | wc -l; }
forms() { find -L "$1" -type f \( -name '*.gz' -o -name '*.br' \) | wc -l; }
row() { # label seconds kib n
  awk -v l="$1" -v s="$2" -v k="$3" -v n="$4" 'BEGIN {
    printf "  %-22s %8.2f s %7d MiB   %7.1f µs/clause %6.1f KiB/clause\n", l, s, k/1024, s*1e6/n, k/n }'
}

for n in $sizes; do
  site=$work/site-$n
  go run ./scripts/benchbuild -n "$n" -out "$site" >/dev/null
  echo "== $n clauses (plus the real content) =="
  "$work/generator" build --quiet --content "$site/content" --out "$work/warm-$n"
  : >"$work/ours"; : >"$work/hugo"; : >"$work/pf"; : >"$work/r-hugo"; : >"$work/r-pf"
  for i in $(seq "$pairs"); do
    measure "$work/t" "$work/generator" build --quiet --content "$site/content" --out "$work/out-$n-$i"
    read -r os ok <"$work/t"; echo "$os" >>"$work/ours"; row "ours, pair $i" "$os" "$ok" "$n"
    if $have_hugo; then
      measure "$work/t" hugo --quiet -s "$site/hugo" -d "$work/hugo-$n-$i"
      read -r hs hk <"$work/t"; echo "$hs" >>"$work/hugo"; row "hugo, pair $i" "$hs" "$hk" "$n"
      [ "$i" = 1 ] && hugo_files=$(files "$work/hugo-$n-1")
      echo "$(ratio "$os" "$hs")" >>"$work/r-hugo"
      if [ -n "$pagefind" ]; then
        measure "$work/t" "$pagefind" --site "$work/hugo-$n-$i"
        read -r ps pk <"$work/t"
        row "pagefind, pair $i" "$ps" "$pk" "$n"
        echo "$(ratio "$os" "$(awk -v a="$hs" -v b="$ps" 'BEGIN {print a+b}')")" >>"$work/r-pf"
        echo "$pk" >>"$work/pf"
      fi
    fi
  done
  o=$work/out-$n-1
  echo "  files, ours: $(files "$o") (search index $(files "$o/search")), plus $(forms "$o") .gz/.br forms"
  if $have_hugo; then
    echo "  files, hugo: $hugo_files ($(hugo version | cut -d' ' -f1-2)); pagefind adds $(( $(files "$work/hugo-$n-1") - hugo_files ))"
    echo "  median ratio ours / hugo:            $(median <"$work/r-hugo")"
    if [ -s "$work/r-pf" ]; then
      echo "  median ratio ours / (hugo+pagefind): $(median <"$work/r-pf")   (pagefind peak RSS $(( $(median <"$work/pf") / 1024 )) MiB)"
    fi
  fi
  "$work/generator" build --quiet --content "$site/content" --out "$o"     # fills the second tree
  f=$site/content/measures/9.$((n / 2 / 100 + 1)).$((n / 2 % 100 + 1)).toml  # as scripts/benchbuild names them
  : >"$work/inc"
  for i in $(seq "$pairs"); do
    sed -i 's/^title = "\(.*\)"/title = "\1（第'"$i"'次修改）"/' "$f"
    measure "$work/t" "$work/generator" build --quiet --content "$site/content" --out "$o"
    read -r is ik <"$work/t"; echo "$is" >>"$work/inc"
    row "ours, incremental $i" "$is" "$ik" "$n"
  done
  full=$(median <"$work/ours"); inc=$(median <"$work/inc")
  echo "  median full build $full s, incremental $inc s: incremental / full $(ratio "$inc" "$full")"
  if $profile; then
    "$work/generator" build --quiet --content "$site/content" --out "$work/prof-$n" --cpuprofile "$work/full.prof"
    sed -i 's/^title = "\(.*\)"/title = "\1（剖析）"/' "$f"
    "$work/generator" build --quiet --content "$site/content" --out "$o" --cpuprofile "$work/inc.prof"
    for kind in full inc; do
      echo "  profile, $kind build: top 8 of the generator's functions by cumulative time, then top 8 by flat time"
      go tool pprof -top -cum "$work/generator" "$work/$kind.prof" 2>/dev/null |
        awk '$6 ~ /^gyportal\// && $6 !~ /main\.|build\.Build$|\.timed$|runSteps|parallel\.func|\.worker$|\.func[0-9]+$/ && n < 8 {print "    " $0; n++}'
      go tool pprof -top "$work/generator" "$work/$kind.prof" 2>/dev/null | awk 'f && n < 8 {print "    " $0; n++} /flat%/ {f=1}' 
    done
  fi
done
