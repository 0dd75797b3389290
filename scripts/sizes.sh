#!/usr/bin/env bash
# Prints the release build's sizes (dist/ from `trunk build --release`): raw and gzip -9.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run a release build first (./run sizes)" >&2; exit 1; }
printf '\n%-44s %10s %10s\n' "release asset" "raw B" "gzip -9 B"
total_raw=0; total_gz=0
while IFS= read -r file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "${file#dist/}" "$raw" "$gz"
done < <(find dist -maxdepth 1 -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name 'index.html' \) | sort)
printf '%-44s %10d %10d\n' "total (app: wasm + js + css + html)" "$total_raw" "$total_gz"
