//! Every word of the editor page, in both languages (the reader's words are `core::wording`).

use crate::core::wording::{Text, Worded};
use crate::core::Language;

pub const PAGE_TITLE: Text = Text::new("数据编辑器", "Data editor");
pub const PAGE_PURPOSE: Text = Text::new(
    "在这里更新报告的数字：逐项修改、检查，再生成发布文件夹，或交给网站管理员发布。",
    "Update the report's figures here: change them, check them, then make the site folder or hand them to whoever runs the site.",
);
pub const NOTHING_SENT: Text = Text::new(
    "所有工作都在本浏览器中完成：不会向任何地方发送数据。草稿自动保存在本浏览器中。",
    "Everything happens in this browser: nothing is sent anywhere. The draft is kept in this browser as you work.",
);
pub const OPENING: Text = Text::new(
    "正在读取网站当前的数据…",
    "Reading the site's current data…",
);
pub const LANGUAGE_SWITCH: Text = Text::new("English", "中文");
pub const LANGUAGE_SWITCH_LABEL: Text = Text::new("Switch to English", "切换到中文");
pub const LARGE_TEXT: Text = Text::new("大字", "Large text");
pub const UNDO: Text = Text::new("撤销", "Undo");
pub const REDO: Text = Text::new("重做", "Redo");
pub const OPEN_FILE: Text = Text::new("打开数据文件…", "Open a data file…");
pub const DROP_HINT: Text = Text::new(
    "snapshot.json、Excel 表格（.xlsx）或 CSV 表格；也可以拖到本页。",
    "snapshot.json, an Excel workbook (.xlsx) or a CSV spreadsheet; you can also drop it onto this page.",
);
pub const DOWNLOAD_XLSX: Text = Text::new(
    "下载表格（Excel .xlsx）",
    "Download spreadsheet (Excel .xlsx)",
);
pub const WORKBOOK_NOT_MADE: Text = Text::new(
    "未能生成 Excel 表格；草稿没有改变。",
    "The Excel workbook could not be made; the draft is unchanged.",
);
pub const XLSX_NAME: Text = Text::new("指标与各村数值.xlsx", "figures.xlsx");
pub const DOWNLOAD_INDICATORS_CSV: Text =
    Text::new("下载指标表格（CSV）", "Download the figures (CSV)");
pub const DOWNLOAD_BY_PLACE_CSV: Text = Text::new(
    "下载各村数值表格（CSV）",
    "Download the values by village (CSV)",
);
pub const INDICATORS_CSV_NAME: Text = Text::new("指标.csv", "indicators.csv");
pub const BY_PLACE_CSV_NAME: Text = Text::new("各村数值.csv", "by-place.csv");
pub const SPREADSHEETS_HEADING: Text = Text::new("表格", "Spreadsheets");
pub const SPREADSHEETS_HELP: Text = Text::new(
    "下载表格，在 Excel 中修改或添加新一期的数字（工作表「指标」和「各村数值」；“限定”和“类型”可从下拉列表中选），保存后用“打开数据文件”或拖到本页导入。也可以用 CSV 表格（UTF-8 或 GBK 均可）。表格改动了已有的数字时，会先列出这些数字并询问，确认后才采用。",
    "Download the spreadsheet, change figures or add a new period's in Excel (sheets 指标 and 各村数值; pick the qualifier and the kind from their drop-down lists), save it, then import it with “Open a data file” or by dropping it here. CSV files (UTF-8 or GBK) work too. Figures already here that the file changes are listed first and taken only when you say so.",
);
pub const TAKE_SPREADSHEET: Text = Text::new("采用表格中的数字", "Take the spreadsheet's figures");
pub const SECTION_PREVIEW: Text = Text::new("预览", "Preview");
pub const PREVIEW_HELP: Text = Text::new(
    "用报告本身显示草稿（手机和电脑的宽度），边改边更新。草稿还有必须解决的问题时，预览列出问题而不显示报告。预览只在本浏览器中。",
    "The report itself, showing the draft (at a phone's and a desktop's width), updated as you edit. While the draft has problems to fix, the preview lists them instead of the report. The preview is in this browser only.",
);
pub const PREVIEW_WHAT: Text = Text::new("预览内容", "What to preview");
pub const WHOLE_REPORT: Text = Text::new("整份报告", "The whole report");
pub const PREVIEW_EMBED: Text = Text::new("嵌入门户网站时的样子", "As embedded in a portal");
pub const SHOW_PREVIEW: Text = Text::new("显示预览", "Show the preview");
pub const HIDE_PREVIEW: Text = Text::new("隐藏预览", "Hide the preview");
pub const PREVIEW_PHONE: Text = Text::new("手机（390 像素宽）", "Phone (390 px wide)");
pub const PREVIEW_DESKTOP: Text = Text::new(
    "电脑（1280 像素宽，缩小显示）",
    "Desktop (1280 px wide, shown smaller)",
);
pub const SECTION_BOUNDARIES: Text = Text::new("村界", "Village boundaries");
pub const BOUNDARIES_HELP: Text = Text::new(
    "打开国土调查的村界文件（GeoJSON）。每个地块的属性里要有村的区划代码 code 或村名 name；先选文件所用的坐标系。没有对应村庄的地块会列出来，此时不导入任何边界。",
    "Open the land survey's village boundaries (GeoJSON). Each feature needs the village's official code (code) or name (name) among its properties; choose the file's coordinate system first. Features that match no village are listed, and then no boundary is taken.",
);
pub const BOUNDARIES_CRS: Text = Text::new("坐标系", "Coordinate system");
pub const BOUNDARIES_OPEN: Text = Text::new("打开村界文件…", "Open a boundary file…");
pub const CRS_WGS84: Text = Text::new("WGS84（GPS、天地图）", "WGS84 (GPS, Tianditu)");
pub const CRS_GCJ02: Text = Text::new("GCJ-02（高德、腾讯地图）", "GCJ-02 (Amap, Tencent maps)");
pub const CRS_CGCS2000: Text = Text::new(
    "CGCS2000（国家 2000，国土调查）",
    "CGCS2000 (China 2000, land survey)",
);
pub const FILE_UNREADABLE: Text = Text::new(
    "浏览器无法读取这个文件",
    "the browser could not read the file",
);
pub const DOWNLOAD_SNAPSHOT: Text = Text::new("下载 snapshot.json", "Download snapshot.json");
pub const DISCARD_DRAFT: Text = Text::new("放弃草稿", "Discard draft");
pub const DRAFT_DISCARDED: Text = Text::new(
    "草稿已放弃，恢复为网站当前的数据（可以撤销）。",
    "The draft is discarded: back to the site's current data (you can undo this).",
);
pub const BACK_TO_REPORT: Text = Text::new("返回报告", "Back to the report");

pub const SECTION_CHECKS: Text = Text::new("检查结果", "Checks");
pub const ALL_CHECKS_PASS: Text = Text::new(
    "没有问题：数据可以发布。",
    "No problems: the data can be published.",
);
pub const PROBLEMS_HEADING: Text = Text::new("必须解决的问题", "Problems to fix");
pub const WARNINGS_HEADING: Text = Text::new("请核对", "Please check");
pub const SECTION_FIGURES: Text = Text::new("指标", "Figures");
pub const SECTION_PLACES: Text = Text::new("各村", "Villages");
pub const SECTION_REPORT: Text = Text::new("报告信息与来源", "About the report and its sources");
pub const SECTION_PROSE: Text = Text::new("各部分文字", "The sections' text");
pub const SECTION_CHANGES: Text = Text::new("变更清单", "Change list");
pub const NO_CHANGES: Text = Text::new(
    "与网站当前发布的数据相同，没有变更。",
    "The same as the data the site publishes now: no changes.",
);
pub const PRINT_CHANGES: Text = Text::new("打印变更清单", "Print the change list");
pub const DOWNLOAD_CHANGES: Text = Text::new("下载变更清单", "Download the change list");
pub const SIGN_OFF: Text = Text::new(
    "审核人签字：＿＿＿＿＿＿＿＿　日期：＿＿＿＿＿＿",
    "Signed off by: ________________   Date: __________",
);
pub const FIELD_LABEL_ZH: Text = Text::new("名称（中文）", "Name (Chinese)");
pub const FIELD_LABEL_EN: Text = Text::new("名称（英文）", "Name (English)");
pub const FIELD_VALUE: Text = Text::new("数值", "Value");
pub const FIELD_QUALIFIER: Text = Text::new("限定", "Qualifier");
pub const FIELD_KIND: Text = Text::new("类型", "Kind");
pub const FIELD_UNIT_ZH: Text = Text::new("单位（中文）", "Unit (Chinese)");
pub const FIELD_UNIT_EN: Text = Text::new("单位（英文）", "Unit (English)");
pub const FIELD_PERIOD: Text = Text::new("时期", "Period");
pub const FIELD_QUOTE: Text = Text::new("原文", "The report's words");
pub const FIELD_SOURCE: Text = Text::new("来源", "Source");
pub const FIELD_NOTE_ZH: Text = Text::new("说明（中文）", "Note (Chinese)");
pub const FIELD_NOTE_EN: Text = Text::new("说明（英文）", "Note (English)");
pub const FIELD_OTHER_PERIODS: Text = Text::new("其他时期", "Other periods");
pub const FIELD_PLACE_VALUES: Text = Text::new("各村数值", "Values by village");
pub const FIELD_NAME_ZH: Text = Text::new("村名（中文）", "Name (Chinese)");
pub const FIELD_NAME_EN: Text = Text::new("村名（英文）", "Name (English)");
pub const FIELD_CODE: Text = Text::new("区划代码", "Official code");
pub const FIELD_COMMUNITY: Text = Text::new("所属社区", "Community");
pub const FIELD_DESIGNATIONS: Text = Text::new("称号", "Designations");
pub const FIELD_DESIGNATION_LEVEL: Text = Text::new("称号级别", "Designation level");
pub const PLACE_SEARCH: Text = Text::new("按村名或代码查找", "Find by name or code");
pub const NO_COMMUNITY: Text = Text::new("（无）", "(none)");
pub const FIELD_AS_OF: Text = Text::new("数据截至日期", "Figures as of");
pub const FIELD_REPORT_PERIOD: Text = Text::new("报告时期", "Report period");
pub const FIELD_TITLE_ZH: Text = Text::new("标题（中文）", "Title (Chinese)");
pub const FIELD_TITLE_EN: Text = Text::new("标题（英文）", "Title (English)");
pub const FIELD_DESCRIPTION_ZH: Text = Text::new("简介（中文）", "Description (Chinese)");
pub const FIELD_DESCRIPTION_EN: Text = Text::new("简介（英文）", "Description (English)");
pub const FIELD_SOURCE_TITLE_ZH: Text = Text::new("来源标题（中文）", "Source title (Chinese)");
pub const FIELD_SOURCE_TITLE_EN: Text = Text::new("来源标题（英文）", "Source title (English)");
pub const FIELD_PUBLISHER_ZH: Text = Text::new("发布者（中文）", "Publisher (Chinese)");
pub const FIELD_PUBLISHER_EN: Text = Text::new("发布者（英文）", "Publisher (English)");
pub const FIELD_SOURCE_DATE: Text = Text::new("来源日期", "Source date");
pub const FIELD_SOURCE_URL: Text = Text::new("来源网址", "Source address");
pub const FIELD_SECTION_TITLE_ZH: Text = Text::new("部分标题（中文）", "Section title (Chinese)");
pub const FIELD_SECTION_TITLE_EN: Text = Text::new("部分标题（英文）", "Section title (English)");
pub const FIELD_PROSE_ZH: Text = Text::new("段落（中文）", "Paragraph (Chinese)");
pub const FIELD_PROSE_EN: Text = Text::new("段落（英文）", "Paragraph (English)");
pub const QUALIFIER_NOT_STATED: Text = Text::new("原文未给数字", "not stated in the report");
pub const QUALIFIER_EXACT: Text = Text::new("精确", "exact");
pub const KIND_COUNT: Text = Text::new("计数（整数）", "count (whole number)");
pub const KIND_MEASURE: Text = Text::new("量（可有小数）", "measure (may have decimals)");
pub const PATH_FOR_IT: Text = Text::new("位置", "at");

/// "{n} problems, {m} to check".
pub fn check_summary(problems: usize, warnings: usize, language: Language) -> String {
    match language {
        Language::Zh => format!("{problems} 个问题必须解决，{warnings} 处请核对"),
        Language::En => format!("{problems} problems to fix, {warnings} to check"),
    }
}

/// The heading of one figure in the editor: its label and id.
pub fn figure_heading(label: &str, id: &str, language: Language) -> String {
    match language {
        Language::Zh => format!("{label}（{id}）"),
        Language::En => format!("{label} ({id})"),
    }
}

/// Said when a file was opened.
pub fn opened_file(name: &str, problems: usize, language: Language) -> String {
    match (language, problems) {
        (Language::Zh, 0) => format!("已打开 {name}：没有问题。"),
        (Language::Zh, n) => format!("已打开 {name}：有 {n} 个问题，见“检查结果”。"),
        (Language::En, 0) => format!("Opened {name}: no problems."),
        (Language::En, n) => format!("Opened {name}: {n} problems, see “Checks”."),
    }
}

/// Said when a file could not be opened; the draft is untouched.
pub fn file_refused(name: &str, language: Language) -> String {
    match language {
        Language::Zh => format!("无法打开 {name}，草稿没有改动。原因："),
        Language::En => format!("Could not open {name}; the draft is unchanged. Why:"),
    }
}

/// Said when the site's data file could not be read at the start.
pub fn site_data_unreadable(language: Language) -> &'static str {
    match language {
        Language::Zh => "无法读取网站当前的数据文件（data/snapshot.json）。可以用“打开数据文件”打开一份。原因：",
        Language::En => "Could not read the site's current data file (data/snapshot.json). You can open one with “Open a data file”. Why:",
    }
}

/// Said when the kept draft was made from other published data than the site has now.
pub fn draft_from_other_data(saved_at: &str, language: Language) -> String {
    match language {
        Language::Zh => format!("已恢复 {saved_at} 保存的草稿。网站的数据在此之后已更换：变更清单对比的是网站现在的数据。"),
        Language::En => format!("The draft kept at {saved_at} is back. The site's data has been replaced since: the change list compares with the site's data now."),
    }
}

/// Said when the kept draft is back.
pub fn draft_restored(saved_at: &str, language: Language) -> String {
    match language {
        Language::Zh => format!("已恢复 {saved_at} 保存的草稿。"),
        Language::En => format!("The draft kept at {saved_at} is back."),
    }
}

/// Said when the kept draft could not be read (it is kept aside, not deleted).
pub fn draft_unreadable(language: Language) -> &'static str {
    match language {
        Language::Zh => "本浏览器中保存的草稿无法读取，已另存一旁（未删除），现从网站当前的数据开始。",
        Language::En => "The draft kept in this browser could not be read; it is set aside (not deleted), and editing starts from the site's current data.",
    }
}

/// Said when the browser would not keep the draft.
pub fn draft_not_kept(language: Language) -> &'static str {
    match language {
        Language::Zh => "浏览器无法保存草稿（存储已满或被禁用）：关闭本页前请先下载 snapshot.json。",
        Language::En => "The browser would not keep the draft (storage full or turned off): download snapshot.json before closing this page.",
    }
}

/// Why the snapshot cannot be downloaded yet.
pub fn fix_problems_first(problems: usize, language: Language) -> String {
    match language {
        Language::Zh => format!("先解决 {problems} 个问题才能下载"),
        Language::En => format!("Fix {problems} problems before downloading"),
    }
}

/// What the change list compares with.
pub fn changes_against(as_of: &str, language: Language) -> String {
    match language {
        Language::Zh => format!("对比的是网站当前发布的数据（截至 {as_of}）。"),
        Language::En => format!("Compared with the data the site publishes now (as of {as_of})."),
    }
}

/// Said when a spreadsheet was imported into the draft.
pub fn imported_spreadsheet(
    name: &str,
    changes: usize,
    encoding: &str,
    language: Language,
) -> String {
    match language {
        Language::Zh => format!("已导入 {name}（{encoding}）：与导入前相比 {changes} 处变更，见“变更清单”。可以撤销。"),
        Language::En => format!("Imported {name} ({encoding}): {changes} changes from before, see the “Change list”. You can undo this."),
    }
}

/// Asked when a spreadsheet changes figures the draft already has.
pub fn spreadsheet_changes_figures(name: &str, count: usize, language: Language) -> String {
    match language {
        Language::Zh => format!("{name} 修改了 {count} 个已有的数字（见下）。核对无误后，点“采用表格中的数字”；采用后它们会列在“变更清单”中，也可以撤销。"),
        Language::En => format!("{name} changes {count} figures already here (below). Once checked, choose “Take the spreadsheet's figures”; they are then in the “Change list”, and you can undo it."),
    }
}

/// Said when boundaries were taken into the draft.
pub fn imported_boundaries(
    name: &str,
    with_boundary: usize,
    crs: &str,
    language: Language,
) -> String {
    match language {
        Language::Zh => format!("已导入村界 {name}（{crs}）：现有 {with_boundary} 个地点有边界。可以撤销。"),
        Language::En => format!("Imported the boundaries in {name} ({crs}): {with_boundary} places now have a boundary. You can undo this."),
    }
}

/// A file over the size limit.
pub fn too_large(bytes: usize, limit: usize, language: Language) -> String {
    match language {
        Language::Zh => format!("文件有 {bytes} 字节，上限为 {limit} 字节"),
        Language::En => format!("the file is {bytes} bytes; the limit is {limit} bytes"),
    }
}

/// The villages' disclosure: how many places there are.
pub fn places_summary(count: usize, language: Language) -> String {
    match language {
        Language::Zh => format!("{count} 个地点（村、社区）：点开修改"),
        Language::En => format!("{count} places (villages, communities): open to edit"),
    }
}

/// How many of the matching places are drawn.
pub fn places_shown(shown: usize, total: usize, language: Language) -> String {
    match (language, shown == total) {
        (Language::Zh, true) => format!("共 {total} 个"),
        (Language::Zh, false) => format!("显示前 {shown} 个，共 {total} 个：请用查找缩小范围"),
        (Language::En, true) => format!("{total} in all"),
        (Language::En, false) => format!("The first {shown} of {total}: find to narrow them down"),
    }
}

pub const SITE_FOLDER_HEADING: Text = Text::new("发布", "Publish");
pub const SITE_FOLDER_HELP: Text = Text::new(
    "“生成发布文件夹”在本浏览器中做出可直接上传到网站的文件夹（.zip）：与 IT 人员用 snapshot publish 生成的相同——每一页都按草稿中的数字预先生成（不能运行 WebAssembly 的手机也看到新数字），各图表的单独页面、分享预览图、.gz/.br 压缩文件都在内。解压后整个上传，替换网站上原来的文件。",
    "“Make the site folder” makes, in this browser, the folder to upload to the site (a .zip): the same as IT staff get from snapshot publish — every page pre-rendered with the draft's figures (phones that cannot run WebAssembly see the new figures too), each visual's own page, the link-preview image, the .gz/.br files. Unpack it and upload all of it in place of the site's files.",
);
pub const MAKE_SITE_FOLDER: Text =
    Text::new("生成发布文件夹（.zip）", "Make the site folder (.zip)");
pub const SITE_FOLDER_DONE: Text = Text::new(
    "发布文件夹已生成，已交给浏览器下载。",
    "The site folder is made and handed to the browser's downloads.",
);
pub const SITE_FOLDER_FILE: Text =
    Text::new("富官庄镇报告-发布文件夹.zip", "fuguanzhuang-site.zip");

/// "Making the site folder failed".
pub fn site_folder_failed(language: Language) -> &'static str {
    match language {
        Language::Zh => "未能生成发布文件夹；草稿没有改变。",
        Language::En => "The site folder could not be made; the draft is unchanged.",
    }
}

/// How far the page maker is: its step and `done` of `total`.
pub fn site_folder_progress(step: &str, done: u32, total: u32, language: Language) -> String {
    let (zh, en) = match step {
        "fetching" => ("读取网站文件", "Reading the site's files"),
        "rendering" => ("生成各页面", "Rendering the pages"),
        "compressing" => ("压缩", "Compressing"),
        "packing" => ("打包", "Packing the .zip"),
        _ => ("准备", "Starting"),
    };
    match language {
        Language::Zh => format!("正在生成发布文件夹：{zh}（{done}/{total}）……页面可以继续使用。"),
        Language::En => {
            format!("Making the site folder: {en} ({done}/{total})… the page stays usable.")
        }
    }
}

pub const PAGE_MAKER_NOT_STARTED: Text = Text::new(
    "浏览器无法启动生成发布文件夹的后台程序",
    "the browser could not start the page maker",
);
pub const PAGE_MAKER_NO_DRAFT: Text = Text::new(
    "后台程序没有收到草稿",
    "the page maker was not given the draft",
);
pub const SITE_ADDRESS_UNREADABLE: Text =
    Text::new("无法读取本网站的地址", "the site's address cannot be read");
pub const NO_BACKGROUND_DRAWING: Text = Text::new(
    "此浏览器不能在后台绘制分享预览图（需要 OffscreenCanvas）；请用新版的 Edge、Chrome、Firefox 或 Safari",
    "this browser cannot draw the link-preview image in the background (it needs OffscreenCanvas); use a recent Edge, Chrome, Firefox or Safari",
);

/// The page maker stopped on its own (`detail`: what the browser said).
pub fn page_maker_stopped(detail: &str) -> Worded {
    Worded::new(
        format!("生成发布文件夹的后台程序停止了：{detail}"),
        format!("the page maker stopped: {detail}"),
    )
}

/// A file of the site the page maker could not read.
pub fn site_file_unreadable(url: &str, detail: &str) -> Worded {
    Worded::new(
        format!("读不到网站文件 {url}：{detail}"),
        format!("could not read the site's file {url}: {detail}"),
    )
}

/// The build's list of the site's files is wrong.
pub fn site_file_list_wrong(file: &str, detail: &str) -> Worded {
    Worded::new(
        format!("网站文件清单 {file} 有误：{detail}"),
        format!("the site's file list {file} is wrong: {detail}"),
    )
}

/// Rendering, compressing or packing failed.
pub fn pages_not_made(detail: &str) -> Worded {
    Worded::new(
        format!("生成页面或打包时出错：{detail}"),
        format!("making the pages or the .zip failed: {detail}"),
    )
}
