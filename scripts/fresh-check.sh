#!/usr/bin/env bash
# A newcomer's first hour, on this machine: proves the README's two commands from empty caches.
#
#   scripts/fresh-check.sh          # about 35 minutes on 2 cores; prints each step's time
#   KEEP=1 scripts/fresh-check.sh   # keep the temporary folder afterwards (to look inside)
#
# What it does: clones HEAD (committed work only) into a temporary folder and runs, there,
#   1. ./run test   (what .ci/run runs), then
#   2. ./run serve  until http://127.0.0.1:8080/ answers with the pre-rendered report,
# with
#   - an empty CARGO_HOME of its own (no crates cached; no trunk, wasm-bindgen, geckodriver:
#     every cargo-installed tool is installed again), holding only rustup and its proxies, first
#     on PATH; the machine's ~/.cargo/bin is not on PATH at all;
#   - an empty npm cache and no node_modules; no target/, no dist/.
# What stays from the machine, by design: the Debian packages (apt installs them the same way
# on every machine of this kind), the rustup toolchains in RUSTUP_HOME (rustup installs them
# from the registry the same way), and the machine's own settings in HOME (e.g. ~/.npmrc).
#
# Run it whenever a change touches installing, toolchains, Cargo.toml/Cargo.lock, Trunk.toml,
# .cargo/, build flags or the test runner, and say so in the closing note.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
started=$(date +%s)
step() { printf '\n\033[1m==> [fresh-check %4d s] %s\033[0m\n' "$(( $(date +%s) - started ))" "$*"; }

if curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:8080/ 2>/dev/null; then
  echo "Something already answers at 127.0.0.1:8080 (a running ./run serve?): stop it first." >&2
  exit 1
fi
rustup_bin=$(command -v rustup) || { echo "rustup is not on PATH" >&2; exit 1; }
rustup_bin=$(readlink -f "$rustup_bin")
rustup_home=${RUSTUP_HOME:-$HOME/.rustup}

work=$(mktemp -d /tmp/fuguanzhuang-fresh.XXXXXX)
serve_pid=""
cleanup() {
  if [ -n "$serve_pid" ]; then kill -- "-$serve_pid" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

step "Cloning HEAD ($(git -C "$repo" rev-parse --short HEAD)) into $work/clone"
git clone --quiet --no-local "$repo" "$work/clone"

# rustup's proxies (cargo, rustc, …) are rustup itself under other names.
mkdir -p "$work/cargo-home/bin" "$work/npm-cache"
cp "$rustup_bin" "$work/cargo-home/bin/rustup"
for proxy in cargo rustc rustdoc rustfmt cargo-fmt cargo-clippy clippy-driver rust-gdb rust-lldb; do
  ln -s rustup "$work/cargo-home/bin/$proxy"
done

# The machine's environment, less anything that points at the warm caches or tools.
clean_path="$work/cargo-home/bin"
IFS=: read -r -a path_parts <<< "$PATH"
for part in "${path_parts[@]}"; do
  case "$part" in
    "$HOME/.cargo/bin" | */node_modules/.bin | "") ;;
    *) clean_path="$clean_path:$part" ;;
  esac
done
fresh_env=(env -u CARGO_TARGET_DIR -u RUSTC_WRAPPER -u RUSTUP_TOOLCHAIN -u CARGO_BUILD_TARGET_DIR
  CARGO_HOME="$work/cargo-home" RUSTUP_HOME="$rustup_home" PATH="$clean_path"
  npm_config_cache="$work/npm-cache" CI=true)

cd "$work/clone"
for tool in trunk wasm-bindgen wasm-bindgen-test-runner geckodriver wasm-opt; do
  if "${fresh_env[@]}" bash -c "command -v $tool" >/dev/null 2>&1; then
    echo "not fresh: $tool is already on the clean PATH ($("${fresh_env[@]}" bash -c "command -v $tool"))" >&2
    exit 1
  fi
done

step "./run test (installs everything missing, then every check and test)"
test_started=$(date +%s)
"${fresh_env[@]}" ./run test </dev/null
test_seconds=$(( $(date +%s) - test_started ))

step "./run serve, until the page answers with the report"
serve_started=$(date +%s)
rm -rf dist
setsid "${fresh_env[@]}" ./run serve </dev/null > "$work/serve.log" 2>&1 &
serve_pid=$!
served=""
for _ in $(seq 1 600); do
  if page=$(curl -fsS --max-time 5 http://127.0.0.1:8080/ 2>/dev/null) \
    && grep -q 'id="app"' <<< "$page" && grep -q 'figure-card' <<< "$page"; then
    served=1
    break
  fi
  kill -0 "$serve_pid" 2>/dev/null || break
  sleep 1
done
if [ -z "$served" ]; then
  echo "./run serve did not serve the report; its output:" >&2
  tail -n 40 "$work/serve.log" >&2
  exit 1
fi
serve_seconds=$(( $(date +%s) - serve_started ))
curl -fsS -o /dev/null http://127.0.0.1:8080/data/snapshot.json

step "Passed"
printf 'fresh-check: ./run test %d s (with every install), ./run serve answered in %d s, %d s in all\n' \
  "$test_seconds" "$serve_seconds" "$(( $(date +%s) - started ))"
