//! What every canvas needs (`frame`: size, nearness, one redraw per frame), text measurement
//! for drawing (`text`), and the SVG the pre-rendered page shows in a canvas' place
//! (`static_drawing`).

pub mod frame;
pub mod static_drawing;
pub mod text;
