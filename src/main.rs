//! Entry point of the web app. trunk builds this binary for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    fuguanzhuang_viewer::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This binary is the web app; build it for the browser with `./run serve` \
         (trunk, wasm32). The native tool is `cargo run --bin snapshot -- --help`."
    );
    std::process::exit(2);
}
