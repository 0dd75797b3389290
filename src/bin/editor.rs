//! Entry point of the editor page (`edit.html`), its own wasm bundle: township staff update
//! the figures in the browser. trunk builds this binary for wasm32 (scripts/editor-build.mjs).

#[cfg(target_arch = "wasm32")]
fn main() {
    fuguanzhuang_viewer::editor::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This binary is the editor page (edit.html); build it for the browser with `./run serve` \
         (trunk, wasm32). The native tool is `cargo run --bin snapshot -- --help`."
    );
    std::process::exit(2);
}
