//! `snapshot`: the native command-line tool for snapshot files (`--help` lists the commands;
//! `src/authoring/cli.rs` defines them).
//!
//! ```text
//! cargo run --bin snapshot -- check data/snapshot.json
//! cargo run --bin snapshot -- build --base data/snapshot.json --indicators 指标.csv --dry-run
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use clap::Parser;
    let cli = fuguanzhuang_viewer::authoring::cli::Cli::parse();
    std::process::exit(fuguanzhuang_viewer::authoring::cli::run(cli));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
