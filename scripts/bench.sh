#!/usr/bin/env bash
# Benchmarks (not part of ./run test): release sizes, and timings in headless Chromium.
# The app's own build (dist/) is measured for sizes, first load and loading; a second build
# with the benchmark entry points (cargo feature `bench`, dist-bench/) for the chart and map
# drawing benchmarks that call into the wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "no dist/: run a release build first" >&2; exit 1; }
scripts/sizes.sh
printf '\n==> Benchmark build (feature bench) into dist-bench/\n'
(source scripts/wasm-release-env.sh && BENCH_BUILD=1 trunk build --release --offline=true --features hydrate,bench --dist dist-bench >/dev/null)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
# Served from copies with synthetic snapshots added (the build ships none).
site=$(mktemp -d /tmp/fuguanzhuang-bench-site.XXXXXX)
bench_site=$(mktemp -d /tmp/fuguanzhuang-bench-build.XXXXXX)
cp -r dist/. "$site/"
cp -r dist-bench/. "$bench_site/"
for places in 1000 10000 50000; do
  cargo run --quiet --release --locked --bin snapshot -- synth --places "$places" --seed 1 > "$site/data/synthetic-$places.json"
  cp "$site/data/synthetic-$places.json" "$bench_site/data/"
done
port=$(free_port)
server=$(DIST="$site" scripts/nginx.sh "$port")
bench_port=$(free_port)
bench_server=$(DIST="$bench_site" scripts/nginx.sh "$bench_port")
trap 'kill $server $bench_server 2>/dev/null || true; rm -rf "$site" "$bench_site"' EXIT
for p in $port $bench_port; do
  for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$p/" 2>/dev/null && break; sleep 0.1; done
done
export BASE_URL="http://127.0.0.1:$port/"
export BENCH_URL="http://127.0.0.1:$bench_port/"
export SITE_DIR="$site"
for bench in benches/*.mjs; do node "$bench"; done
cargo bench --locked --bench native 2>/dev/null | sed -n '/native core benchmarks/,$p'
