//! Entry point of the editor's page maker, a web worker with its own wasm (built by trunk from
//! edit.html with the feature `pages`): it makes the site folder in the browser
//! (`editor::page_maker`).

#[cfg(all(target_arch = "wasm32", feature = "pages"))]
fn main() {
    fuguanzhuang_viewer::editor::page_maker::start();
}

#[cfg(not(all(target_arch = "wasm32", feature = "pages")))]
fn main() {
    eprintln!(
        "This binary is the editor's page maker (a web worker); trunk builds it for wasm32 \
         with `./run serve`. The native tool is `cargo run --bin snapshot -- --help`."
    );
    std::process::exit(2);
}
