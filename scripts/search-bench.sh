#!/bin/sh
# search-bench.sh: build the search index of a 10,000-clause synthetic site
# and of the real-size site, and print for each the files and bytes
# written, the build's wall and CPU time and peak heap, and a table of the
# bytes a browser fetches per query: cold (meta file gzip + index ranges),
# warm (meta cached) and from a server that ignores Range (whole packs),
# with the number of requests. Extra arguments go to go test, e.g.
# -cpuprofile cpu.out, or -bench BenchmarkSite10k for the large site only.
set -eu
cd "$(dirname "$0")/.."
exec go test -run '^$' -bench 'BenchmarkSite' -benchtime 1x -timeout 30m ./generator/search/ "$@"
