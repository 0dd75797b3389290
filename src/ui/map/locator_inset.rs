//! A small locator: the snapshot's county among its neighbours, drawn from the shipped outline
//! file (converted to WGS 84 and simplified by `snapshot locator`), with the file's credit. The
//! county is found by its code (`meta.county.code`); an outline file without it shows nothing.

use crate::ui::canvas::backend::BrowserBackend;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plotters::prelude::IntoDrawingArea;

use crate::core::map::draw::draw_locator;
use crate::core::map::locator::{locator_from_geojson_text, Locator};
use crate::core::snapshot::AdminUnit;
use crate::core::theme::Theme;
use crate::core::wording::{self as w, text};
use crate::core::Language;
use crate::ui::canvas::frame::CanvasBox;
use crate::ui::preferences::use_preferences;

/// The locator outline, relative to the page.
pub const LOCATOR_URL: &str = "data/geo/locator-linyi-wgs84.json";
/// The inset's size (CSS px, square; `.locator-box` in the stylesheet).
const LOCATOR_SIZE: f64 = 112.0;

#[component]
pub fn LocatorInset(county: AdminUnit, city: AdminUnit, language: Language) -> impl IntoView {
    let preferences = use_preferences();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let locator = RwSignal::new(None::<Result<Locator, String>>);
    // Fetched in the browser only (an effect).
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
                locator_from_geojson_text(&text)
            }
            .await;
            locator.set(Some(result));
        });
    });
    // The same canvas life as every canvas: drawn when near, at print resolution when printing.
    let box_ref = NodeRef::<leptos::html::Div>::new();
    let canvas_box = CanvasBox::new();
    let code = county.code.clone();
    let draw = move || {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        locator.with_untracked(|locator| {
            let Some(Ok(locator)) = locator else {
                return;
            };
            let element: &web_sys::HtmlCanvasElement = &canvas;
            let printing = preferences.printing.get_untracked();
            let Some(scale) = canvas_box.prepare(element, LOCATOR_SIZE, printing) else {
                return;
            };
            let theme = Theme::for_scheme(preferences.color_scheme.get_untracked());
            if let Some(backend) = BrowserBackend::on_canvas(element) {
                if let Err(error) = draw_locator(
                    &backend.into_drawing_area(),
                    &locator.areas,
                    &code,
                    &theme,
                    scale,
                ) {
                    web_sys::console::warn_1(&format!("locator: {error}").into());
                }
            }
        });
    };
    canvas_box.drive(
        box_ref,
        move || {
            locator.track();
            canvas_ref.track();
        },
        StoredValue::new_local(draw),
    );
    let (where_text, caption_place) = w::locator_texts(language, &county.name, &city.name);
    move || {
        locator.with(|locator| match locator {
            // Not loaded yet, or no outline of this county: nothing to show.
            None => ().into_any(),
            Some(Ok(locator)) if !locator.has(&county.code) => ().into_any(),
            Some(Err(error)) => view! {
                <p class="locator-error">{format!("{}{error}", text(language, w::LOCATOR_UNAVAILABLE))}</p>
            }
            .into_any(),
            Some(Ok(locator)) => {
                let credit = locator.credit.get(language).to_owned();
                view! {
                    <figure class="locator">
                        <div class="locator-box" node_ref=box_ref>
                            <canvas node_ref=canvas_ref class="locator-canvas" role="img" aria-label=where_text.clone()></canvas>
                        </div>
                        <figcaption>{format!("{caption_place}{credit}")}</figcaption>
                    </figure>
                }
                .into_any()
            }
        })
    }
}
