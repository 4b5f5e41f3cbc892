#!/usr/bin/env bash
# Prints the calculator's figures: the WebAssembly's size (raw, gzip,
# brotli), the time from navigation to the first answer in headless
# Chromium (median of 5 loads, each in a newly started browser, then of 5
# in one running browser with its HTTP cache cleared), and the Lighthouse
# mobile scores of every page kind (performance, accessibility, best
# practices, SEO).
#
# Needs: Go, Chromium (apt-get install chromium; or CHROME_PATH), Node 20
# and npm for Lighthouse, installed from scripts/bench/package-lock.json
# into scripts/bench/node_modules on first use.
#
#   scripts/bench-calculator.sh            # everything
#   NO_LIGHTHOUSE=1 scripts/bench-calculator.sh
set -euo pipefail
cd "$(dirname "$0")/.."

lh=""
if [[ -z "${NO_LIGHTHOUSE:-}" ]]; then
	if [[ ! -x scripts/bench/node_modules/.bin/lighthouse ]]; then
		npm ci --prefix scripts/bench --no-audit --no-fund >&2
	fi
	lh="$PWD/scripts/bench/node_modules/.bin/lighthouse"
fi
export CHROME_PATH="${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || true)}"
exec go run ./scripts/benchcalc --lighthouse="$lh"
