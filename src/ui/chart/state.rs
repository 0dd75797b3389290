//! What the pieces of a chart share: its model, the canvas' box, the hidden series, the
//! focused figure and its tooltip, the hit map from the last drawing, and whether it is shown as
//! a table (the view state, and so the URL).

use std::sync::Arc;

use crate::ui::canvas::backend::BrowserBackend;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;

use crate::core::chart::draw::{chart_height_css, draw_chart, ChartHits, DrawOptions};
use crate::core::chart::model::ChartModel;
use crate::core::theme::Theme;
use crate::ui::canvas::frame::CanvasBox;
use crate::ui::preferences::{drawing_scale, Preferences};
use crate::ui::url_sync::ViewStateContext;

/// A tooltip's figure and where it points, in CSS px within the chart's canvas box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tooltip {
    pub datum: usize,
    pub x: f64,
    pub y: f64,
}

/// A chart's shared state (`Copy`: every piece holds it).
#[derive(Clone, Copy)]
pub struct ChartState {
    pub model: StoredValue<Arc<ChartModel>>,
    pub canvas: CanvasBox,
    pub canvas_ref: NodeRef<leptos::html::Canvas>,
    /// Series the reader switched off in the legend (indicator ids).
    pub hidden: RwSignal<Vec<String>>,
    /// The figure with keyboard focus.
    pub focus: RwSignal<Option<usize>>,
    pub tooltip: RwSignal<Option<Tooltip>>,
    /// Said to screen readers (the focused figure).
    pub announcement: RwSignal<String>,
    /// Shown as a table instead of the chart (the view state).
    pub show_table: Memo<bool>,
    /// The canvas replaced the pre-rendered SVG (it has been drawn).
    pub live: RwSignal<bool>,
    hits: StoredValue<Option<ChartHits>>,
    preferences: Preferences,
    view_state: ViewStateContext,
}

impl ChartState {
    pub fn new(
        model: Arc<ChartModel>,
        preferences: Preferences,
        view_state: ViewStateContext,
        live: bool,
    ) -> Self {
        let chart_id = model.id.clone();
        ChartState {
            model: StoredValue::new(model),
            canvas: CanvasBox::new(),
            canvas_ref: NodeRef::new(),
            hidden: RwSignal::new(Vec::new()),
            focus: RwSignal::new(None),
            tooltip: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            show_table: Memo::new(move |_| {
                view_state
                    .state
                    .with(|state| state.tables.contains(&chart_id))
            }),
            live: RwSignal::new(live),
            hits: StoredValue::new(None),
            preferences,
            view_state,
        }
    }

    /// Switches between the chart and its table (the view state, and so the URL).
    pub fn toggle_table(&self) {
        self.tooltip.set(None);
        let id = self.model.with_value(|model| model.id.clone());
        self.view_state.state.update(|state| {
            if let Some(position) = state.tables.iter().position(|table| *table == id) {
                state.tables.remove(position);
            } else {
                state.tables.push(id);
                crate::core::sort::sort(&mut state.tables);
            }
        });
    }

    /// Shows or hides the series of `indicator_id`.
    pub fn toggle_series(&self, indicator_id: &str) {
        self.tooltip.set(None);
        self.hidden.update(|ids| {
            if let Some(position) = ids.iter().position(|id| id == indicator_id) {
                ids.remove(position);
            } else {
                ids.push(indicator_id.to_owned());
            }
        });
    }

    /// Opens the tooltip of `datum` (and announces it), or closes it.
    pub fn show_datum(&self, datum: Option<usize>) {
        let Some(index) = datum else {
            self.tooltip.set(None);
            return;
        };
        let scale = drawing_scale(self.preferences.printing.get_untracked());
        if let Some(anchor) = self
            .hits
            .with_value(|hits| hits.as_ref().and_then(|hits| hits.anchor_of(index)))
        {
            self.tooltip.set(Some(Tooltip {
                datum: index,
                x: f64::from(anchor.0) / scale,
                y: f64::from(anchor.1) / scale,
            }));
        }
        let description = self
            .model
            .with_value(|model| model.data[index].description(model.language));
        self.announcement.set(description);
    }

    /// The figure under the CSS px point `at` of the canvas.
    pub fn datum_at(&self, at: (f64, f64)) -> Option<usize> {
        let scale = drawing_scale(self.preferences.printing.get_untracked());
        let pixel = ((at.0 * scale).round() as i32, (at.1 * scale).round() as i32);
        self.hits
            .with_value(|hits| hits.as_ref().and_then(|hits| hits.datum_at(pixel)))
    }

    /// The figures in the order they are drawn (for the keyboard).
    pub fn drawn_order(&self) -> Vec<usize> {
        self.hits
            .with_value(|hits| hits.as_ref().map(ChartHits::drawn_data).unwrap_or_default())
    }

    /// The chart's height (CSS px) with its visible series.
    fn css_height(&self, hidden: &[String]) -> f64 {
        self.model.with_value(|model| {
            let visible = model
                .data
                .iter()
                .filter(|datum| !hidden.contains(&datum.indicator_id))
                .count();
            chart_height_css(model.kind, visible)
        })
    }

    /// Draws the chart on its canvas now (called at most once per animation frame).
    pub fn draw(&self) {
        let Some(canvas) = self.canvas_ref.get_untracked() else {
            return;
        };
        let hidden = self.hidden.get_untracked();
        let printing = self.preferences.printing.get_untracked();
        let element: &web_sys::HtmlCanvasElement = &canvas;
        let Some(scale) = self
            .canvas
            .prepare(element, self.css_height(&hidden), printing)
        else {
            return;
        };
        let large = self.preferences.large.get_untracked();
        let theme = Theme::for_view(self.preferences.color_scheme.get_untracked(), large);
        let options = DrawOptions {
            theme: &theme,
            scale,
            hidden: &hidden,
            focus: self.focus.get_untracked(),
            large,
            measure: &crate::ui::canvas::text::canvas_text_width,
        };
        let Some(backend) = BrowserBackend::on_canvas(element) else {
            return;
        };
        let drawn = self
            .model
            .with_value(|model| draw_chart(&backend.into_drawing_area(), model, &options));
        match drawn {
            Ok(hits) => {
                self.hits.set_value(Some(hits));
                // In the same frame as the drawing: the canvas takes the SVG's place.
                if !self.live.get_untracked() {
                    self.live.set(true);
                }
            }
            Err(error) => {
                self.hits.set_value(None);
                let id = self.model.with_value(|model| model.id.clone());
                web_sys::console::error_1(&format!("chart {id}: {error}").into());
            }
        }
    }
}
