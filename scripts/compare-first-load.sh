#!/usr/bin/env bash
# First-load figures (Lighthouse; how soon the first chart answers a tap) of this build (dist/) and, side by side, of another build's dist folder,
# both behind the shipped nginx config: `scripts/compare-first-load.sh [OTHER_DIST]`.
# An earlier build: `git worktree add /tmp/before REV && (cd /tmp/before && ./run sizes)`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "no dist/: run a release build first" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
port=$(free_port)
server=$(scripts/nginx.sh "$port")
servers="$server"
trap 'kill $servers 2>/dev/null || true' EXIT
export BASE_URL="http://127.0.0.1:$port/"
if [ -n "${1:-}" ]; then
  other_port=$(free_port)
  other=$(DIST="$1" scripts/nginx.sh "$other_port")
  servers="$servers $other"
  export BASE_URL_BEFORE="http://127.0.0.1:$other_port/"
fi
for url in $BASE_URL ${BASE_URL_BEFORE:-}; do
  for _ in $(seq 1 50); do curl -fsS -o /dev/null "$url" 2>/dev/null && break; sleep 0.1; done
done
node benches/first_load.mjs
node benches/first_tap.mjs
