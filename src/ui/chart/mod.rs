//! One chart (`figure`: canvas, tooltip, legend, keyboard, table view) and its downloads.

pub mod download;
pub mod figure;
