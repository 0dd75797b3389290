//! The page maker's renderer in a dedicated web worker (where the editor runs it): the report
//! and every visual's page render there, from the same components as at build time.
#![cfg(all(target_arch = "wasm32", feature = "pages"))]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

#[wasm_bindgen_test]
fn the_report_renders_in_a_worker() {
    console_error_panic_hook::set_once();
    let error_constructor = js_sys::Reflect::get(&js_sys::global(), &"Error".into()).expect("Error");
    let _ = js_sys::Reflect::set(&error_constructor, &"stackTraceLimit".into(), &200.into());
    let rendered = fuguanzhuang_viewer::ui::prerender::render_pages(
        include_str!("../index.html"),
        include_str!("../data/snapshot.json"),
        None,
    )
    .expect("renders");
    assert!(rendered.report.contains("class=\"township-name\">富官庄镇"));
    assert!(!rendered.visuals.is_empty());
}
