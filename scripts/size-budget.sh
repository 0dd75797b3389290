#!/usr/bin/env bash
# Size checks on the release build (dist/), part of ./run test:
#  - fails when the app (wasm + JS + CSS + index.html, gzip -9) grew more than 10 % over the
#    baseline recorded in BENCHMARKS.md (update the baseline there, with the reason, to accept it);
#  - reports where it stands against the 150 KB budget (not yet met: see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
total=0
for file in dist/*_bg.wasm dist/*.js dist/*.css dist/index.html; do
  case "$(basename "$file")" in sw.js|embed.js) continue ;; esac
  total=$((total + $(gzip -9 -c "$file" | wc -c)))
done
baseline=$(sed -n 's/.*size-baseline: app-gzip-bytes=\([0-9]*\).*/\1/p' BENCHMARKS.md | head -n 1)
budget=$((150 * 1024))
echo "app size (wasm + JS + CSS + HTML, gzip -9): $total B; baseline ${baseline:-none} B; budget $budget B"
if [ "$total" -gt "$budget" ]; then
  echo "  over the 150 KB budget by $(( (total - budget) / 1024 )) KB (known; see BENCHMARKS.md)"
fi
if [ -z "$baseline" ]; then
  echo "BENCHMARKS.md has no 'size-baseline: app-gzip-bytes=N' line" >&2
  exit 1
fi
limit=$((baseline + baseline / 10))
if [ "$total" -gt "$limit" ]; then
  echo "the app grew by $(( (total - baseline) * 100 / baseline )) % over the baseline ($baseline B):" \
       "record the new size and the reason in BENCHMARKS.md to accept it" >&2
  exit 1
fi
