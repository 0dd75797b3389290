# Sourced by ./run and scripts/bench.sh before trunk builds the app (not an executable).
#
# The release wasm is built by a pinned nightly Rust that recompiles the standard library for
# it (-Zbuild-std) with panics as plain traps (-Cpanic=immediate-abort): no panic messages,
# locations or formatting machinery in what readers download (36 KB gzip less, BENCHMARKS.md).
# The app never panics on purpose (bad input gives messages, not panics), so nothing a reader
# sees changes. Native builds, clippy and the wasm-bindgen component tests stay on stable.
#
# scripts/install.sh installs this toolchain (rustup, with rust-src and the wasm32 target).
WASM_RELEASE_TOOLCHAIN="nightly-2026-10-30"
export RUSTUP_TOOLCHAIN="$WASM_RELEASE_TOOLCHAIN"
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
# Replaces .cargo/config.toml's wasm32 rustflags for this build: keep erase_components.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
# The post-build hook renders the page natively: it must not inherit these.
export WASM_RELEASE_ENV_VARS="RUSTUP_TOOLCHAIN CARGO_UNSTABLE_BUILD_STD CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS"
