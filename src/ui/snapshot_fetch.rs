//! The data layer: fetch the snapshot and turn it into a checked [`Snapshot`].
//!
//! Rural connections are slow and can hang: the request is aborted after
//! [`FETCH_TIMEOUT_MS`] with a clear message (and a retry). The body is read as a stream and
//! abandoned as soon as it passes [`MAX_SNAPSHOT_BYTES`], so a wrong or hostile URL cannot make
//! a phone download and parse 50 MB.

use gloo_net::http::Request;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::snapshot::load::{
    snapshot_fingerprint, snapshot_from_json_text, snapshot_text_from_bytes, LoadFailure,
    MAX_SNAPSHOT_BYTES,
};
use crate::core::snapshot::Snapshot;
use crate::core::wording::Worded;

/// The default snapshot, relative to the page so the app works from any sub-folder.
pub const DEFAULT_SNAPSHOT_URL: &str = "data/snapshot.json";
/// How long a snapshot request may take before it is abandoned.
pub const FETCH_TIMEOUT_MS: i32 = 20_000;

/// Bodies larger than this warm up the snapshot reader while they download.
const WARM_UP_ABOVE_BYTES: usize = 256 * 1024;
/// Generated places read for the warm-up (about 330 KB of text; 9–19 ms in the benchmarks).
const WARM_UP_PLACES: usize = 1000;

/// A response header the service worker adds when it answers from its saved copy: the date it
/// was saved.
pub const OFFLINE_COPY_HEADER: &str = "x-offline-copy";

/// A fetched, checked snapshot, and whether it is the offline copy (with its saved date).
pub struct Fetched {
    pub snapshot: Snapshot,
    pub offline_copy: Option<String>,
    /// [`snapshot_fingerprint`] of the text.
    pub fingerprint: String,
}

fn network(url: &str, zh: impl Into<String>, en: impl Into<String>) -> LoadFailure {
    LoadFailure::Network {
        url: url.to_owned(),
        detail: Worded::new(zh, en),
    }
}

/// Reads the body as a stream, giving up past `limit` bytes. Once more than
/// [`WARM_UP_ABOVE_BYTES`] have come and more are on the way, warms up the snapshot reader
/// (it is a large snapshot; the rest downloads meanwhile).
async fn read_limited(
    url: &str,
    response: &gloo_net::http::Response,
    limit: usize,
) -> Result<Vec<u8>, LoadFailure> {
    let mut warmed_up = false;
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader =
        stream.get_reader().dyn_into().map_err(|_| {
            network(
                url,
                "无法读取响应内容",
                "the response body could not be read",
            )
        })?;
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|error| {
            let reason = error.as_string().unwrap_or_default();
            network(
                url,
                format!("下载中断（{reason}）"),
                format!("the download broke off ({reason})"),
            )
        })?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|done| done.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        if let Ok(value) = js_sys::Reflect::get(&chunk, &"value".into()) {
            let array = js_sys::Uint8Array::new(&value);
            if bytes.len() + array.length() as usize > limit {
                // The stream is abandoned; its cancellation has nothing to report.
                drop(reader.cancel());
                return Err(LoadFailure::TooLarge {
                    url: url.to_owned(),
                    bytes: (bytes.len() + array.length() as usize) as u64,
                });
            }
            let start = bytes.len();
            bytes.resize(start + array.length() as usize, 0);
            array.copy_to(&mut bytes[start..]);
            if !warmed_up && bytes.len() > WARM_UP_ABOVE_BYTES {
                warmed_up = true;
                mark("snapshot-warm-up-start");
                crate::core::snapshot::load::warm_up_place_reader(WARM_UP_PLACES);
                mark("snapshot-warm-up-end");
            }
        }
    }
    Ok(bytes)
}

/// Fetches `url` (relative to the page) and validates it.
pub async fn fetch_snapshot(url: &str) -> Result<Fetched, LoadFailure> {
    let controller = web_sys::AbortController::new().map_err(|_| {
        network(
            url,
            "浏览器无法发出请求",
            "the browser cannot make requests",
        )
    })?;
    let signal = controller.signal();
    let abort = wasm_bindgen::closure::Closure::once_into_js({
        let controller = controller.clone();
        move || controller.abort()
    });
    let timer = crate::ui::dom::window().and_then(|window| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                FETCH_TIMEOUT_MS,
            )
            .ok()
    });
    let result = fetch_with_signal(url, &signal).await;
    if let (Some(window), Some(timer)) = (crate::ui::dom::window(), timer) {
        window.clear_timeout_with_handle(timer);
    }
    match result {
        Err(_) if signal.aborted() => Err(network(
            url,
            format!(
                "{} 秒内没有收到完整的响应（网络慢或中断）",
                FETCH_TIMEOUT_MS / 1000
            ),
            format!(
                "no complete answer within {} seconds (a slow or broken connection)",
                FETCH_TIMEOUT_MS / 1000
            ),
        )),
        other => other,
    }
}

async fn fetch_with_signal(
    url: &str,
    signal: &web_sys::AbortSignal,
) -> Result<Fetched, LoadFailure> {
    mark("snapshot-fetch-start");
    let response = Request::get(url)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(|error| network(url, format!("浏览器报告：{error}"), error.to_string()))?;
    if !response.ok() {
        return Err(LoadFailure::HttpStatus {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    let announced = response
        .headers()
        .get("content-length")
        .and_then(|length| length.trim().parse::<u64>().ok());
    if let Some(bytes) = announced.filter(|&bytes| bytes > MAX_SNAPSHOT_BYTES as u64) {
        return Err(LoadFailure::TooLarge {
            url: url.to_owned(),
            bytes,
        });
    }
    let offline_copy = response.headers().get(OFFLINE_COPY_HEADER);
    let bytes = read_limited(url, &response, MAX_SNAPSHOT_BYTES).await?;
    mark("snapshot-fetched");
    let text = snapshot_text_from_bytes(bytes).map_err(|problem| LoadFailure::Invalid {
        url: url.to_owned(),
        problems: vec![problem],
    })?;
    let snapshot = snapshot_from_json_text(&text).map_err(|problems| LoadFailure::Invalid {
        url: url.to_owned(),
        problems,
    })?;
    mark("snapshot-validated");
    Ok(Fetched {
        snapshot,
        offline_copy,
        fingerprint: snapshot_fingerprint(&text),
    })
}

/// A User Timing mark (`performance.mark`), read by `benches/load.mjs` to time fetch, parse
/// and validation in the real loading path.
pub fn mark(name: &str) {
    if let Some(performance) = crate::ui::dom::window().and_then(|window| window.performance()) {
        crate::ui::dom::warn_on_error(performance.mark(name), "mark");
    }
}
