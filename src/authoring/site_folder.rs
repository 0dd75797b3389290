//! The ready-to-host folder for a snapshot, made in memory from the built app's files: what
//! `snapshot publish` writes to disk and what the editor's page maker packs into a `.zip` in the
//! browser. One implementation, so the two are the same file by file: the app's files copied
//! (the old snapshot's pages of single visuals left out), the report and each visual's page
//! pre-rendered from the snapshot, the link-preview image, `data/snapshot.json`, and the `.gz`
//! (zopfli) and `.br` (brotli 11) siblings of every file that changed.

use std::io::Write;

use crate::core::snapshot::Snapshot;
use crate::core::view::site_url::SiteUrl;
use crate::ui::prerender::{render_pages, PREVIEW_IMAGE_FILE};

/// One file of a site: its path inside the folder (`/`-separated) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where making a folder is, for a progress bar: `done` of `total` files written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderStep {
    /// The pages are being rendered.
    Rendering,
    /// Compressed siblings are being made.
    Compressing { done: usize, total: usize },
}

/// A page of one visual (`visual-….html`) or its compressed siblings: each snapshot's own.
pub fn is_visual_page(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.starts_with("visual-") && name.contains(".html")
}

/// `bytes` compressed as gzip by zopfli (about 4 % smaller than gzip -9, as fast to read).
pub fn gzip_from_bytes(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut gzipped = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes,
        &mut gzipped,
    )
    .map_err(|error| error.to_string())?;
    Ok(gzipped)
}

/// `bytes` compressed as brotli at quality 11.
pub fn brotli_from_bytes(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut compressed = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 4096, 11, 22);
        writer.write_all(bytes).map_err(|error| error.to_string())?;
    }
    Ok(compressed)
}

/// The folder for `snapshot_text` from the built app's files `app` (paths relative to its
/// root). `preview_png` draws the link-preview image of the snapshot (read once, for the pages;
/// called once they are rendered). Refuses an app without
/// `index.html` and a snapshot that does not load (every problem with its JSON path). Files come
/// out sorted by path.
pub fn site_folder_files(
    app: Vec<SiteFile>,
    snapshot_text: &str,
    site: Option<&SiteUrl>,
    preview_png: &mut dyn FnMut(&Snapshot) -> Result<Vec<u8>, String>,
    progress: &mut dyn FnMut(FolderStep),
) -> Result<Vec<SiteFile>, String> {
    let page = app
        .iter()
        .find(|file| file.path == "index.html")
        .ok_or("the built app has no index.html (is it a built app? ./run sizes builds one into dist/)")
        .and_then(|file| {
            std::str::from_utf8(&file.bytes).map_err(|_| "the built app's index.html is not UTF-8")
        })?
        .to_owned();
    progress(FolderStep::Rendering);
    let rendered = render_pages(&page, snapshot_text, site)?;
    let preview_png = preview_png(&rendered.snapshot)?;
    let mut changed: Vec<(String, Vec<u8>)> =
        vec![("index.html".to_owned(), rendered.report.into_bytes())];
    changed.extend(
        rendered
            .visuals
            .into_iter()
            .map(|(file, html)| (file, html.into_bytes())),
    );
    changed.push((
        "data/snapshot.json".to_owned(),
        snapshot_text.as_bytes().to_vec(),
    ));
    let mut files: std::collections::BTreeMap<String, Vec<u8>> = app
        .into_iter()
        .filter(|file| !is_visual_page(&file.path))
        .map(|file| (file.path, file.bytes))
        .collect();
    let total = changed.len();
    for (done, (path, bytes)) in changed.into_iter().enumerate() {
        progress(FolderStep::Compressing { done, total });
        files.insert(format!("{path}.gz"), gzip_from_bytes(&bytes)?);
        files.insert(format!("{path}.br"), brotli_from_bytes(&bytes)?);
        files.insert(path, bytes);
    }
    progress(FolderStep::Compressing { done: total, total });
    files.insert(PREVIEW_IMAGE_FILE.to_owned(), preview_png);
    Ok(files
        .into_iter()
        .map(|(path, bytes)| SiteFile { path, bytes })
        .collect())
}

/// The files as a `.zip` (each deflated, except those compressed already), in the order given.
pub fn zip_from_site_files(files: &[SiteFile]) -> Result<Vec<u8>, String> {
    let error = |error: zip::result::ZipError| error.to_string();
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for file in files {
        let stored = [".gz", ".br", ".png", ".woff2"]
            .iter()
            .any(|suffix| file.path.ends_with(suffix));
        let options = zip::write::SimpleFileOptions::default().compression_method(if stored {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        });
        writer
            .start_file(file.path.as_str(), options)
            .map_err(error)?;
        writer
            .write_all(&file.bytes)
            .map_err(|failure| failure.to_string())?;
    }
    Ok(writer.finish().map_err(error)?.into_inner())
}
