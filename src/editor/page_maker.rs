//! The page maker: a web worker (its own wasm, `src/bin/pages.rs`, built with the feature
//! `pages`, in which leptos renders to strings as it does natively) that makes the site folder
//! for the draft while the editor's page stays responsive. It fetches the site's own files (the
//! list `editor/site-files.json` the build wrote), renders and compresses the pages with
//! `authoring::site_folder` (what `snapshot publish` runs), draws the link-preview image on an
//! `OffscreenCanvas` with the browser's Chinese font, and packs the folder as a `.zip`.
//!
//! Messages: the worker says `{kind: "ready"}` once it listens; the page sends
//! `{snapshot: text}`; the worker answers `{kind: "progress", step, done, total}` as it goes, then
//! `{kind: "done", zip: Uint8Array}` or `{kind: "error", zh, en}` (the page shows its language).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::authoring::preview_image::{draw_preview, png_from_rgb, Painter, Rgb, HEIGHT, WIDTH};
use crate::authoring::site_folder::{site_folder_files, zip_from_site_files, FolderStep, SiteFile};
use crate::core::draft::wording;
use crate::core::view::site_url::SiteUrl;
use crate::core::wording::Worded;

/// The list of the site's files, written by the build (`scripts/trunk-post-build.mjs`).
pub const SITE_FILES: &str = "editor/site-files.json";

/// What the build wrote: the site's address it was built for, and every file's path.
#[derive(serde::Deserialize)]
struct SiteFiles {
    site_url: Option<String>,
    files: Vec<String>,
}

fn scope() -> Option<web_sys::DedicatedWorkerGlobalScope> {
    js_sys::global().dyn_into().ok()
}

fn post(message: &js_sys::Object, transfer: Option<&JsValue>) {
    let Some(scope) = scope() else {
        return;
    };
    let sent = match transfer {
        Some(buffer) => scope.post_message_with_transfer(message, &js_sys::Array::of1(buffer)),
        None => scope.post_message(message),
    };
    if sent.is_err() {
        web_sys::console::warn_1(&"the page maker could not answer the page".into());
    }
}

fn message(kind: &str, fields: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"kind".into(), &kind.into());
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), value);
    }
    object
}

fn progress(step: &str, done: usize, total: usize) {
    post(
        &message(
            "progress",
            &[
                ("step", step.into()),
                ("done", (done as f64).into()),
                ("total", (total as f64).into()),
            ],
        ),
        None,
    );
}

/// Starts listening for the page's request.
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(scope) = scope() else {
        return;
    };
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            let snapshot = js_sys::Reflect::get(&event.data(), &"snapshot".into())
                .ok()
                .and_then(|value| value.as_string());
            wasm_bindgen_futures::spawn_local(async move {
                let made = match snapshot {
                    Some(snapshot) => make_folder(&snapshot).await,
                    None => Err(Worded::from(wording::PAGE_MAKER_NO_DRAFT)),
                };
                match made {
                    Ok(zip) => {
                        let bytes = js_sys::Uint8Array::from(zip.as_slice());
                        let buffer = bytes.buffer();
                        post(&message("done", &[("zip", bytes.into())]), Some(&buffer));
                    }
                    Err(error) => post(
                        &message("error", &[("zh", error.zh.into()), ("en", error.en.into())]),
                        None,
                    ),
                }
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&message("ready", &[]), None);
}

/// The site's root: the worker's script is in `editor/`.
fn site_root() -> Result<String, Worded> {
    scope()
        .map(|scope| scope.location().href())
        .and_then(|here| web_sys::Url::new_with_base("../", &here).ok())
        .map(|url| url.href())
        .ok_or_else(|| wording::SITE_ADDRESS_UNREADABLE.into())
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, Worded> {
    let failed = |detail: String| wording::site_file_unreadable(url, &detail);
    let response = gloo_net::http::Request::get(url)
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|error| failed(error.to_string()))?;
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    response
        .binary()
        .await
        .map_err(|error| failed(error.to_string()))
}

async fn make_folder(snapshot: &str) -> Result<Vec<u8>, Worded> {
    // Said before any work: a browser that cannot draw the preview image in a worker.
    if !js_sys::Reflect::has(&js_sys::global(), &"OffscreenCanvas".into()).unwrap_or(false) {
        return Err(wording::NO_BACKGROUND_DRAWING.into());
    }
    let root = site_root()?;
    let list = fetch_bytes(&format!("{root}{SITE_FILES}")).await?;
    let list: SiteFiles = serde_json::from_slice(&list)
        .map_err(|error| wording::site_file_list_wrong(SITE_FILES, &error.to_string()))?;
    let site = list
        .site_url
        .as_deref()
        .map(str::parse::<SiteUrl>)
        .transpose()
        .map_err(|error| {
            wording::site_file_list_wrong(SITE_FILES, &format!("site_url: {error}"))
        })?;
    let total = list.files.len();
    let mut app = Vec::with_capacity(total);
    for (done, path) in list.files.into_iter().enumerate() {
        progress("fetching", done, total);
        let bytes = fetch_bytes(&format!("{root}{path}")).await?;
        app.push(SiteFile { path, bytes });
    }
    progress("fetching", total, total);
    let files = site_folder_files(
        app,
        snapshot,
        site.as_ref(),
        &mut preview_png_in_browser,
        &mut |step| match step {
            FolderStep::Rendering => progress("rendering", 0, 1),
            FolderStep::Compressing { done, total } => progress("compressing", done, total),
        },
    )
    .map_err(|error| wording::pages_not_made(&error))?;
    progress("packing", 0, 1);
    zip_from_site_files(&files).map_err(|error| wording::pages_not_made(&error))
}

/// The browser's canvas as the preview image's painter.
struct CanvasPainter {
    context: web_sys::OffscreenCanvasRenderingContext2d,
}

/// Chinese fonts the browser may have, the CLI's first.
const FONT_FAMILIES: &str =
    "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", sans-serif";

fn css_colour(colour: Rgb) -> String {
    format!("rgb({}, {}, {})", colour[0], colour[1], colour[2])
}

/// The layout's sizes are ab_glyph's scale: the font's height from descender to ascender,
/// which is 1.448 em in Noto Sans CJK (ascender 1160, descender −288, 1000 units per em); a
/// canvas font size is the em.
const EM_PER_SCALE: f32 = 1.0 / 1.448;

impl CanvasPainter {
    fn set_font(&self, size: f32) {
        let em = size * EM_PER_SCALE;
        self.context.set_font(&format!("{em}px {FONT_FAMILIES}"));
    }
}

impl Painter for CanvasPainter {
    fn rect(&mut self, x: i32, y: i32, width: i32, height: i32, colour: Rgb) {
        self.context.set_fill_style_str(&css_colour(colour));
        self.context.fill_rect(
            f64::from(x),
            f64::from(y),
            f64::from(width),
            f64::from(height),
        );
    }

    fn text(&mut self, size: f32, x: f32, y: f32, colour: Rgb, text: &str) {
        self.set_font(size);
        self.context.set_fill_style_str(&css_colour(colour));
        let _ = self.context.fill_text(text, f64::from(x), f64::from(y));
    }

    fn text_width(&mut self, size: f32, text: &str) -> f32 {
        self.set_font(size);
        self.context
            .measure_text(text)
            .map(|metrics| metrics.width() as f32)
            .unwrap_or(0.0)
    }
}

/// The link-preview image drawn by the browser: the same layout as the CLI's, the browser's
/// Chinese font instead of the CLI's font file, encoded by the same PNG encoder.
fn preview_png_in_browser(snapshot: &crate::core::snapshot::Snapshot) -> Result<Vec<u8>, String> {
    let canvas = web_sys::OffscreenCanvas::new(WIDTH, HEIGHT)
        .map_err(|_| "this browser cannot draw the link-preview image (no OffscreenCanvas)")?;
    let context: web_sys::OffscreenCanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|context| context.dyn_into().ok())
        .ok_or("this browser cannot draw the link-preview image (no 2D canvas in a worker)")?;
    let mut painter = CanvasPainter { context };
    painter.rect(0, 0, WIDTH as i32, HEIGHT as i32, [0xff, 0xff, 0xff]);
    draw_preview(snapshot, &mut painter);
    let rgba = painter
        .context
        .get_image_data(0.0, 0.0, f64::from(WIDTH), f64::from(HEIGHT))
        .map_err(|_| "the link-preview image could not be read back")?
        .data();
    let rgb: Vec<u8> = rgba
        .chunks_exact(4)
        .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
        .collect();
    png_from_rgb(&rgb)
}
