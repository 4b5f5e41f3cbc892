#!/usr/bin/env bash
# Runs every test of the project: vet, the Go tests (browser tests included
# when Chromium is installed; with CI set they must run), and the
# WebAssembly adapter's tests under node.
set -euo pipefail
cd "$(dirname "$0")/.."

# npm packages the browser tests use (axe-core, vnu-jar), if npm is here.
if command -v npm >/dev/null && [ -f generator/browsertest/package.json ]; then
  (cd generator/browsertest && npm ci --no-audit --no-fund --loglevel=error)
fi

unformatted=$(gofmt -l calc generator)
if [ -n "$unformatted" ]; then
  echo "gofmt needed: $unformatted" >&2
  exit 1
fi
go vet ./...
GOOS=js GOARCH=wasm go vet ./calc/...
go test -count=1 -timeout 25m ./...
if [ -d calc/wasm ] && ls calc/wasm/*_test.go >/dev/null 2>&1; then
  PATH="$(go env GOROOT)/lib/wasm:$PATH" GOOS=js GOARCH=wasm go test -count=1 ./calc/wasm/
fi
