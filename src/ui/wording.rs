//! Wording shared by the components and the build-time page (the pre-rendered page's notes,
//! its `<noscript>` line and its title come from here too), in both languages.

use crate::core::snapshot::Localized;
use crate::core::Language;

/// Shown when this browser cannot run the interactive layer (no WebAssembly, JavaScript off,
/// or the module failed to start). Both languages: the reader's choice is not known then.
pub const NEEDS_NEWER_BROWSER: &str = "本页的完整报告可以直接阅读；交互式图表、地图和下载需要较新的浏览器。 · \
     The whole report is readable here; interactive charts, the map and downloads need a newer browser.";

/// Shown when the interactive layer could not be downloaded (a connection problem, not the
/// browser).
pub const INTERACTIVE_NOT_DOWNLOADED: &str = "交互功能未能下载（网络连接问题）；本页报告完整，可直接阅读，刷新页面可重试。 · \
     The interactive layer could not be downloaded (a connection problem); the report here is complete. Reload to try again.";

/// Shown when the link asks for another snapshot (`?data=`) and this browser cannot load it.
pub const OTHER_SNAPSHOT_NEEDS_NEWER_BROWSER: &str =
    "此链接指向另一份数据，需要较新的浏览器才能显示。 · \
     This link opens another data file, which needs a newer browser to show.";

/// While another snapshot (`?data=`) loads, in place of the pre-rendered default report.
pub const LOADING_OTHER_SNAPSHOT: &str = "正在加载所选数据… · Loading the chosen data…";

/// The offline banner: the saved copy's date, and the figures' as-of date with how that date
/// was arrived at when the snapshot says so.
pub fn offline_copy(
    language: Language,
    saved: &str,
    as_of: &str,
    as_of_note: Option<&Localized>,
) -> String {
    match language {
        Language::Zh => {
            let note = as_of_note
                .map(|note| format!("；{}", note.zh))
                .unwrap_or_default();
            format!(
                "离线副本：当前无法联网，显示的是 {saved} 保存的副本（数据截至 {as_of}{note}）。"
            )
        }
        Language::En => {
            let note = as_of_note
                .map(|note| format!("; {}", note.en))
                .unwrap_or_default();
            format!("Offline copy: no connection, showing the copy saved {saved} (figures as of {as_of}{note}).")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offline_banner_keeps_the_as_of_note() {
        let note = Localized {
            zh: "日期为推断".into(),
            en: "date inferred".into(),
        };
        let zh = offline_copy(Language::Zh, "2026-12-01", "2021-07-12", Some(&note));
        assert!(
            zh.contains("2021-07-12") && zh.contains("日期为推断"),
            "{zh}"
        );
        let en = offline_copy(Language::En, "2026-12-01", "2021-07-12", Some(&note));
        assert!(
            en.contains("figures as of 2021-07-12; date inferred"),
            "{en}"
        );
        let plain = offline_copy(Language::En, "2026-12-01", "2021-07-12", None);
        assert!(plain.ends_with("(figures as of 2021-07-12)."), "{plain}");
    }
}
