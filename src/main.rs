//! Entry point of the web app. trunk builds this binary for wasm32.

#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
fn main() {
    fuguanzhuang_viewer::ui::start();
}

#[cfg(not(all(target_arch = "wasm32", feature = "hydrate")))]
fn main() {
    eprintln!(
        "This binary is the web app; build it for the browser with `./run serve` \
         (trunk, wasm32). The native tool is `cargo run --bin snapshot -- --help`."
    );
    std::process::exit(2);
}
