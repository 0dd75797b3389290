#!/usr/bin/env bash
# Benchmarks (not part of ./run test): release sizes, and timings in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "no dist/: run a release build first" >&2; exit 1; }
scripts/sizes.sh
# Benchmarks are served from a copy of dist/ with synthetic snapshots added (the build ships none).
site=$(mktemp -d /tmp/fuguanzhuang-bench-site.XXXXXX)
cp -r dist/. "$site/"
for places in 1000 10000 50000; do
  cargo run --quiet --release --locked --bin snapshot -- synth --places "$places" --seed 1 > "$site/data/synthetic-$places.json"
done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
server=$(DIST="$site" scripts/nginx.sh "$port")
trap 'kill $server 2>/dev/null || true; rm -rf "$site"' EXIT
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break; sleep 0.1; done
export BASE_URL="http://127.0.0.1:$port/"
export SITE_DIR="$site"
for bench in benches/*.mjs; do node "$bench"; done
cargo bench --locked --bench native 2>/dev/null | sed -n '/native core benchmarks/,$p'
