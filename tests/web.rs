//! Component tests in headless Chromium (wasm-bindgen-test).
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use fuguanzhuang_viewer::core::snapshot::load::{snapshot_from_json_text, LoadFailure};
use fuguanzhuang_viewer::core::snapshot::validate::Problem;
use fuguanzhuang_viewer::core::Language;
use fuguanzhuang_viewer::ui::app::{App, AppStart, LoadState, Rendering};
use fuguanzhuang_viewer::ui::load_error::LoadError;
use fuguanzhuang_viewer::ui::panic_notice::{show_panic_notice, PANIC_NOTICE_ID};
use fuguanzhuang_viewer::ui::report::header::ReportHeader;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const DEFAULT_SNAPSHOT: &str = include_str!("../data/snapshot.json");

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A fresh container appended to <body>.
fn container() -> HtmlElement {
    let element = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&element)
        .expect("append");
    element.unchecked_into()
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer");
}

#[wasm_bindgen_test]
fn report_header_shows_the_township_and_counts() {
    let snapshot =
        Arc::new(snapshot_from_json_text(DEFAULT_SNAPSHOT).expect("default snapshot is valid"));
    let expected_count = snapshot.indicators.len();
    let root = container();
    let shown = snapshot.clone();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <ReportHeader snapshot=shown.clone() /> },
    )
    .forget();

    let name = root
        .query_selector("h1.township-name")
        .unwrap()
        .expect("township heading");
    assert_eq!(name.text_content().as_deref(), Some("富官庄镇"));
    let count = root
        .query_selector(".indicator-count")
        .unwrap()
        .expect("indicator count");
    assert_eq!(
        count.get_attribute("data-count"),
        Some(expected_count.to_string())
    );
    let chips = root.query_selector_all(".programme-chip").unwrap();
    assert_eq!(chips.length() as usize, snapshot.sections.len());
    root.remove();
}

#[wasm_bindgen_test]
fn load_error_lists_problems_and_retries() {
    let failure = LoadFailure::Invalid {
        url: "data/snapshot.json".into(),
        problems: vec![
            Problem::said(
                "indicators[3].value",
                "必须 ≥ 0，实际为 -3",
                "must be ≥ 0, got -3",
            ),
            Problem::from_reader("meta.as_of", "missing field `as_of`"),
        ],
    };
    let retried = RwSignal::new(0);
    let root = container();
    leptos::mount::mount_to(root.clone(), move || {
        view! { <LoadError failure=failure.clone() language=Language::Zh on_retry=Some(Callback::new(move |()| retried.update(|n| *n += 1))) /> }
    })
    .forget();

    let items = root.query_selector_all(".load-error-details li").unwrap();
    assert_eq!(items.length(), 2);
    let first = items
        .get(0)
        .and_then(|node| node.text_content())
        .unwrap_or_default();
    // In the page's language (Chinese by default); JSON paths as they are.
    assert_eq!(first, "indicators[3].value：必须 ≥ 0，实际为 -3");
    let second = items
        .get(1)
        .and_then(|node| node.text_content())
        .unwrap_or_default();
    assert_eq!(second, "meta.as_of：缺少字段 `as_of`");
    let button: HtmlElement = root
        .query_selector("button")
        .unwrap()
        .expect("retry button")
        .unchecked_into();
    button.click();
    assert_eq!(retried.get_untracked(), 1);
    root.remove();
}

#[wasm_bindgen_test]
fn panic_notice_shows_the_message_as_inert_text() {
    show_panic_notice("boom <img src=x onerror=alert(1)> at src/ui/app.rs:1");
    let notice = document()
        .get_element_by_id(PANIC_NOTICE_ID)
        .expect("notice shown");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        notice.query_selector("img").unwrap().is_none(),
        "message must not be parsed as HTML"
    );
    let text = notice.text_content().unwrap_or_default();
    assert!(text.contains("boom <img src=x onerror=alert(1)>"), "{text}");
    // A second panic replaces the notice instead of stacking them.
    show_panic_notice("second");
    assert_eq!(
        document()
            .query_selector_all(".panic-notice")
            .unwrap()
            .length(),
        1
    );
    notice.remove();
    if let Some(element) = document().get_element_by_id(PANIC_NOTICE_ID) {
        element.remove();
    }
}

#[wasm_bindgen_test]
async fn app_fetches_the_default_snapshot() {
    let root = container();
    let start = AppStart {
        load: LoadState::Loading,
        offline_copy: None,
        query: String::new(),
        rendering: Rendering::Client,
        site_url: None,
        page_visual: None,
    };
    leptos::mount::mount_to(root.clone(), move || view! { <App start=start /> }).forget();
    assert!(
        root.query_selector(".loading").unwrap().is_some(),
        "loading state first"
    );
    for _ in 0..100 {
        if root.query_selector("h1.township-name").unwrap().is_some()
            || root.query_selector(".load-error").unwrap().is_some()
        {
            break;
        }
        sleep_ms(50).await;
    }
    let error = root.query_selector(".load-error").unwrap();
    assert!(
        error.is_none(),
        "load failed: {:?}",
        error.and_then(|e| e.text_content())
    );
    let name = root
        .query_selector("h1.township-name")
        .unwrap()
        .expect("loaded");
    assert_eq!(name.text_content().as_deref(), Some("富官庄镇"));
    root.remove();
}

#[wasm_bindgen_test]
async fn chart_figure_draws_on_its_canvas_and_toggles_the_table() {
    use fuguanzhuang_viewer::core::chart::model::chart_models;
    use fuguanzhuang_viewer::ui::chart::figure::ChartFigure;

    let snapshot = snapshot_from_json_text(DEFAULT_SNAPSHOT).expect("valid");
    let model = chart_models(&snapshot, Language::Zh)
        .into_iter()
        .find(|model| model.id == "environment-courtyards")
        .expect("chart");
    let root = container();
    let _ = root.style().set_property("width", "360px");
    leptos::mount::mount_to(root.clone(), move || {
        view! { <ChartFigure model=model.clone() file_prefix="test" /> }
    })
    .forget();
    let canvas: web_sys::HtmlCanvasElement = root
        .query_selector("canvas")
        .unwrap()
        .expect("canvas")
        .unchecked_into();
    for _ in 0..40 {
        if canvas.width() > 300 {
            break;
        }
        sleep_ms(25).await;
    }
    let scale = web_sys::window().expect("window").device_pixel_ratio();
    assert_eq!(
        f64::from(canvas.width()),
        (f64::from(canvas.client_width()) * scale).round()
    );
    assert_eq!(
        canvas.get_attribute("aria-describedby").as_deref(),
        Some("chart-environment-courtyards-summary")
    );
    let summary = root
        .query_selector("#chart-environment-courtyards-summary")
        .unwrap()
        .and_then(|element| element.text_content())
        .unwrap_or_default();
    assert!(summary.contains("3400户"), "{summary}");
    let toggle: HtmlElement = root
        .query_selector(".table-toggle")
        .unwrap()
        .expect("table toggle")
        .unchecked_into();
    toggle.click();
    // Leptos applies reactive DOM updates asynchronously.
    sleep_ms(20).await;
    let rows = root
        .query_selector_all(".chart-table-wrap tbody tr")
        .unwrap();
    assert_eq!(rows.length(), 2);
    let wrap = root
        .query_selector(".chart-table-wrap")
        .unwrap()
        .expect("wrap");
    assert!(!wrap.class_list().contains("hidden"));
    root.remove();
}

#[wasm_bindgen_test]
fn map_frames_spread_a_full_drawing_over_frames_then_shift_the_finished_picture() {
    use fuguanzhuang_viewer::core::geo::ViewTransform;
    use fuguanzhuang_viewer::ui::map::frames::{FrameKind, MapFrames};

    let target: web_sys::HtmlCanvasElement = document()
        .create_element("canvas")
        .expect("canvas")
        .unchecked_into();
    target.set_width(40);
    target.set_height(30);
    let context: web_sys::CanvasRenderingContext2d = target
        .get_context("2d")
        .expect("context")
        .expect("2d")
        .unchecked_into();
    let mut frames = MapFrames::default();
    let view = ViewTransform::default();
    // A clock that jumps 1 ms per look: with a 0 ms budget every call draws one slice.
    let clock = std::cell::Cell::new(0.0);
    let now = || {
        clock.set(clock.get() + 1.0);
        clock.get()
    };
    let features = 100;
    let slices = std::cell::RefCell::new(Vec::new());
    let draw = |canvas: &web_sys::HtmlCanvasElement, range: std::ops::Range<usize>| {
        let work: web_sys::CanvasRenderingContext2d = canvas
            .get_context("2d")
            .expect("context")
            .expect("2d")
            .unchecked_into();
        work.set_fill_style_str("rgb(200, 0, 0)");
        work.fill_rect(0.0, 0.0, 40.0, 30.0);
        slices.borrow_mut().push(range.clone());
        Ok(range.len())
    };
    let mut kinds = Vec::new();
    loop {
        let kind = frames
            .frame(&target, "k".into(), view, 1.0, features, 0.0, &now, draw)
            .expect("frame");
        kinds.push(kind);
        if kind != FrameKind::Partial {
            break;
        }
    }
    assert!(kinds.len() > 1, "drawn over several frames: {kinds:?}");
    assert_eq!(kinds.last(), Some(&FrameKind::Full(features)));
    // The slices cover every feature once, in order.
    let covered: Vec<usize> = slices
        .borrow()
        .iter()
        .flat_map(|range| range.clone())
        .collect();
    assert_eq!(covered, (0..features).collect::<Vec<_>>());
    let pixel = context
        .get_image_data(20.0, 15.0, 1.0, 1.0)
        .expect("pixel")
        .data();
    assert_eq!(&pixel[..3], &[200, 0, 0], "the finished drawing is shown");
    // Panning only: the finished picture is shifted, nothing is drawn.
    let drawn_before = slices.borrow().len();
    let panned = ViewTransform {
        pan: (10.0, 0.0),
        ..view
    };
    let kind = frames
        .frame(&target, "k".into(), panned, 1.0, features, 0.0, &now, draw)
        .expect("frame");
    assert_eq!(kind, FrameKind::Shifted);
    assert_eq!(slices.borrow().len(), drawn_before);
    let uncovered = context
        .get_image_data(5.0, 15.0, 1.0, 1.0)
        .expect("pixel")
        .data();
    assert_eq!(
        uncovered[3], 0,
        "the strip uncovered by the pan is empty until redrawn"
    );
    // A new key (e.g. other colours) starts a new drawing.
    frames.invalidate();
    let kind = frames
        .frame(&target, "k".into(), panned, 1.0, features, 0.0, &now, draw)
        .expect("frame");
    assert_eq!(kind, FrameKind::Partial);
}

/// The reader's choice made in a part already taken over stands when the rest of the page is
/// taken over (the URL's view is applied only to an untouched view).
#[wasm_bindgen_test]
async fn a_choice_made_before_the_page_is_all_taken_over_stands() {
    use fuguanzhuang_viewer::core::view::state::{view_state_from_query, ViewState};
    use fuguanzhuang_viewer::ui::url_sync::provide_view_state;

    for reader_acts in [false, true] {
        let (from_url, _) = view_state_from_query("?section=infrastructure");
        let (chosen, _) = view_state_from_query("?section=environment");
        let ready = RwSignal::new(false);
        let state = StoredValue::new_local(None);
        let root = container();
        let url_view = from_url.clone();
        leptos::mount::mount_to(root.clone(), move || {
            let context = provide_view_state(
                ViewState::default(),
                url_view.clone(),
                Vec::new(),
                String::new(),
                ready.into(),
            );
            state.set_value(Some(context.state));
            view! { <p>"view"</p> }
        })
        .forget();
        let state = state.get_value().expect("provided");
        sleep_ms(10).await;
        assert_eq!(
            state.get_untracked(),
            ViewState::default(),
            "the pre-rendered view first"
        );
        if reader_acts {
            state.set(chosen.clone());
        }
        sleep_ms(10).await;
        ready.set(true);
        sleep_ms(20).await;
        let expected = if reader_acts { &chosen } else { &from_url };
        assert_eq!(
            &state.get_untracked(),
            expected,
            "reader acted: {reader_acts}"
        );
        let search = web_sys::window().unwrap().location().search().unwrap();
        let section = if reader_acts {
            "environment"
        } else {
            "infrastructure"
        };
        assert!(search.contains(&format!("section={section}")), "{search}");
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn one_visual_alone_shows_just_it_with_its_key_sources_and_the_way_back() {
    let snapshot = Arc::new(snapshot_from_json_text(DEFAULT_SNAPSHOT).expect("valid"));
    let root = container();
    let start = AppStart {
        load: LoadState::Ready(snapshot),
        offline_copy: None,
        query: "?visual=figure:volunteers_recruited&lang=en".to_owned(),
        rendering: Rendering::Client,
        site_url: None,
        page_visual: None,
    };
    leptos::mount::mount_to(root.clone(), move || view! { <App start=start /> }).forget();
    for _ in 0..100 {
        if root
            .query_selector(".single-visual[data-complete=\"true\"]")
            .unwrap()
            .is_some()
        {
            break;
        }
        sleep_ms(20).await;
    }
    let article = root
        .query_selector(".single-visual")
        .unwrap()
        .expect("the visual alone");
    assert_eq!(
        article.get_attribute("data-visual").as_deref(),
        Some("figure:volunteers_recruited")
    );
    assert_eq!(root.query_selector_all(".figure-card").unwrap().length(), 1);
    assert!(root.query_selector(".report-header").unwrap().is_none());
    let footer = article
        .query_selector(".visual-footer")
        .unwrap()
        .expect("footer")
        .text_content()
        .unwrap_or_default();
    // "近200" is about 200: the key says so, with the report's own word.
    assert!(
        footer.contains("approximate") && footer.contains("“近”"),
        "{footer}"
    );
    assert!(footer.contains("Source:"), "{footer}");
    let link = article
        .query_selector(".open-full")
        .unwrap()
        .expect("full report link")
        .get_attribute("href")
        .unwrap_or_default();
    assert!(
        link.contains("section=civility") && link.contains("indicator=volunteers_recruited"),
        "{link}"
    );
    assert!(
        link.ends_with("#figure-volunteers_recruited") && !link.contains("visual="),
        "{link}"
    );
    root.remove();
}

#[cfg(feature = "editor")]
/// The editor's field: what is typed goes into the draft, a text the field cannot take is said
/// next to it with its path (and the draft keeps its number), and the change list follows.
#[wasm_bindgen_test]
async fn an_editor_field_takes_a_number_refuses_text_and_the_change_list_follows() {
    use fuguanzhuang_viewer::core::draft::field::{Field, IndicatorField};
    use fuguanzhuang_viewer::core::draft::history::Draft;
    use fuguanzhuang_viewer::editor::change_list::ChangeList;
    use fuguanzhuang_viewer::editor::context::{EditorContext, Published};
    use fuguanzhuang_viewer::editor::field_input::{FieldInput, InputKind};

    let snapshot = snapshot_from_json_text(DEFAULT_SNAPSHOT).expect("default snapshot is valid");
    let index = snapshot
        .indicators
        .iter()
        .position(|indicator| indicator.id == "cadres_trained")
        .expect("figure");
    let root = container();
    let editor = EditorContext::new();
    editor.published.set(Some(Published {
        snapshot: snapshot.clone(),
        fingerprint: String::new(),
    }));
    editor.draft.set(Some(Draft::new(snapshot)));
    let field = Field::Indicator(index, IndicatorField::Value);
    leptos::mount::mount_to(root.clone(), move || {
        provide_context(editor);
        view! {
            <FieldInput field=field label=fuguanzhuang_viewer::core::draft::wording::FIELD_VALUE kind=InputKind::Number />
            <ChangeList />
        }
    })
    .forget();
    sleep_ms(0).await;
    let input: web_sys::HtmlInputElement = root
        .query_selector(&format!("#f-indicators-{index}-value"))
        .expect("query")
        .expect("the field's input")
        .unchecked_into();
    assert_eq!(input.value(), "238");
    let type_in = |text: &str| {
        input.set_value(text);
        input
            .dispatch_event(&web_sys::Event::new("input").expect("event"))
            .expect("dispatch");
    };
    type_in("二百");
    sleep_ms(0).await;
    let said = root
        .query_selector(".field-problem")
        .expect("query")
        .expect("a problem");
    let text = said.text_content().unwrap_or_default();
    assert!(
        text.contains("不是数字") && text.contains(&format!("indicators[{index}].value")),
        "{text}"
    );
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(root.text_content().unwrap_or_default().contains("没有变更"));
    type_in("250");
    sleep_ms(0).await;
    assert!(root
        .query_selector(".field-problem")
        .expect("query")
        .is_none());
    let change = root
        .query_selector(".changes li")
        .expect("query")
        .expect("one change");
    let line = change.text_content().unwrap_or_default();
    assert!(line.contains("238") && line.contains("250"), "{line}");
    root.remove();
}
