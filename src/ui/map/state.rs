//! What the pieces of the village map share: the snapshot's map models (one per layout width),
//! the canvas' box, the pan/zoom, the selection and colouring from the view state, and the
//! actions the controls and gestures take (select, zoom, pan, go to a village).

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::geo::{Point, ViewTransform};
use crate::core::map::draw::map_model_for_width;
use crate::core::map::model::{ColourBy, MapModel, WIDE_LAYOUT_FROM};
use crate::core::map::viewport::{Viewport, FOCUS_ZOOM};
use crate::core::snapshot::Snapshot;
use crate::core::speech::SpeechKey;
use crate::core::Language;
use crate::ui::canvas::frame::CanvasBox;
use crate::ui::speech::read_aloud::{use_read_aloud, ReadAloud, Trigger};
use crate::ui::url_sync::ViewStateContext;

/// The map's shared state (`Copy`: every piece holds it).
#[derive(Clone, Copy)]
pub struct MapState {
    pub snapshot: StoredValue<Arc<Snapshot>>,
    pub language: Language,
    pub canvas: CanvasBox,
    pub canvas_ref: NodeRef<leptos::html::Canvas>,
    /// Pan and zoom on top of the projection that fits the whole map.
    pub view: RwSignal<ViewTransform>,
    /// The selected village (its card is open), from the view state.
    pub selected: Memo<Option<String>>,
    /// What the map is coloured by, from the view state.
    pub colour_by: Memo<ColourBy>,
    /// Said to screen readers (the selected village's name).
    pub announcement: RwSignal<String>,
    view_state: ViewStateContext,
    read_aloud: Option<ReadAloud>,
    /// The model depends on the layout width class only: one per class.
    models: StoredValue<HashMap<bool, Arc<MapModel>>>,
}

impl MapState {
    pub fn new(snapshot: Arc<Snapshot>, language: Language, view_state: ViewStateContext) -> Self {
        MapState {
            snapshot: StoredValue::new(snapshot),
            language,
            canvas: CanvasBox::new(),
            canvas_ref: NodeRef::new(),
            view: RwSignal::new(ViewTransform::default()),
            selected: Memo::new(move |_| view_state.state.with(|state| state.village.clone())),
            colour_by: Memo::new(move |_| view_state.state.with(|state| state.map_colour.clone())),
            announcement: RwSignal::new(String::new()),
            view_state,
            read_aloud: use_read_aloud(),
            models: StoredValue::new(HashMap::new()),
        }
    }

    /// The model for a box `width` CSS px wide (cached per layout: the phone one, the wide one).
    pub fn model_at(&self, width: f64) -> Arc<MapModel> {
        let key = width < WIDE_LAYOUT_FROM;
        if let Some(model) = self.models.with_value(|models| models.get(&key).cloned()) {
            return model;
        }
        let model = Arc::new(
            self.snapshot
                .with_value(|snapshot| map_model_for_width(snapshot, self.language, width)),
        );
        self.models.update_value(|models| {
            models.insert(key, Arc::clone(&model));
        });
        model
    }

    /// The model and viewport at the box's current width.
    pub fn current(&self) -> (Arc<MapModel>, Viewport) {
        let width = self.canvas.width.get_untracked().max(1.0);
        let model = self.model_at(width);
        let viewport = Viewport::new(&model, width);
        (model, viewport)
    }

    /// Selects `id` (opens its card), or nothing.
    pub fn select(&self, id: Option<String>) {
        if let Some(id) = &id {
            let (model, _) = self.current();
            if let Some(feature) = model.feature_of(id) {
                self.announcement.set(model.features[feature].name.clone());
            }
            if let Some(read_aloud) = self.read_aloud {
                let key = SpeechKey::Village { place: id.clone() };
                read_aloud.say_key(&key.attribute(), Trigger::Tap);
            }
        }
        self.view_state.state.update(|state| state.village = id);
    }

    /// Zooms by `factor` about `anchor` (CSS px in the canvas), or about the middle.
    pub fn zoom_by(&self, factor: f64, anchor: Option<Point>) {
        let (_, viewport) = self.current();
        self.view
            .update(|view| *view = viewport.zoomed(view, factor, anchor));
    }

    pub fn pan_by(&self, delta: Point) {
        self.view.update(|view| *view = view.panned(delta));
    }

    /// The whole map.
    pub fn reset(&self) {
        self.view.set(ViewTransform::default());
    }

    /// Selects `id` and brings it to the middle of the map at a readable zoom.
    pub fn focus_on(&self, id: String) {
        let (model, viewport) = self.current();
        let Some(index) = model.feature_of(&id) else {
            return;
        };
        let zoom = self.view.get_untracked().zoom.max(FOCUS_ZOOM);
        self.view
            .set(viewport.centred_on(model.features[index].label_at, zoom));
        self.select(Some(id));
    }

    /// The view state's zoom and centre (the URL's), tracked.
    pub fn url_target(&self) -> (f64, Option<Point>) {
        self.view_state
            .state
            .with(|state| (state.map_zoom, state.map_centre))
    }

    /// Writes the map's zoom and centre to the view state (and so the URL) when they changed.
    pub fn write_url_target(&self, zoom: f64, centre: Option<Point>) {
        let near = |a: f64, b: f64| (a - b).abs() <= 1e-9 * (1.0 + a.abs());
        let same = self.view_state.state.with_untracked(|state| {
            near(state.map_zoom, zoom)
                && match (state.map_centre, centre) {
                    (None, None) => true,
                    (Some(a), Some(b)) => near(a.0, b.0) && near(a.1, b.1),
                    _ => false,
                }
        });
        if !same {
            self.view_state.state.update(|state| {
                state.map_zoom = zoom;
                state.map_centre = centre;
            });
        }
    }

    /// Sets the colouring (the view state, and so the URL).
    pub fn set_colour(&self, colour: ColourBy) {
        self.view_state
            .state
            .update(|state| state.map_colour = colour);
    }
}
