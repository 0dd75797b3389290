//! The village map (`village_map`), drawn at frame rate (`frames`), with the card of a village,
//! the accessible village list and the locator inset.

pub mod frames;
pub mod locator_inset;
pub mod village_card;
pub mod village_list;
pub mod village_map;
