//! The app's wording, in both languages, in one place: the components, the build-time page
//! (its notes, its `<noscript>` line) and the core's own words (qualifiers, map legends) take
//! their text from here. A [`Text`] is a fixed phrase; functions compose phrases with values.

use crate::core::snapshot::Localized;
use crate::core::Language;

/// A fixed phrase in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(zh: &'static str, en: &'static str) -> Text {
        Text { zh, en }
    }

    /// The phrase in `language`.
    pub fn get(self, language: Language) -> &'static str {
        match language {
            Language::Zh => self.zh,
            Language::En => self.en,
        }
    }
}

/// `text` in `language`.
pub fn text(language: Language, text: Text) -> &'static str {
    text.get(language)
}

// ---- charts and tables ----

pub const NOT_STATED_IN_REPORT: Text = Text::new("原文未给出数字", "not stated in the report");
pub const COLUMN_INDICATOR: Text = Text::new("指标", "Indicator");
pub const COLUMN_VALUE: Text = Text::new("数值", "Value");
pub const COLUMN_UNIT: Text = Text::new("单位", "Unit");
pub const COLUMN_QUALIFIER: Text = Text::new("限定", "Qualifier");
pub const COLUMN_QUOTE: Text = Text::new("原文", "Source phrase");
pub const COLUMN_PROGRAMME: Text = Text::new("工作", "Programme");
pub const COLUMN_PERIOD: Text = Text::new("期间", "Period");
pub const LEGEND_LABEL: Text =
    Text::new("图例（点击显示或隐藏）", "Legend (click to show or hide)");
pub const KEY_EXACT: Text = Text::new("实心条：确数", "Solid bar: exact figure");
pub const KEY_AT_LEAST: Text = Text::new("斜纹开口延伸：至少", "Open hatched extension: at least");
pub const KEY_ABOUT: Text = Text::new("斜纹虚线末端：约数", "Hatched dashed end: approximate");
pub const KEY_AT_MOST: Text = Text::new("斜纹末端封口：至多", "Hatched closed end: at most");
pub const KEY_UNSTATED: Text = Text::new(
    "虚线空框：原文未给出数字（N）",
    "Dashed empty boxes: no number stated (N)",
);
pub const SHOW_TABLE: Text = Text::new("以表格显示", "Show as table");
pub const SHOW_CHART: Text = Text::new("显示图表", "Show chart");

/// The report's own words behind a qualifier, quoted for the chart's key ("" when none).
pub fn qualifier_markers_quoted(language: Language, markers: &[&str]) -> String {
    if markers.is_empty() {
        return String::new();
    }
    match language {
        Language::Zh => format!(
            "（原文{}）",
            markers.iter().map(|m| format!("“{m}”")).collect::<String>()
        ),
        Language::En => format!(
            " (the report says {})",
            markers
                .iter()
                .map(|m| format!("“{m}”"))
                .collect::<Vec<_>>()
                .join(" / ")
        ),
    }
}

// ---- the map ----

pub const MAP_DEFAULT_TITLE: Text = Text::new("村庄地图", "Village map");
pub const MAP_SYNTHETIC: Text = Text::new(
    "合成数据：地图上的村庄和边界都是生成的，并非真实。",
    "Synthetic data: the villages and boundaries on this map are generated, not real.",
);
pub const MAP_COLOUR_BY: Text = Text::new("着色：", "Colour by: ");
pub const MAP_COLOUR_DESIGNATION: Text = Text::new("美丽乡村建设", "Beautiful-village programme");
pub const MAP_COLOUR_COMMUNITY: Text = Text::new("所属社区", "Community");
pub const MAP_ZOOM: Text = Text::new("缩放", "Zoom");
pub const MAP_ZOOM_IN: Text = Text::new("放大", "Zoom in");
pub const MAP_ZOOM_OUT: Text = Text::new("缩小", "Zoom out");
pub const MAP_RESET: Text = Text::new("复位", "Reset");
pub const MAP_FIND: Text = Text::new("查找村庄", "Find a village");
pub const MAP_FIND_HINT: Text =
    Text::new("查找村庄（汉字或拼音）", "Find a village (name or pinyin)");
pub const MAP_KEY_CITY: Text = Text::new(
    "实心圆点：市级美丽乡村建设",
    "Filled dot: city-level beautiful-village programme",
);
pub const MAP_KEY_COUNTY: Text = Text::new(
    "空心圆圈：县级美丽乡村建设",
    "Ring: county-level beautiful-village programme",
);

/// The schematic map's caption; the dashed-border sentence only where links are inferred.
pub fn schematic_map_caption(language: Language, any_inferred: bool) -> String {
    match language {
        Language::Zh => format!(
            "示意图：村庄按所属社区分组排列，不按比例，不表示真实位置，也不显示任何边界。{}",
            if any_inferred { "虚线边框表示所属社区是根据名称推断的。" } else { "" }
        ),
        Language::En => format!(
            "Schematic: villages are grouped by community. Not to scale; it shows no real locations and no boundaries.{}",
            if any_inferred { " A dashed border means the village's community is inferred from names." } else { "" }
        ),
    }
}

/// The geographic map's caption, with the map review number (审图号) when the snapshot has one.
pub fn geographic_map_caption(language: Language, review_number: Option<&str>) -> String {
    match (language, review_number) {
        (Language::Zh, Some(number)) => {
            format!("地图：边界来自快照中的几何数据，统一换算为 WGS84 坐标显示。审图号：{number}")
        }
        (Language::Zh, None) => {
            "地图：边界来自快照中的几何数据，统一换算为 WGS84 坐标显示。此快照未提供审图号。".into()
        }
        (Language::En, Some(number)) => format!(
            "Map: boundaries from the snapshot's geometry, shown in WGS 84. Map review number: {number}"
        ),
        (Language::En, None) => "Map: boundaries from the snapshot's geometry, shown in WGS 84. This snapshot gives no map review number.".into(),
    }
}

/// Places whose geometry could not be read.
pub fn unreadable_geometry(language: Language, count: usize) -> String {
    match language {
        Language::Zh => format!("有 {count} 个地点的几何数据无法读取，未画出。"),
        Language::En => {
            format!("{count} places have geometry that could not be read and are not drawn.")
        }
    }
}

pub const MAP_CANVAS_LABEL: Text = Text::new(
    "村庄地图。方向键平移，加减号缩放，0 复位；用下方的村庄列表选择村庄。",
    "Village map. Arrow keys pan, plus and minus zoom, 0 resets; choose villages from the list below.",
);

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
