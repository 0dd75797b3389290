//! The data layer: fetch the snapshot and turn it into a checked [`Snapshot`].

use gloo_net::http::Request;

use crate::core::load::{snapshot_from_json_text, LoadFailure, MAX_SNAPSHOT_BYTES};
use crate::core::snapshot::Snapshot;

/// The default snapshot, relative to the page so the app works from any sub-folder.
pub const DEFAULT_SNAPSHOT_URL: &str = "data/snapshot.json";

/// Fetches `url` (relative to the page) and validates it.
pub async fn fetch_snapshot(url: &str) -> Result<Snapshot, LoadFailure> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|error| LoadFailure::Network {
            url: url.to_owned(),
            detail: error.to_string(),
        })?;
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
    let text = response
        .text()
        .await
        .map_err(|error| LoadFailure::Network {
            url: url.to_owned(),
            detail: error.to_string(),
        })?;
    snapshot_from_json_text(&text).map_err(|problems| LoadFailure::Invalid {
        url: url.to_owned(),
        problems,
    })
}
