//! Native benchmarks of the core (no browser): parse + validate throughput, map model building,
//! schematic layout and hit-testing. Prints a table; run with `cargo bench --bench native`
//! (or `./run bench`). Medians of repeated runs, timed with `std::time::Instant`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::time::Instant;

    use fuguanzhuang_viewer::core::map::model::{map_colouring, map_model_from_snapshot, ColourBy};
    use fuguanzhuang_viewer::core::snapshot::load::snapshot_from_json_text;
    use fuguanzhuang_viewer::core::snapshot::synthetic::{
        polygons_from_geojson_text, synthetic_snapshot,
    };
    use fuguanzhuang_viewer::core::snapshot::Crs;
    use fuguanzhuang_viewer::core::theme::{ColorScheme, Theme};
    use fuguanzhuang_viewer::core::Language;

    fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
        let mut samples: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                work();
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        samples.sort_by(f64::total_cmp);
        samples[samples.len() / 2]
    }

    let outline = match std::fs::read_to_string("data/geo/yishui-371323-wgs84.geojson")
        .map_err(|e| e.to_string())
        .and_then(|text| polygons_from_geojson_text(&text))
    {
        Ok(outline) => outline,
        Err(error) => {
            eprintln!("run from the repository root: {error}");
            std::process::exit(1);
        }
    };
    let default_text = include_str!("../data/snapshot.json").to_owned();
    let mut inputs = vec![("default (57 villages)".to_owned(), default_text)];
    for places in [1_000, 10_000, 50_000] {
        let snapshot = synthetic_snapshot(&outline, places, 1, Crs::Wgs84);
        let text = serde_json::to_string(&snapshot).unwrap_or_default();
        inputs.push((format!("synthetic {places} polygons"), text));
    }
    println!(
        "\nnative core benchmarks (median; {} cores)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "{:<28} {:>8} {:>14} {:>9} {:>12} {:>14} {:>14}",
        "snapshot", "MB", "parse+valid ms", "MB/s", "map model ms", "hit-test µs", "colouring ms"
    );
    let theme = Theme::for_scheme(ColorScheme::Light);
    for (name, text) in &inputs {
        let megabytes = text.len() as f64 / 1e6;
        let runs = if text.len() > 5_000_000 { 5 } else { 20 };
        let parse = median_ms(runs, || {
            let _ = snapshot_from_json_text(text);
        });
        let snapshot = match snapshot_from_json_text(text) {
            Ok(snapshot) => snapshot,
            Err(problems) => {
                let first = problems
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                println!("{name:<28} {megabytes:>8.2}  refused: {first}");
                continue;
            }
        };
        let model_ms = median_ms(runs, || {
            let _ = map_model_from_snapshot(&snapshot, Language::Zh, 8.9);
        });
        let model = map_model_from_snapshot(&snapshot, Language::Zh, 8.9);
        let (min, max) = (model.bounds.min, model.bounds.max);
        let points: Vec<(f64, f64)> = (0..10_000)
            .map(|i| {
                let t = f64::from(i);
                (
                    min.0 + (t * 0.618_034).fract() * (max.0 - min.0),
                    min.1 + (t * 0.414_214).fract() * (max.1 - min.1),
                )
            })
            .collect();
        let hit_ms = median_ms(5, || {
            for point in &points {
                let _ = model.feature_at(*point, 1e-4);
            }
        });
        // Colouring every place by a per-place indicator (the synthetic snapshots have one),
        // else by designation.
        let by = snapshot
            .indicators
            .iter()
            .find(|indicator| !indicator.by_place.is_empty())
            .map_or(ColourBy::Designation, |indicator| {
                ColourBy::Indicator(indicator.id.clone())
            });
        let colour_ms = median_ms(
            if model.features.len() > 20_000 {
                3
            } else {
                runs
            },
            || {
                let _ = map_colouring(&model, &snapshot, &by, &theme, Language::Zh);
            },
        );
        println!(
            "{:<28} {:>8.2} {:>14.2} {:>9.1} {:>12.2} {:>14.3} {:>14.2}",
            name,
            megabytes,
            parse,
            megabytes / (parse / 1000.0),
            model_ms,
            hit_ms * 1000.0 / points.len() as f64,
            colour_ms
        );
    }
    // The app's JSON reader against serde_json (which it replaced in the app, issue 19): reading
    // the typed snapshot only, no validation, the same texts, taken in turn.
    println!(
        "\n{:<28} {:>14} {:>14}",
        "reading only (typed)", "json_text ms", "serde_json ms"
    );
    for (name, text) in &inputs {
        let runs = if text.len() > 5_000_000 { 5 } else { 20 };
        let ours = median_ms(runs, || {
            let _ = fuguanzhuang_viewer::core::snapshot::json_text::from_str::<
                fuguanzhuang_viewer::core::snapshot::Snapshot,
            >(text);
        });
        let theirs = median_ms(runs, || {
            let _ = serde_json::from_str::<fuguanzhuang_viewer::core::snapshot::Snapshot>(text);
        });
        println!("{name:<28} {ours:>14.2} {theirs:>14.2}");
    }
    // The phone layout of the schematic map: the row width with the largest tiles (a model per
    // width tried), once per map and language when the map is first laid out.
    if let Ok(snapshot) = snapshot_from_json_text(include_str!("../data/snapshot.json")) {
        for language in [Language::Zh, Language::En] {
            let search_ms = median_ms(20, || {
                let _ = fuguanzhuang_viewer::core::map::draw::narrow_row_width(&snapshot, language);
            });
            println!("phone map layout search, default snapshot, {language:?}: {search_ms:.2} ms");
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
