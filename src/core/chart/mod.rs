//! Charts: a chart block → the numbers it shows (`model`), drawn with plotters on any backend
//! (`draw`), with nice axis ends (`scale`), and the keyboard's way through its figures
//! (`keyboard`).

pub mod draw;
pub mod keyboard;
pub mod model;
pub mod scale;
