#!/usr/bin/env bash
# Runs Lighthouse 12 (mobile, its default throttling) on a built site, as
# a resident's phone opens it: nginx serves the files with their
# precompressed .gz beside them and the site's cache headers. Not part of
# CI; run it by hand before and after changing the calculator page.
#
#   bash scripts/lighthouse.sh [site-dir] [path-and-query ...]
#
# site-dir defaults to public/ (built first with `go run ./generator
# build` when it is missing); the default page is a shared calculator
# result (the partial answer of issue 22). Lighthouse is the version
# scripts/bench pins (npm ci on first use); Chromium is Debian's (or
# $CHROME_PATH). For each page the
# script prints performance, CLS, TBT and LCP, and keeps the JSON report
# in $LIGHTHOUSE_OUT (default a temporary directory).
set -euo pipefail
cd "$(dirname "$0")/.."

site=${1:-public}
shift || true
pages=("$@")
if [ ${#pages[@]} -eq 0 ]; then
  pages=("/calculator/?hukou=rural&family=only_daughter&members=3&dibao=1&child1=college&child1_college=1")
fi
if [ ! -d "$site" ]; then
  go run ./generator build
fi
site=$(cd "$site" && pwd)

chrome=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chrome" ]; then
  echo "lighthouse.sh: Chromium not found (apt-get install chromium, or set CHROME_PATH)" >&2
  exit 2
fi
command -v nginx >/dev/null || { echo "lighthouse.sh: nginx not found (apt-get install nginx-light)" >&2; exit 2; }

# Lighthouse as the benchmarks pin it (scripts/bench/package-lock.json).
lh=scripts/bench/node_modules/.bin/lighthouse
if [ ! -x "$lh" ]; then
  npm ci --prefix scripts/bench --no-audit --no-fund --loglevel=error >&2
fi
lh="$PWD/$lh"

work=$(mktemp -d)
out=${LIGHTHOUSE_OUT:-$work}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $work;
  proxy_temp_path $work;
  fastcgi_temp_path $work;
  uwsgi_temp_path $work;
  scgi_temp_path $work;
  include /etc/nginx/mime.types;
  types { application/manifest+json webmanifest; }
  server {
    listen 127.0.0.1:$port;
    root $site;
    gzip_static on;
    error_page 404 /404.html;
    add_header Content-Security-Policy "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'" always;
    location /assets/ { add_header Cache-Control "public, max-age=31536000, immutable"; }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null; wait $nginx_pid 2>/dev/null; [ -n "${LIGHTHOUSE_OUT:-}" ] || rm -rf "$work"' EXIT
for _ in $(seq 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.1
done

i=0
for p in "${pages[@]}"; do
  i=$((i + 1))
  report="$out/lighthouse-$i.json"
  CHROME_PATH=$chrome "$lh" "http://127.0.0.1:$port$p" \
    --only-categories=performance --output=json --output-path="$report" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu"
  node -e '
    const r = require(process.argv[1]), a = r.audits;
    console.log(process.argv[2]);
    console.log("  performance " + Math.round(r.categories.performance.score * 100) +
      ", CLS " + a["cumulative-layout-shift"].numericValue.toFixed(3) +
      ", TBT " + Math.round(a["total-blocking-time"].numericValue) + " ms" +
      ", LCP " + Math.round(a["largest-contentful-paint"].numericValue) + " ms" +
      ", FCP " + Math.round(a["first-contentful-paint"].numericValue) + " ms");
    const lt = a["long-tasks"] && a["long-tasks"].details ? a["long-tasks"].details.items : [];
    for (const t of lt) console.log("  long task " + Math.round(t.duration) + " ms " + t.url);
  ' "$report" "$p"
done
