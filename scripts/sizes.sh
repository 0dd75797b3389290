#!/usr/bin/env bash
# Prints the release build's sizes (dist/ from `trunk build --release`): raw and gzip -9.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run a release build first (./run sizes)" >&2; exit 1; }
printf '\n%-44s %10s %10s %10s\n' "release asset" "raw B" "gzip -9 B" "brotli B"
total_raw=0; total_gz=0; total_br=0
brotli_size() { node -e "const z=require('zlib');const b=require('fs').readFileSync(process.argv[1]);console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length)" "$1"; }
while IFS= read -r file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$(brotli_size "$file")
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-44s %10d %10d %10d\n' "${file#dist/}" "$raw" "$gz" "$br"
done < <(find dist -maxdepth 1 -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name 'index.html' \) | sort)
printf '%-44s %10d %10d %10d\n' "total (all listed)" "$total_raw" "$total_gz" "$total_br"
