#!/usr/bin/env bash
# Installs whatever the project needs and is missing. Idempotent: a second run takes seconds.
#   - Rust target wasm32-unknown-unknown (rustup); the pinned nightly that builds the release
#     wasm, with rust-src and the wasm32 target (rustup; see scripts/wasm-release-env.sh)
#   - trunk 0.21.14 and wasm-bindgen-cli at exactly Cargo.lock's wasm-bindgen version (cargo install)
#   - Debian packages: chromium, chromium-driver, fonts-noto-cjk, nginx + its brotli_static
#     module; firefox-esr, webkit2gtk-driver (WebKitWebDriver + MiniBrowser), xvfb for the
#     other engines' journeys (apt-get)
#   - geckodriver 0.37.1 (cargo install; Firefox's WebDriver server)
#   - node tools from package-lock.json: binaryen 132 (wasm-opt), playwright-core,
#     selenium-webdriver (npm ci)
#   - every crate the offline builds need, in cargo's cache: the project's (Cargo.lock, every
#     target) and, for the release wasm's -Zbuild-std, the standard library's own (rust-src's
#     library/Cargo.lock). trunk builds with --offline, so nothing fetches them later.
# Every tool comes from a package registry; nothing downloads a prebuilt binary at run time.
# Tools installed with cargo go to $CARGO_HOME/bin (default ~/.cargo/bin), which must be on
# PATH before other copies; scripts/fresh-check.sh runs all this with an empty CARGO_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.1"
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk nginx libnginx-mod-http-brotli-static
  firefox-esr webkit2gtk-driver xvfb xauth)

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

if ! have cargo; then
  echo "cargo is not on PATH: this project needs the machine's Rust toolchain (rustup)." >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The release wasm's toolchain (scripts/wasm-release-env.sh names it).
WASM_RELEASE_TOOLCHAIN=$(sed -n 's/^WASM_RELEASE_TOOLCHAIN="\(.*\)"$/\1/p' scripts/wasm-release-env.sh)
if ! rustup run "$WASM_RELEASE_TOOLCHAIN" rustc --print sysroot >/dev/null 2>&1 \
  || [ ! -d "$(rustup run "$WASM_RELEASE_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library" ] \
  || [ ! -d "$(rustup run "$WASM_RELEASE_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ]; then
  step "Installing Rust $WASM_RELEASE_TOOLCHAIN with rust-src and wasm32 (release wasm; about 1 minute)"
  rustup toolchain install "$WASM_RELEASE_TOOLCHAIN" --profile minimal \
    --component rust-src --target wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  step "Installing trunk $TRUNK_VERSION from crates.io (about 10 minutes on 2 cores; cargo shows progress)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen: the CLI must equal the library version in Cargo.lock exactly.
if [ ! -f Cargo.lock ]; then
  step "Resolving Cargo.lock"
  cargo generate-lockfile
fi
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$BINDGEN_VERSION" ]; then
  echo "Could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$BINDGEN_VERSION" ] \
  || ! have wasm-bindgen-test-runner; then
  step "Installing wasm-bindgen-cli $BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: its lockfile pins a crate version the registry no longer serves (TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "=$BINDGEN_VERSION" --force
fi

if [ "$(geckodriver --version 2>/dev/null | awk 'NR==1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
  step "Installing geckodriver $GECKODRIVER_VERSION from crates.io (about 3 minutes on 2 cores)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "Installing Debian packages: ${missing[*]} (1-2 minutes)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The offline builds' crates. A check offline first (a second or two when all are cached); the
# registry only when something is missing. The release wasm is built by the pinned nightly
# with -Zbuild-std, which resolves the standard library's own dependencies (e.g. wasip1) from
# rust-src: a machine that never built it has none of them cached.
if ! cargo fetch --locked --offline >/dev/null 2>&1; then
  step "Fetching the project's crates (Cargo.lock, every target)"
  cargo fetch --locked
fi
fetch_std() {
  RUSTUP_TOOLCHAIN="$WASM_RELEASE_TOOLCHAIN" cargo fetch --locked "$@" \
    -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown
}
if ! fetch_std --offline >/dev/null 2>&1; then
  step "Fetching the standard library's crates for the release wasm (-Zbuild-std, $WASM_RELEASE_TOOLCHAIN)"
  fetch_std
fi

# npm ci only when package-lock.json changed since the last install.
stamp="node_modules/.package-lock.sha256"
want=$(sha256sum package-lock.json | awk '{print $1}')
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  step "Installing node tools from package-lock.json (npm ci)"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

# Debian's binaryen (108) writes modules that do not run; trunk must find npm's 132 first.
if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "132" ]; then
  echo "wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt)" >&2
  exit 1
fi
echo "Tools ready: trunk $TRUNK_VERSION, Rust $WASM_RELEASE_TOOLCHAIN (release wasm), wasm-bindgen $BINDGEN_VERSION, wasm-opt 132, $(chromium --version 2>/dev/null | head -n1), $(firefox-esr --version 2>/dev/null | head -n1), WebKitGTK $(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null), geckodriver $GECKODRIVER_VERSION"
