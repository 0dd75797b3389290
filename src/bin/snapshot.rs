//! `snapshot`: the native command-line tool for snapshot files.
//!
//! ```text
//! cargo run --bin snapshot -- check data/snapshot.json [more.json ...]
//! cargo run --bin snapshot -- schema > data/snapshot.schema.json
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(cli::run(&args));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use fuguanzhuang_viewer::core::load::{snapshot_from_json_text, MAX_SNAPSHOT_BYTES};
    use fuguanzhuang_viewer::core::snapshot::Snapshot;

    const USAGE: &str = "usage:
  snapshot check FILE [FILE ...]   validate snapshot files; prints every problem with its JSON path
  snapshot schema                  print the JSON Schema of the snapshot format";

    pub fn run(args: &[String]) -> i32 {
        match args.first().map(String::as_str) {
            Some("check") if args.len() > 1 => check(&args[1..]),
            Some("schema") if args.len() == 1 => {
                let schema = schemars::schema_for!(Snapshot);
                match serde_json::to_string_pretty(&schema) {
                    Ok(text) => {
                        println!("{text}");
                        0
                    }
                    Err(error) => {
                        eprintln!("could not write the schema: {error}");
                        1
                    }
                }
            }
            Some("-h" | "--help" | "help") => {
                println!("{USAGE}");
                0
            }
            _ => {
                eprintln!("{USAGE}");
                2
            }
        }
    }

    fn check(paths: &[String]) -> i32 {
        let mut failed = 0;
        for path in paths {
            match read_limited(path) {
                Err(message) => {
                    eprintln!("{path}: {message}");
                    failed += 1;
                }
                Ok(text) => match snapshot_from_json_text(&text) {
                    Ok(snapshot) => println!(
                        "{path}: ok — {} sources, {} programmes, {} indicators, {} places, {} sections",
                        snapshot.sources.len(),
                        snapshot.programmes.len(),
                        snapshot.indicators.len(),
                        snapshot.places.len(),
                        snapshot.sections.len()
                    ),
                    Err(problems) => {
                        eprintln!("{path}: {} problem(s)", problems.len());
                        for problem in problems {
                            eprintln!("  {problem}");
                        }
                        failed += 1;
                    }
                },
            }
        }
        i32::from(failed > 0)
    }

    fn read_limited(path: &str) -> Result<String, String> {
        let metadata = std::fs::metadata(path).map_err(|error| error.to_string())?;
        if metadata.len() > MAX_SNAPSHOT_BYTES as u64 {
            return Err(format!(
                "{} bytes; the limit is {MAX_SNAPSHOT_BYTES} bytes",
                metadata.len()
            ));
        }
        let bytes = std::fs::read(path).map_err(|error| error.to_string())?;
        String::from_utf8(bytes).map_err(|error| {
            format!(
                "not UTF-8 (byte {} is invalid); save the file as UTF-8",
                error.utf8_error().valid_up_to()
            )
        })
    }
}
