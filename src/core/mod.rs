//! The pure-Rust core: no DOM, no browser. Everything here is tested natively with
//! `cargo test` and shared by the web app and the native `snapshot` tool.

pub mod chart_draw;
pub mod chart_model;
pub mod data_source;
pub mod format;
pub mod geo;
pub mod geojson;
pub mod json_path;
pub mod load;
pub mod map_draw;
pub mod map_model;
pub mod scale;
pub mod search;
pub mod site_url;
pub mod snapshot;
pub mod svg_compact;
pub mod synthetic;
pub mod text_measure;
pub mod theme;
pub mod url_state;
pub mod validate;

/// The viewer's languages. zh-CN is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    Zh,
    En,
}

impl Language {
    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Zh => "zh-CN",
            Language::En => "en",
        }
    }
}
