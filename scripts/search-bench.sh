#!/bin/sh
# search-bench.sh: build the search index of a 10,000-clause synthetic site
# and of the real-size site, and report build time (sec/op), bytes and
# files written, memory allocated, and the bytes a browser fetches per
# query (B/q-*). Extra arguments go to go test, e.g. -cpuprofile cpu.out.
set -eu
cd "$(dirname "$0")/.."
exec go test -run '^$' -bench 'BenchmarkSite' -benchtime 1x -timeout 30m ./generator/search/ "$@"
