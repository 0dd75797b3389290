//! What every canvas needs (`frame`: size, nearness, one redraw per frame), the one drawing
//! backend type of the browser (`backend`), text measurement for drawing (`text`), and the SVG
//! the pre-rendered page shows in a canvas' place (`static_drawing`).

pub mod backend;
pub mod frame;
pub mod static_drawing;
pub mod text;
