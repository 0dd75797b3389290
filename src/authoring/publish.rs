//! One ready-to-host folder per snapshot, from one build: a copy of the built app (`dist/`)
//! with another snapshot in `data/snapshot.json` and the whole report pre-rendered from it into
//! `index.html` (by the same components the browser runs), without rebuilding the wasm. So a
//! county site can publish one folder per township.
//!
//! The precompressed `.gz` and `.br` siblings of the two files that change are written anew
//! (nginx would otherwise serve the old ones with `gzip_static`/`brotli_static`).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::core::snapshot::load::MAX_SNAPSHOT_BYTES;
use crate::core::view::site_url::SiteUrl;
use crate::ui::prerender::render_pages;

/// What `publish` wrote.
#[derive(Debug)]
pub struct Published {
    pub files: usize,
    pub index: PathBuf,
}

/// A page of one visual (`visual-….html`) or its compressed siblings.
fn is_visual_page(name: &str) -> bool {
    name.starts_with("visual-") && name.contains(".html")
}

fn copy_tree(from: &Path, to: &Path, files: &mut usize) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|error| format!("{}: {error}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|error| format!("{}: {error}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|error| format!("{}: {error}", from.display()))?;
        let source = entry.path();
        let target = to.join(entry.file_name());
        // The built app's pages of single visuals belong to its snapshot: each snapshot's
        // are written afresh.
        if is_visual_page(&entry.file_name().to_string_lossy()) {
            continue;
        }
        if source.is_dir() {
            copy_tree(&source, &target, files)?;
        } else {
            fs::copy(&source, &target).map_err(|error| format!("{}: {error}", source.display()))?;
            *files += 1;
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` and its compressed siblings ([`write_compressed_siblings`]).
fn write_with_compressed(path: &Path, bytes: &[u8]) -> Result<(), String> {
    fs::write(path, bytes).map_err(|error| format!("{}: {error}", path.display()))?;
    write_compressed_siblings(path)
}

/// Writes `path`'s `.gz` and `.br` siblings, which nginx serves as they are (`gzip_static`,
/// `brotli_static`): gzip by zopfli (about 4 % smaller than gzip -9, slower to make, as fast
/// to read) and brotli at quality 11.
pub fn write_compressed_siblings(path: &Path) -> Result<(), String> {
    let describe = |error: std::io::Error| format!("{}: {error}", path.display());
    let bytes = fs::read(path).map_err(describe)?;
    let mut gzipped = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        &bytes[..],
        &mut gzipped,
    )
    .map_err(describe)?;
    fs::write(path.with_extension(extension_with(path, "gz")), gzipped).map_err(describe)?;
    let mut brotli = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 11, 22);
        writer.write_all(&bytes).map_err(describe)?;
    }
    fs::write(path.with_extension(extension_with(path, "br")), brotli).map_err(describe)?;
    Ok(())
}

/// `index.html` → `html.gz`, for `with_extension` (which replaces the last extension).
fn extension_with(path: &Path, suffix: &str) -> String {
    match path.extension().and_then(|extension| extension.to_str()) {
        Some(extension) => format!("{extension}.{suffix}"),
        None => suffix.to_owned(),
    }
}

/// Copies the built app `app` to `out` with `snapshot` pre-rendered into it. Refuses an
/// invalid snapshot (every problem with its JSON path), an `app` that is not a built app, and
/// an `out` that already exists, before writing anything.
pub fn publish(
    app: &Path,
    snapshot: &Path,
    out: &Path,
    site: Option<&SiteUrl>,
) -> Result<Published, String> {
    let page_path = app.join("index.html");
    let page = fs::read_to_string(&page_path).map_err(|error| {
        format!(
            "{}: {error} (is {} a built app? ./run sizes builds one into dist/)",
            page_path.display(),
            app.display()
        )
    })?;
    let size = fs::metadata(snapshot)
        .map_err(|error| format!("{}: {error}", snapshot.display()))?
        .len();
    if size > MAX_SNAPSHOT_BYTES as u64 {
        return Err(format!(
            "{}: {size} bytes; snapshots are limited to {MAX_SNAPSHOT_BYTES} bytes",
            snapshot.display()
        ));
    }
    let text = super::cli::read_limited(snapshot)
        .map_err(|message| format!("{}: {message}", snapshot.display()))?;
    let rendered = render_pages(&page, &text, site)
        .map_err(|message| format!("{}: {message}", snapshot.display()))?;
    if out.exists() {
        return Err(format!(
            "{} exists already; choose a new folder",
            out.display()
        ));
    }
    let mut files = 0;
    copy_tree(app, out, &mut files)?;
    let index = out.join("index.html");
    write_with_compressed(&index, rendered.report.as_bytes())?;
    for (file, html) in &rendered.visuals {
        write_with_compressed(&out.join(file), html.as_bytes())?;
    }
    super::preview_image::write_preview_image(&text, out)?;
    fs::create_dir_all(out.join("data")).map_err(|error| format!("{}: {error}", out.display()))?;
    write_with_compressed(&out.join("data").join("snapshot.json"), text.as_bytes())?;
    Ok(Published { files, index })
}
