//! The pure-Rust core: no DOM, no browser. Everything here is tested natively with
//! `cargo test` and shared by the web app and the native `snapshot` tool.

pub mod chart;
/// Editing a snapshot: the editor page (feature `editor`) and the snapshot tool (native).
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub mod draft;
pub mod format;
pub mod geo;
pub mod map;
pub mod snapshot;
pub mod sort;
pub mod speech;
pub mod svg_compact;
pub mod text_measure;
pub mod theme;
pub mod view;
pub mod vocabulary;
pub mod wording;

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
