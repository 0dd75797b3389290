//! Read aloud (朗读 / 指读): `read_aloud` (the state, what is said when, highlighting),
//! `engine` (the browser's speech synthesis), `controls` (switch, section button, bar).

pub mod controls;
pub mod engine;
pub mod read_aloud;
