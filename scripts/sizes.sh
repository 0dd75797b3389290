#!/usr/bin/env bash
# Prints the release build's sizes (dist/ from `trunk build --release`): raw, gzip -9 (for
# comparison), and what nginx serves: the .gz (zopfli) and .br (brotli 11) siblings.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run a release build first (./run sizes)" >&2; exit 1; }
printf '\n%-44s %10s %10s %10s %10s\n' "release asset" "raw B" "gzip -9 B" "served gz" "served br"
total_raw=0; total_gz=0; total_zopfli=0; total_br=0
size_of() { if [ -f "$1" ]; then stat -c %s "$1"; else echo 0; fi; }
while IFS= read -r file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  zopfli=$(size_of "$file.gz")
  br=$(size_of "$file.br")
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_zopfli=$((total_zopfli + zopfli)); total_br=$((total_br + br))
  printf '%-44s %10d %10d %10d %10d\n' "${file#dist/}" "$raw" "$gz" "$zopfli" "$br"
done < <(find dist -maxdepth 1 -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name 'index.html' \) | sort)
printf '%-44s %10d %10d %10d %10d\n' "total (all listed)" "$total_raw" "$total_gz" "$total_zopfli" "$total_br"
