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

/// A phrase made at run time, in both languages (a message with values in it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worded {
    pub zh: String,
    pub en: String,
}

impl Worded {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Worded {
        Worded {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The phrase in `language`.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Zh => &self.zh,
            Language::En => &self.en,
        }
    }
}

impl From<Text> for Worded {
    fn from(text: Text) -> Worded {
        Worded::new(text.zh, text.en)
    }
}

/// `text` in `language`.
pub fn text(language: Language, text: Text) -> &'static str {
    text.get(language)
}

// ---- qualifiers ----

pub const QUALIFIER_EXACT: Text = Text::new("确数", "exact");
pub const QUALIFIER_AT_LEAST: Text = Text::new("至少", "at least");
pub const QUALIFIER_ABOUT: Text = Text::new("约", "about");
pub const QUALIFIER_AT_MOST: Text = Text::new("至多", "at most");

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
// The same key for figures written as numbers (a figure card, a section alone).
pub const MARK_EXACT: Text = Text::new("无标记的数字：确数", "A number without a mark: exact");
pub const MARK_AT_LEAST: Text = Text::new("“10+”：至少", "“10+”: at least");
pub const MARK_ABOUT: Text = Text::new("“≈200”：约数", "“≈200”: approximate");
pub const MARK_AT_MOST: Text = Text::new("“≤5”：至多", "“≤5”: at most");
pub const MARK_UNSTATED: Text = Text::new("“N”：原文未给出数字", "“N”: no number stated");
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
/// Above the report when it shows the editor's draft (`?data=editor-draft`).
pub const DRAFT_PREVIEW: Text = Text::new(
    "预览：这是数据编辑器中的草稿，尚未发布。",
    "Preview: this is the data editor's draft, not published.",
);
/// The editor's draft could not be found in this browser.
pub const NO_DRAFT: Text = Text::new(
    "本浏览器中没有数据编辑器的草稿。",
    "There is no data editor draft in this browser.",
);

/// The site's footer link to the editor page (township staff update the figures there).
pub const EDITOR_LINK: Text =
    Text::new("更新数据（数据编辑器）", "Update the figures (data editor)");

pub const NEEDS_NEWER_BROWSER: &str = "本页的完整报告可以直接阅读；交互式图表、地图和下载需要较新的浏览器。 · \
     The whole report is readable here; interactive charts, the map and downloads need a newer browser.";

/// Shown when the interactive layer could not be downloaded (a connection problem, not the
/// browser).
pub const INTERACTIVE_NOT_DOWNLOADED: &str = "交互功能未能下载（网络连接问题）；本页报告完整，可直接阅读，刷新页面可重试。 · \
     The interactive layer could not be downloaded (a connection problem); the report here is complete. Reload to try again.";

/// Shown when the interactive layer stopped on an error it could not recover from (a trap in
/// the WebAssembly: the release build has no panic messages); the report stays readable.
pub const INTERACTIVE_STOPPED: &str = "交互功能因出错而停止；本页报告仍可阅读，刷新页面可重试。 · \
     The interactive layer stopped on an error; the report here stays readable. Reload to try again.";

/// Shown when the link asks for another snapshot (`?data=`) and this browser cannot load it.
pub const OTHER_SNAPSHOT_NEEDS_NEWER_BROWSER: &str =
    "此链接指向另一份数据，需要较新的浏览器才能显示。 · \
     This link opens another data file, which needs a newer browser to show.";

/// The line the start-up script shows above a pre-rendered page when the interactive layer
/// cannot run and the site's data file is not the one the page was rendered from (a snapshot
/// placed by hand, without `snapshot publish`): in four parts around the link to the data
/// file and the data file's as-of date, which the script reads from the file. `page_as_of`
/// is the as-of date of the figures the page shows.
pub fn stale_data_line(language: Language, page_as_of: &str) -> [String; 4] {
    match language {
        Language::Zh => [
            format!("注意：下方的数字来自较早版本的数据（截至 {page_as_of}）。网站上的"),
            "数据文件".into(),
            "已更换（截至 ".into(),
            "），网站需要重新发布，本页才会显示其中的数字。".into(),
        ],
        Language::En => [
            format!("Note: the figures below are from an earlier version of the data (as of {page_as_of}). The site's "),
            "data file".into(),
            " has been replaced (as of ".into(),
            "); the site needs to be republished for this page to show its figures.".into(),
        ],
    }
}

/// In the stale-data line, when the site's data file cannot be read for its date.
pub const STALE_DATA_AS_OF_UNREADABLE: Text = Text::new("日期无法读取", "date unreadable");

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

// ---- ui/app.rs ----

pub const THIS_PAGE: Text = Text::new("本页地址：", "This page: ");

// ---- ui/view_controls.rs ----

pub const SHARED: Text = Text::new("已分享", "Shared");
pub const LINK_COPIED: Text = Text::new("链接已复制：", "Link copied: ");
pub const COPY_THIS_LINK: Text = Text::new("请复制此链接：", "Copy this link: ");
pub const EMBED_CODE_COPIED: Text = Text::new("嵌入代码已复制", "Embed code copied");
pub const COPY_THE_EMBED_CODE_BY: Text =
    Text::new("请手动复制嵌入代码", "Copy the embed code by hand");
pub const VIEW_SETTINGS: Text = Text::new("显示设置", "View settings");
pub const COLOURS: Text = Text::new("配色", "Colours");
pub const COLOURS_SYSTEM: Text = Text::new("配色：跟随系统", "Colours: system");
pub const LIGHT: Text = Text::new("浅色", "Light");
pub const DARK: Text = Text::new("深色", "Dark");
pub const LARGE_TEXT: Text = Text::new("大字模式", "Large text");
pub const SHARE_LINK: Text = Text::new("分享链接", "Share link");
pub const EMBED_CODE: Text = Text::new("嵌入代码", "Embed code");
pub const PASTE_THIS_INTO_A_WEB: Text = Text::new(
    "把下面的代码粘贴到网站页面中（当前视图，自动调整高度）：",
    "Paste this into a web page (this view; the height adjusts itself):",
);
pub const COPY_EMBED_CODE: Text = Text::new("复制嵌入代码", "Copy embed code");

// ---- ui/visual_share.rs, ui/report/single_visual.rs ----

pub const LINK_OR_EMBED: Text = Text::new("复制链接 / 嵌入", "Link / embed");
pub const LINK_TO_THIS_VISUAL: Text = Text::new("只看此项的链接：", "Link to this alone:");
pub const COPY_LINK: Text = Text::new("复制链接", "Copy link");
pub const COPIED: Text = Text::new("已复制", "Copied");
pub const COPY_BY_HAND: Text = Text::new(
    "未能复制：请选中上面的文字后手动复制",
    "Could not copy: select the text above and copy it by hand",
);
pub const EMBED_THIS_VISUAL: Text = Text::new(
    "嵌入代码（只含此项，自动调整高度）：",
    "Embed code (this alone; the height adjusts itself):",
);
pub const FULL_REPORT: Text = Text::new("查看完整报告 ↗", "Full report ↗");
pub const THIS_REPORT_HAS_NO_VISUAL: Text = Text::new(
    "此报告中没有这个图表、数字或章节：",
    "This report has no chart, figure or section ",
);

// ---- ui/view_notices.rs ----

pub const IGNORED_IN_THE_LINK: Text = Text::new("链接中已忽略：", "Ignored in the link: ");

/// Why a parameter of the link was ignored: this viewer does not read it.
pub fn unknown_parameter(key: &str) -> Worded {
    Worded::new(
        format!("未知参数 {key:?}"),
        format!("unknown parameter {key:?}"),
    )
}

/// Why a parameter of the link was ignored: its value is not one it can take.
pub fn invalid_parameter(name: &str, value: &str) -> Worded {
    Worded::new(
        format!("{name}={value:?} 无效"),
        format!("{name}={value:?} is not valid"),
    )
}
pub const THIS_REPORT_HAS_NO_VILLAGE: Text =
    Text::new("此报告中没有这个村：", "This report has no village ");
pub const THIS_REPORT_HAS_NO_FIGURE: Text =
    Text::new("此报告中没有这个指标：", "This report has no figure ");
pub const THIS_REPORT_HAS_NO_SECTION: Text =
    Text::new("此报告中没有这个章节：", "This report has no section ");

// ---- ui/report/figure_card.rs ----

pub const NO_VALUE_FOR_THIS_PERIOD: Text = Text::new("本期无数据", "no value for this period");
pub const NOT_STATED: Text = Text::new("未说明", "not stated");
pub const PERIOD: Text = Text::new("期间：", "Period: ");

// ---- ui/report/header.rs ----

pub const SYNTHETIC_DATA_NOT_REAL_FIGURES: Text = Text::new(
    "合成数据：并非真实数字，仅供测试",
    "Synthetic data: not real figures, for testing only",
);
pub const OPEN_THE_FULL_VIEW: Text = Text::new("打开完整页面 ↗", "Open the full view ↗");
pub const REPORT_SECTIONS: Text = Text::new("报告章节", "Report sections");

// ---- ui/report/indicator_table.rs ----

pub const TABLE_OF_ALL_FIGURES: Text = Text::new("全部指标表格", "Table of all figures");

// ---- ui/report/timeline.rs ----

pub const PREVIOUS_PERIOD: Text = Text::new("上一期", "Previous period");
pub const NEXT_PERIOD: Text = Text::new("下一期", "Next period");
pub const PAUSE: Text = Text::new("暂停", "Pause");
pub const PLAY: Text = Text::new("播放", "Play");
pub const CHOOSE_THE_PERIOD: Text = Text::new("选择期间", "Choose the period");

// ---- ui/map/locator_inset.rs ----

pub const LOCATOR_UNAVAILABLE: Text = Text::new("位置图无法加载：", "Locator unavailable: ");

// ---- ui/map/village_card.rs ----

pub const NO_SUCH_VILLAGE: Text = Text::new("没有这个村庄。", "No such village.");
pub const ADMINISTRATIVE_VILLAGE: Text = Text::new("行政村", "Administrative village");
pub const COMMUNITY: Text = Text::new("社区", "Community");
pub const NONE_THE_SOURCE_OF_THE: Text = Text::new(
    "无（名称来源未给出代码）",
    "None (the source of the name gives no code)",
);
pub const INFERRED_NO_SOURCE_STATES_IT: Text = Text::new(
    "推断：无来源说明，根据名称猜测",
    "inferred: no source states it; guessed from the names",
);
pub const SOURCE: Text = Text::new("来源：", "Source: ");
pub const CLOSE: Text = Text::new("关闭", "Close");
pub const KIND: Text = Text::new("类别", "Kind");
pub const OFFICIAL_CODE: Text = Text::new("统计代码", "Official code");
pub const NAME_FROM: Text = Text::new("名称来源", "Name from");
pub const THE_REPORT_GIVES_NO_FIGURES: Text = Text::new(
    "报告没有给出这个村的单独数字。",
    "The report gives no figures for this village on its own.",
);

// ---- ui/map/village_list.rs ----

pub const MEMBERSHIP_INFERRED: Text = Text::new("归属为推断", "membership inferred");
pub const LIST_OF_VILLAGES: Text = Text::new("村庄列表", "List of villages");
pub const GROUPED_BY_COMMUNITY_WHERE_A: Text = Text::new(
    "按社区分组。以下归属中标为“推断”的，没有来源说明，是根据名称推断的；无法归属的村庄单独列出。",
    "Grouped by community. Where a membership is marked “inferred”, no source states it: it is guessed from the names. Villages with no community are listed separately.",
);
pub const GROUPED_BY_COMMUNITY: Text = Text::new("按社区分组。", "Grouped by community.");
pub const VILLAGES_WITH_NO_INFERRED_COMMUNITY: Text = Text::new(
    "未能推断所属社区的村",
    "Villages with no inferred community",
);
pub const VILLAGES_IN_NO_COMMUNITY: Text =
    Text::new("不属于任何社区的村", "Villages in no community");

// ---- composed phrases ----

/// A source cited: "来源：title（publisher，date）" / "Source: title (publisher, date)"; with
/// `data` the header's "数据来源：" / "Source:".
pub fn source_line(
    language: Language,
    source: &crate::core::snapshot::Source,
    data: bool,
) -> String {
    match language {
        Language::Zh => format!(
            "{}：{}（{}{}）",
            if data { "数据来源" } else { "来源" },
            source.title.zh,
            source.publisher.zh,
            source
                .date
                .as_ref()
                .map(|d| format!("，{d}"))
                .unwrap_or_default()
        ),
        Language::En => format!(
            "Source: {} ({}{})",
            source.title.en,
            source.publisher.en,
            source
                .date
                .as_ref()
                .map(|d| format!(", {d}"))
                .unwrap_or_default()
        ),
    }
}

/// "数据截至 … · 统计期 …" / "Figures as of … · period …".
pub fn as_of_line(language: Language, as_of: &str, period: &str) -> String {
    match language {
        Language::Zh => format!("数据截至 {as_of} · 统计期 {period}"),
        Language::En => format!("Figures as of {as_of} · period {period}"),
    }
}

/// A note in brackets after what it explains: "（note）" / " (note)".
pub fn bracketed(language: Language, note: &str) -> String {
    match language {
        Language::Zh => format!("（{note}）"),
        Language::En => format!(" ({note})"),
    }
}

/// "共 N 项指标，均摘自报告原文" / "N figures, each quoted from the report".
pub fn indicator_count(language: Language, count: usize) -> String {
    match language {
        Language::Zh => format!("共 {count} 项指标，均摘自报告原文"),
        Language::En => format!("{count} figures, each quoted from the report"),
    }
}

/// "N 个行政村，M 个社区" / "N villages, M communities".
pub fn village_count(language: Language, villages: usize, communities: usize) -> String {
    match language {
        Language::Zh => format!("{villages} 个行政村，{communities} 个社区"),
        Language::En => format!("{villages} villages, {communities} communities"),
    }
}

/// When a snapshot has too many villages to list one by one.
pub fn too_many_villages(language: Language, villages: usize) -> String {
    match language {
        Language::Zh => format!("共 {villages} 个村，太多无法逐一列出：请用上面的查找框。"),
        Language::En => {
            format!("{villages} villages are too many to list: use the search box above.")
        }
    }
}

/// The locator's accessible name and caption, from the snapshot's county and city.
pub fn locator_texts(language: Language, county: &Localized, city: &Localized) -> (String, String) {
    match language {
        Language::Zh => (
            format!("位置示意：{}在{}中的位置", county.zh, city.zh),
            format!("{}在{}。", county.zh, city.zh),
        ),
        Language::En => (
            format!("Locator: {} within {}", county.en, city.en),
            format!("{} in {}. ", county.en, city.en),
        ),
    }
}

/// The map legend's last entries.
pub const NOT_NAMED_IN_REPORT: Text = Text::new("报告未提及", "Not named in the report");
pub const COMMUNITY_UNKNOWN: Text = Text::new("所属社区未知", "Community unknown");
pub const NO_DATA_NOT_ZERO: Text = Text::new("无数据（不是 0）", "No data (not zero)");
/// A chart whose every series the reader switched off.
pub const ALL_SERIES_HIDDEN: Text = Text::new("所有数据系列均已隐藏", "All series are hidden");

// ---- read aloud (朗读 / 指读) ----

pub const READ_ALOUD: Text = Text::new("朗读", "Read aloud");
pub const READ_ALOUD_HINT: Text = Text::new(
    "朗读已开启：点按数字、图表条、村块、标题或段落即可收听，再点一次听原文。按 Esc 停止。",
    "Read aloud is on: tap a figure, a chart bar, a village, a heading or a paragraph to hear it; tap again for the report's own words. Esc stops.",
);
pub const SPEECH_NOT_AVAILABLE: Text = Text::new(
    "此浏览器不能朗读（没有语音合成功能）。",
    "This browser cannot read aloud (it has no speech synthesis).",
);
pub const SPEECH_NO_VOICE: Text = Text::new(
    "此设备没有中文语音，无法朗读。可在系统设置中添加中文语音。",
    "This device has no English voice, so it cannot read aloud. A voice can be added in the system settings.",
);
pub const SPEECH_CHECKING: Text = Text::new("正在查找语音…", "Looking for a voice…");
pub const READ_THIS_SECTION: Text = Text::new("朗读本节", "Read this section");
pub const SPEECH_READING: Text = Text::new("正在朗读", "Reading aloud");
pub const SPEECH_PAUSE: Text = Text::new("暂停", "Pause");
pub const SPEECH_STOP: Text = Text::new("停止", "Stop");
pub const SPEECH_SLOWER: Text = Text::new("慢速", "Slower");
pub const SPEECH_CONTROLS: Text = Text::new("朗读控制", "Read-aloud controls");
/// Said before the report's own words (which are then read in Chinese).
pub const SPEECH_SOURCE_LEAD: Text = Text::new("原文：", "The report's own words, in Chinese:");
pub const SPEECH_TABLE: Text = Text::new("表格：全部数字。", "Table of all figures.");
pub const SPEECH_MAP: Text = Text::new("村庄示意图", "Schematic map of the villages");
pub const SPEECH_MAP_HINT: Text = Text::new("点按村块可收听村名", "tap a village to hear its name");

/// A chart's title as it is announced before its figures.
pub fn speech_chart_title(language: Language, title: &str) -> String {
    match language {
        Language::Zh => format!("图表：{title}。"),
        Language::En => format!("Chart: {title}."),
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
