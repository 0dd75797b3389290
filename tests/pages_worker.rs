//! The page maker's renderer in a dedicated web worker (where the editor runs it): the report
//! and every visual's page render there, from the same components as at build time.
#![cfg(all(target_arch = "wasm32", feature = "pages"))]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

#[wasm_bindgen_test]
fn the_report_renders_in_a_worker() {
    console_error_panic_hook::set_once();
    let rendered = fuguanzhuang_viewer::ui::prerender::render_pages(
        include_str!("../index.html"),
        include_str!("../data/snapshot.json"),
        None,
    )
    .expect("renders");
    assert!(rendered.report.contains("class=\"township-name\">富官庄镇"));
    // Every visual has its page, each with the report's title in it.
    assert!(
        rendered.visuals.len() > 20,
        "{} visuals",
        rendered.visuals.len()
    );
    assert!(rendered
        .visuals
        .iter()
        .all(|(file, html)| file.starts_with("visual-") && html.contains("富官庄镇")));
}
