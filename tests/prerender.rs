//! The page pre-rendered natively by the same components the browser runs: the whole report is
//! in the HTML, and whatever a snapshot says is escaped there.
#![cfg(not(target_arch = "wasm32"))]

use fuguanzhuang_viewer::core::format::format_value;
use fuguanzhuang_viewer::core::snapshot::load::snapshot_from_json_text;
use fuguanzhuang_viewer::core::view::visual::{visuals_of_snapshot, Visual};
use fuguanzhuang_viewer::core::Language;
use fuguanzhuang_viewer::ui::prerender::{escape_html, render_page, render_pages};

const DEFAULT_SNAPSHOT: &str = include_str!("../data/snapshot.json");
const PAGE: &str = include_str!("../index.html");

/// The part of the page the app renders (between the app markers).
fn app_part(page: &str) -> &str {
    let start = page.find("<!--app-->").expect("app marker");
    let end = page.find("<!--/app-->").expect("end marker");
    &page[start..end]
}

#[test]
fn the_default_page_holds_every_figure_with_its_value_and_quote() {
    let page = render_page(PAGE, DEFAULT_SNAPSHOT, None).expect("renders");
    let snapshot = snapshot_from_json_text(DEFAULT_SNAPSHOT).expect("valid");
    let app = app_part(&page);
    assert_eq!(snapshot.indicators.len(), 26);
    for indicator in &snapshot.indicators {
        let value = format_value(indicator.value, indicator.qualifier, Language::Zh);
        let value = escape_html(&value);
        let quote = escape_html(&indicator.quote);
        let row = format!("data-indicator=\"{}\"", indicator.id);
        assert!(app.contains(&row), "{}: no element", indicator.id);
        assert!(
            app.contains(&value),
            "{}: value {value} missing",
            indicator.id
        );
        assert!(app.contains(&quote), "{}: quote missing", indicator.id);
        assert!(
            app.contains(&escape_html(&indicator.label.zh)),
            "{}: label",
            indicator.id
        );
    }
    // Every section, every chart as SVG with its title, the map as SVG, every village.
    for section in &snapshot.sections {
        assert!(
            app.contains(&format!("id=\"{}\"", section.id)),
            "{}",
            section.id
        );
    }
    let charts = snapshot
        .sections
        .iter()
        .flat_map(|section| &section.blocks)
        .filter(|block| {
            matches!(
                block,
                fuguanzhuang_viewer::core::snapshot::Block::Chart { .. }
            )
        })
        .count();
    // Each chart once; the map drawn once, in a narrow box and (by reference) a wide one.
    assert_eq!(app.matches("class=\"static-drawing\"").count(), charts);
    assert_eq!(app.matches("class=\"static-drawing narrow\"").count(), 1);
    assert_eq!(app.matches("class=\"static-drawing wide\"").count(), 1);
    assert!(app.contains("<g id=\"village-map-drawing\">"));
    assert!(app.contains("<use href=\"#village-map-drawing\"/>"));
    for place in &snapshot.places {
        assert!(
            app.contains(&escape_html(&place.name.zh)),
            "{}",
            place.name.zh
        );
    }
    // Where the page came from, for the app's check before hydrating.
    assert!(app.contains("data-snapshot=\""));
    assert!(app.contains("data-markup=\""));
    // The head: title, description, preview tags, structured data.
    assert!(page.contains("<title>富官庄镇 · "));
    assert!(page.contains("property=\"og:title\""));
    assert!(page.contains("<script type=\"application/ld+json\">"));
}

#[test]
fn hostile_strings_are_rendered_inert() {
    let mut value: serde_json::Value = serde_json::from_str(DEFAULT_SNAPSHOT).expect("JSON");
    let hostile = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "\u{202E}evil\u{202C} 右到左",
        "</noscript><script>alert(2)</script>",
    ];
    let mut next = hostile.iter().cycle();
    value["meta"]["title"]["zh"] = (*next.next().unwrap_or(&"")).into();
    value["meta"]["description"]["zh"] = "</script><script>alert(3)</script>".into();
    if let Some(indicators) = value["indicators"].as_array_mut() {
        for indicator in indicators {
            indicator["label"]["zh"] = (*next.next().unwrap_or(&"")).into();
            indicator["quote"] = (*next.next().unwrap_or(&"")).into();
        }
    }
    if let Some(places) = value["places"].as_array_mut() {
        for place in places {
            place["name"]["zh"] = (*next.next().unwrap_or(&"")).into();
        }
    }
    if let Some(sections) = value["sections"].as_array_mut() {
        for section in sections {
            section["title"]["zh"] = (*next.next().unwrap_or(&"")).into();
        }
    }
    let text = value.to_string();
    snapshot_from_json_text(&text).expect("the hostile snapshot is still valid");
    let page = render_page(PAGE, &text, None).expect("renders");
    for needle in ["<script>alert", "<img", "</noscript><script>"] {
        assert!(
            !page.contains(needle),
            "{needle} got into the page unescaped"
        );
    }
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The only scripts are the page's own files and the structured data.
    let scripts: Vec<&str> = page
        .match_indices("<script")
        .map(|(at, _)| &page[at..(at + 60).min(page.len())])
        .collect();
    for script in &scripts {
        assert!(
            script.contains("type=\"application/ld+json\"") || script.contains("src="),
            "{script}"
        );
    }
    // The right-to-left override stays text (it is shown, and shown as the snapshot has it).
    assert!(page.contains("\u{202E}evil\u{202C}"));
}

#[test]
fn markup_in_a_heading_stays_text_in_text_and_attributes() {
    // The section title is a heading's text and an anchor's text: the `">` and `<img` in it
    // are escaped wherever it lands, so they never close an attribute or open an element.
    let mut value: serde_json::Value = serde_json::from_str(DEFAULT_SNAPSHOT).expect("JSON");
    value["sections"][1]["title"]["zh"] = "\"><img src=x onerror=alert(1)>".into();
    let page = render_page(PAGE, &value.to_string(), None).expect("renders");
    let app = app_part(&page);
    for (at, _) in app.match_indices("onerror=alert(1)") {
        let before = &app[at.saturating_sub(40)..at];
        assert!(
            before.contains("&quot;&gt;")
                || before.contains("&gt;&lt;img")
                || before.contains("&quot;>&lt;img"),
            "unescaped context: …{before}"
        );
    }
}

#[test]
fn the_published_address_is_printed_when_the_build_knows_it() {
    use fuguanzhuang_viewer::core::view::site_url::SiteUrl;
    let site = SiteUrl::parse("https://www.example.gov.cn/reports/fuguanzhuang").expect("valid");
    let page = render_page(PAGE, DEFAULT_SNAPSHOT, Some(&site)).expect("renders");
    let app = app_part(&page);
    assert!(app.contains("data-site-url=\"https://www.example.gov.cn/reports/fuguanzhuang/\""));
    assert!(
        app.contains("本页地址：https://www.example.gov.cn/reports/fuguanzhuang/?v=1&amp;lang=zh"),
        "the printed page carries its address"
    );
    // Without it, no address is printed (a relative one would mean nothing on paper).
    let page = render_page(PAGE, DEFAULT_SNAPSHOT, None).expect("renders");
    assert!(!app_part(&page).contains("本页地址："));
}

/// Every string of the default snapshot with this township's, county's and city's names
/// replaced by made-up ones: another county's report, as far as the viewer can tell.
fn made_up_county() -> String {
    fn rename(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::String(text) => {
                for (real, made_up) in [
                    ("富官庄镇", "示例镇"),
                    ("富官庄", "示例"),
                    ("沂水县", "样本县"),
                    ("沂水", "样本"),
                    ("临沂市", "测试市"),
                    ("临沂", "测试"),
                    ("Fuguanzhuang", "Shili"),
                    ("fuguanzhuang", "shili"),
                    ("Yishui", "Yangben"),
                    ("Linyi", "Ceshi"),
                ] {
                    *text = text.replace(real, made_up);
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(rename),
            serde_json::Value::Object(map) => map.values_mut().for_each(rename),
            _ => {}
        }
    }
    let mut value: serde_json::Value = serde_json::from_str(DEFAULT_SNAPSHOT).expect("JSON");
    rename(&mut value);
    value.to_string()
}

#[test]
fn no_wording_asserts_this_township_for_another_snapshot() {
    use fuguanzhuang_viewer::ui::prerender::app_html_for_view;
    use std::sync::Arc;
    let text = made_up_county();
    let snapshot = Arc::new(snapshot_from_json_text(&text).expect("still a valid snapshot"));
    for query in [
        "",
        "?lang=en",
        "?embed=1",
        "?lang=en&embed=1",
        "?large=1&lang=en",
    ] {
        let html = app_html_for_view(Arc::clone(&snapshot), None, query);
        assert!(
            html.contains("示例镇"),
            "{query}: the made-up township is shown"
        );
        for name in ["富官庄", "沂水", "临沂", "Fuguanzhuang", "Yishui", "Linyi"] {
            assert!(
                !html.contains(name),
                "{query}: “{name}” appears in the UI of another county's snapshot: …{}…",
                html.find(name)
                    .map(|at| &html[at.saturating_sub(120)..(at + 60).min(html.len())])
                    .unwrap_or_default()
            );
        }
    }
}

#[test]
fn caveats_follow_the_data() {
    use fuguanzhuang_viewer::ui::prerender::app_html_for_view;
    use std::sync::Arc;
    // The default snapshot's community links are inferred: the caveats say so.
    let snapshot = Arc::new(snapshot_from_json_text(DEFAULT_SNAPSHOT).expect("valid"));
    let html = app_html_for_view(Arc::clone(&snapshot), None, "");
    assert!(html.contains("虚线边框表示所属社区是根据名称推断的"));
    assert!(html.contains("根据名称推断的"));
    // A snapshot whose links are stated by a source: no "inferred" caveat anywhere.
    let mut value: serde_json::Value = serde_json::from_str(DEFAULT_SNAPSHOT).expect("JSON");
    if let Some(places) = value["places"].as_array_mut() {
        for place in places {
            if place["community"].is_object() {
                place["community"]["inferred"] = false.into();
            }
        }
    }
    let sourced = Arc::new(snapshot_from_json_text(&value.to_string()).expect("valid"));
    for query in ["", "?lang=en"] {
        let html = app_html_for_view(Arc::clone(&sourced), None, query);
        for caveat in ["推断", "inferred"] {
            assert!(
                !html.contains(caveat),
                "{query}: “{caveat}” with sourced links"
            );
        }
    }
}

#[test]
fn each_visual_has_a_page_of_its_own_with_just_that_visual() {
    use fuguanzhuang_viewer::core::view::site_url::SiteUrl;
    let site = SiteUrl::parse("https://www.example.gov.cn/reports/fgz/").expect("valid");
    let pages = render_pages(PAGE, DEFAULT_SNAPSHOT, Some(&site)).expect("renders");
    let snapshot = snapshot_from_json_text(DEFAULT_SNAPSHOT).expect("valid");
    let visuals = visuals_of_snapshot(&snapshot);
    assert_eq!(pages.visuals.len(), visuals.len());
    assert!(visuals.len() >= 4 + 20 + 1 + 7, "{}", visuals.len());
    for ((file, page), visual) in pages.visuals.iter().zip(&visuals) {
        assert_eq!(file, &visual.page_file());
        let app = app_part(page);
        assert!(
            app.contains(&format!("data-visual=\"{}\"", visual.param())),
            "{file}"
        );
        assert_eq!(app.matches("class=\"single-visual").count(), 1, "{file}");
        assert!(
            app.contains("查看完整报告"),
            "{file}: the way to the whole report"
        );
        assert!(
            !app.contains("report-header"),
            "{file}: not the report's header"
        );
        // Its own title and address; the dataset is described on the report's page only.
        assert!(
            page.contains(&format!(
                "content=\"https://www.example.gov.cn/reports/fgz/{file}\""
            )),
            "{file}"
        );
        assert!(!page.contains("application/ld+json"), "{file}");
        let charts = app.matches("<figure id=\"chart-").count();
        let cards = app.matches("class=\"figure-card").count();
        match visual {
            Visual::Chart(id) => {
                assert_eq!(charts, 1, "{file}");
                assert!(app.contains(&format!("id=\"chart-{id}\"")) && app.contains("<svg"));
            }
            Visual::Figure(id) => {
                assert_eq!((charts, cards), (0, 1), "{file}");
                let indicator = snapshot.indicator(id).expect("indicator");
                let value = format_value(indicator.value, indicator.qualifier, Language::Zh);
                assert!(app.contains(&escape_html(&value)), "{file}: {value}");
                assert!(
                    page.contains(&format!("<title>{} · ", indicator.label.zh)),
                    "{file}"
                );
            }
            Visual::Map => {
                assert_eq!((charts, cards), (0, 0), "{file}");
                assert!(app.contains("id=\"village-map\"") && app.contains("<svg"));
            }
            Visual::Section(id) => {
                assert!(
                    app.contains(&format!("<section id=\"{id}\""))
                        || app.contains(&format!("id=\"{id}\"")),
                    "{file}"
                );
                assert_eq!(app.matches("class=\"report-section").count(), 1, "{file}");
            }
        }
    }
    // The report's own page still has everything, and the dataset.
    assert!(pages.report.contains("application/ld+json"));
    assert!(!app_part(&pages.report).contains("data-visual="));
}
