//! Charts: a chart block → the numbers it shows (`model`), drawn with plotters on any backend
//! (`draw`), with nice axis ends (`scale`).

pub mod draw;
pub mod model;
pub mod scale;
