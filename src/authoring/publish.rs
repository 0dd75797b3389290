//! One ready-to-host folder per snapshot, from one build: a copy of the built app (`dist/`)
//! with another snapshot in `data/snapshot.json` and the whole report pre-rendered from it into
//! `index.html` (by the same components the browser runs), without rebuilding the wasm. So a
//! county site can publish one folder per township.
//!
//! The precompressed `.gz` and `.br` siblings of the two files that change are written anew
//! (nginx would otherwise serve the old ones with `gzip_static`/`brotli_static`).

use std::fs;
use std::path::{Path, PathBuf};

use super::site_folder::{brotli_from_bytes, gzip_from_bytes, site_folder_files, SiteFile};
use crate::core::snapshot::load::MAX_SNAPSHOT_BYTES;
use crate::core::view::site_url::SiteUrl;

/// What `publish` wrote.
#[derive(Debug)]
pub struct Published {
    pub files: usize,
    pub index: PathBuf,
}

/// The built app's files under `dir`, paths relative to `root` (`/`-separated).
fn app_files(root: &Path, dir: &Path, files: &mut Vec<SiteFile>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|error| format!("{}: {error}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|error| format!("{}: {error}", dir.display()))?;
        let source = entry.path();
        if source.is_dir() {
            app_files(root, &source, files)?;
        } else {
            let path = source
                .strip_prefix(root)
                .map_err(|error| error.to_string())?
                .components()
                .map(|part| part.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let bytes =
                fs::read(&source).map_err(|error| format!("{}: {error}", source.display()))?;
            files.push(SiteFile { path, bytes });
        }
    }
    Ok(())
}

/// Writes `path`'s `.gz` and `.br` siblings, which nginx serves as they are (`gzip_static`,
/// `brotli_static`): gzip by zopfli and brotli at quality 11 (the release build's hook).
pub fn write_compressed_siblings(path: &Path) -> Result<(), String> {
    let describe = |error: String| format!("{}: {error}", path.display());
    let bytes = fs::read(path).map_err(|error| describe(error.to_string()))?;
    let gzipped = gzip_from_bytes(&bytes).map_err(describe)?;
    fs::write(path.with_extension(extension_with(path, "gz")), gzipped)
        .map_err(|error| describe(error.to_string()))?;
    let brotli = brotli_from_bytes(&bytes).map_err(describe)?;
    fs::write(path.with_extension(extension_with(path, "br")), brotli)
        .map_err(|error| describe(error.to_string()))?;
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
    fs::metadata(&page_path).map_err(|error| {
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
    if out.exists() {
        return Err(format!(
            "{} exists already; choose a new folder",
            out.display()
        ));
    }
    let mut app_files_read = Vec::new();
    app_files(app, app, &mut app_files_read)?;
    // (the app's files copied: its own pages of single visuals are the old snapshot's)
    let files = app_files_read
        .iter()
        .filter(|file| !super::site_folder::is_visual_page(&file.path))
        .count();
    let folder = site_folder_files(
        app_files_read,
        &text,
        site,
        &mut super::preview_image::preview_png_with_system_font,
        &mut |_| {},
    )
    .map_err(|message| format!("{}: {message}", snapshot.display()))?;
    for file in &folder {
        let path = out.join(&file.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|error| format!("{}: {error}", parent.display()))?;
        }
        fs::write(&path, &file.bytes).map_err(|error| format!("{}: {error}", path.display()))?;
    }
    Ok(Published {
        files,
        index: out.join("index.html"),
    })
}
